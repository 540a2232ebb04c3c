import { and, inArray, lt, ne, sql } from 'drizzle-orm';
import { eventSignups, events } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';

/** Days after an event ends that organisers keep sign-ups' names and phones (to follow up). */
export const SIGNUP_RETENTION_DAYS = 90;

/**
 * Forgets the names and phones of sign-ups to events that ended long enough ago; the counts
 * (seats, check-ins) stay for the summary. Meant for the hourly job.
 * @example await purgeSignupContacts(db, Date.now())
 */
export async function purgeSignupContacts(db: Db, now: number): Promise<number> {
  const ended = db
    .select({ id: events.id })
    .from(events)
    .where(lt(events.endsAt, now - SIGNUP_RETENTION_DAYS * DAY_MS));
  const result = await db
    .update(eventSignups)
    .set({ name: '', phone: '', updatedAt: now })
    .where(and(inArray(eventSignups.eventId, ended), ne(eventSignups.phone, sql`''`)));
  return result.rowsAffected;
}
