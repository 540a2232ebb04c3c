import { and, asc, eq, sql } from 'drizzle-orm';
import { eventSignups } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';

/** Confirmed first, then the waitlist in its order, then the cancelled; each in sign-up order. */
const statusOrder = sql`case ${eventSignups.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`;

/** The door list: the organiser sees full phone numbers, to call people who do not come. */
export async function attendees(db: Db, eventId: number) {
  return db
    .select({
      id: eventSignups.id,
      name: eventSignups.name,
      phone: eventSignups.phone,
      seats: eventSignups.seats,
      status: eventSignups.status,
      createdAt: eventSignups.createdAt,
      promotedAt: eventSignups.promotedAt,
      cancelledAt: eventSignups.cancelledAt,
      cancelledBy: eventSignups.cancelledBy,
      checkedInAt: eventSignups.checkedInAt,
    })
    .from(eventSignups)
    .where(eq(eventSignups.eventId, eventId))
    .orderBy(statusOrder, asc(eventSignups.id));
}

/** A sign-up of this event, or the 404 `signup_not_found`. */
export async function signupOf(db: Db, eventId: number, signupId: number) {
  const [row] = await db
    .select()
    .from(eventSignups)
    .where(and(eq(eventSignups.id, signupId), eq(eventSignups.eventId, eventId)));
  if (!row) throw new ApiError(404, 'signup_not_found', 'No such sign-up for this event.');
  return row;
}
