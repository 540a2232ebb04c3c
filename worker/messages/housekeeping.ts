import { sql } from 'drizzle-orm';
import { eventSignups, events, homeVisits, messageOptins, renovationWishes, tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';

/** A finished subject keeps the phone this long, for a late message (a final answer, a rating call). */
export const OPTIN_GRACE_DAYS = 7;

/**
 * Forgets the phones of opt-ins that are stopped, or whose subject is finished (a ticket closed,
 * rejected or merged; a visit over; a sign-up's event past; a wish given a final answer) for a
 * week, once no message of theirs waits. The opt-in and its outbox rows stay, phoneless, as the
 * record of what was sent.
 * @example const forgotten = await purgeOptinPhones(db, now)
 */
export async function purgeOptinPhones(db: Db, now: number): Promise<number> {
  const before = now - OPTIN_GRACE_DAYS * DAY_MS;
  const finished = sql`(
    (o.subject_kind = 'ticket' and exists (select 1 from ${tickets} t where t.id = o.subject_id
      and t.status in ('closed', 'rejected', 'duplicate') and t.updated_at < ${before}))
    or (o.subject_kind = 'visit' and exists (select 1 from ${homeVisits} v where v.id = o.subject_id
      and v.status in ('closed', 'rejected', 'cancelled') and v.updated_at < ${before}))
    or (o.subject_kind = 'signup' and exists (select 1 from ${eventSignups} s join ${events} e on e.id = s.event_id
      where s.id = o.subject_id and e.ends_at < ${before}))
    or (o.subject_kind = 'wish' and exists (select 1 from ${renovationWishes} w where w.id = o.subject_id
      and w.outcome in ('came_true', 'not_possible', 'merged') and w.updated_at < ${before})))`;
  const result = await db.run(sql`update ${messageOptins} as o set phone = ''
    where o.phone != '' and (o.stopped_at is not null or ${finished})
      and not exists (select 1 from message_outbox m where m.optin_id = o.id and m.status in ('pending', 'sending'))`);
  return result.rowsAffected;
}
