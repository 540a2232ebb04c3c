import { type SQL, sql } from 'drizzle-orm';
import { type PartSide, type StaffNoticeKind, staffNotices, staffRobots, tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS, endOfShanghaiDay, SHANGHAI_MS, zhengzhouDay } from '../lib/time.ts';

/**
 * Writing notices for the staff's group robots. Each writer is ONE statement that goes into the
 * batch of the change it announces (a refused or lost write leaves no notice), inserts only for a
 * side whose robot is configured and enabled (the join below), and is idempotent through the
 * notice's unique dedupe key. In SQL, `t` is the ticket and `r` the robot.
 */

/** Which robots hear about a ticket: its side's, or (no side) every side that owns it. */
const sideMatch = (side?: PartSide) => {
  const community = sql`(r.owner_kind = 'community' and r.owner_id = t.community_id)`;
  const company = sql`(r.owner_kind = 'company' and r.owner_id = t.property_company_id)`;
  if (side === 'community') return community;
  if (side === 'property') return company;
  return sql`((${community} and t.owner != 'property') or (${company} and t.owner != 'community'))`;
};

/** What the group reads about a ticket: its category and where (staff-given words only). */
const ticketSummary = sql`(select name from ticket_categories where id = t.category_id) || ' · ' ||
  coalesce((select name from compounds where id = t.compound_id), (select name from communities where id = t.community_id))`;

const ownerKey = (kind: StaffNoticeKind) => sql`${kind} || ':' || r.owner_kind || ':' || r.owner_id || ':' || t.id`;

function ticketNotices(
  db: Db,
  o: { kind: StaffNoticeKind; where: SQL; side?: PartSide; key?: SQL; summary?: SQL; now: number },
) {
  return db.run(sql`insert into ${staffNotices}
      (owner_kind, owner_id, kind, ticket_id, ticket_number, summary, dedupe_key, status, created_at)
    select r.owner_kind, r.owner_id, ${o.kind}, t.id, t.number, ${o.summary ?? ticketSummary},
      ${ownerKey(o.kind)}${o.key ? sql` || ':' || ${o.key}` : sql``}, 'pending', ${o.now}
    from ${tickets} t join ${staffRobots} r on r.enabled = 1 and ${sideMatch(o.side)}
    where ${o.where}
    on conflict do nothing`);
}

/**
 * The new-ticket notice for the owner's side(s), for the ticket just filed in the same batch
 * (the highest id under the batch's write lock, as its parts take it).
 * @example await db.batch([insertTicket, …, newTicketNotice(db, now)])
 */
export const newTicketNotice = (db: Db, now: number) =>
  ticketNotices(db, { kind: 'new_ticket', where: sql`t.id = (select max(id) from ${tickets})`, now });

/**
 * After a re-route in the same batch: a new-ticket notice for a side that now owns the ticket and
 * was not told yet (the dedupe key skips the side that was). Only if the change landed: the
 * ticket is at the version and time this change gave it.
 * @example also.push(reroutedNotice(db, ticket.id, version + 1, now))
 */
export const reroutedNotice = (db: Db, ticketId: number, newVersion: number, now: number) =>
  ticketNotices(db, {
    kind: 'new_ticket',
    where: sql`t.id = ${ticketId} and t.version = ${newVersion} and t.updated_at = ${now}`,
    now,
  });

/**
 * The notice that a ticket's (or a part's) work was handed to a named staff member, for that
 * side's robot. `guarded`: only if the statement before changed one row (a `changeTicket` batch).
 * @example also.push(assignedNotice(db, { ticketId, side: 'property', staffId, staffName, now, guarded: true }))
 */
export const assignedNotice = (
  db: Db,
  a: { ticketId: number; side: PartSide; staffId: number; staffName: string; now: number; guarded?: boolean },
) =>
  ticketNotices(db, {
    kind: 'part_assigned',
    side: a.side,
    where: sql`${a.guarded ? sql`changes() = 1 and ` : sql``}t.id = ${a.ticketId}`,
    key: sql`${`${a.side}:${a.staffId}:${a.now}`}`,
    summary: sql`${ticketSummary} || ' → ' || ${a.staffName}`,
    now: a.now,
  });

/** Overdue open tickets whose clock runs (clock.ts `overdueCondition`), once per due date. */
const overdueNotices = (db: Db, now: number) =>
  ticketNotices(db, {
    kind: 'overdue',
    where: sql`t.status in ('submitted', 'accepted', 'in_progress') and t.paused_at is null and t.due_at < ${now}`,
    key: sql`t.due_at`,
    now,
  });

/** Tomorrow's follow-up calls (回访): one notice per robot per day, listing the ticket numbers. */
function followUpNotices(db: Db, now: number) {
  const tomorrow = zhengzhouDay(now + DAY_MS);
  return db.run(sql`insert into ${staffNotices}
      (owner_kind, owner_id, kind, ticket_id, ticket_number, summary, dedupe_key, status, created_at)
    select r.owner_kind, r.owner_id, 'follow_ups_tomorrow', null, null, group_concat(t.number, ' '),
      'follow_ups_tomorrow:' || r.owner_kind || ':' || r.owner_id || ':' || ${tomorrow}, 'pending', ${now}
    from ${tickets} t join ${staffRobots} r on r.enabled = 1 and ${sideMatch()}
    where t.status in ('resolved', 'closed') and t.rating is null and t.follow_up_at is null
      and t.follow_up_due_at > ${endOfShanghaiDay(zhengzhouDay(now))} and t.follow_up_due_at <= ${endOfShanghaiDay(tomorrow)}
    group by r.id
    on conflict do nothing`);
}

/** From this hour (Zhengzhou) on, tomorrow's follow-up calls are announced. */
export const FOLLOW_UPS_HOUR = 16;

/** Sent notices are kept this long (for the page's history), then deleted. */
const KEEP_MS = 30 * DAY_MS;

/**
 * The periodic step (every minute): overdue tickets, and after 16:00 tomorrow's follow-up calls,
 * become notices; old ones go. Idempotent, so two runners or a retry do no harm.
 * @example await findStaffNotices(db, Date.now())
 */
export async function findStaffNotices(db: Db, now: number): Promise<void> {
  const hour = new Date(now + SHANGHAI_MS).getUTCHours();
  await db.batch([
    overdueNotices(db, now),
    ...(hour >= FOLLOW_UPS_HOUR ? [followUpNotices(db, now)] : []),
    db.run(sql`delete from ${staffNotices} where status != 'pending' and created_at < ${now - KEEP_MS}`),
  ]);
}
