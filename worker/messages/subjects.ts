import { type SQL, sql } from 'drizzle-orm';
import type { HomeVisitStatus, TicketStatus } from '../../schema/index.ts';
import {
  eventSignups,
  events,
  homeVisits,
  messageOptins,
  messageOutbox,
  ticketCategories,
  tickets,
} from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { outboxInsert } from './outbox.ts';
import { shanghaiTime } from './text.ts';

/**
 * The outbox statement for a ticket's change, for `changeTicket`'s batch: a public status change
 * made by staff or the system tells the resident who opted in. It lands only if the change did
 * (the ticket has the version and time the change gave it); an hours-clock category is urgent.
 */
export function ticketStatusMessage(
  db: Db,
  t: { id: number; number: string; version: number; categoryId: number },
  to: TicketStatus,
  now: number,
) {
  return outboxInsert(db, {
    subjectKind: 'ticket',
    subjectId: t.id,
    kind: 'ticket_status',
    params: { number: t.number, status: to },
    urgent: urgentCategory(t.categoryId),
    dedupe: `ticket:${t.id}:v${t.version + 1}`,
    now,
    guard: sql`exists (select 1 from ${tickets} where id = ${t.id} and version = ${t.version + 1} and updated_at = ${now})`,
  });
}

/** The outbox statement for a public reply from staff (a note has no version: one per instant). */
export function staffReplyMessage(db: Db, t: { id: number; number: string; categoryId: number }, now: number) {
  return outboxInsert(db, {
    subjectKind: 'ticket',
    subjectId: t.id,
    kind: 'staff_reply',
    params: { number: t.number },
    urgent: urgentCategory(t.categoryId),
    dedupe: `ticket:${t.id}:reply:${now}`,
    now,
  });
}

const urgentCategory = (categoryId: number): SQL =>
  sql`coalesce((select clock = 'hours' from ${ticketCategories} where id = ${categoryId}), 0)`;

/**
 * The outbox statement for a home visit's step, for `changeVisit`'s batch: the agreed time
 * (visit_time) or another public step (visit_status), only if the step itself landed.
 */
export function visitMessage(
  db: Db,
  v: { id: number; number: string; version: number },
  to: HomeVisitStatus,
  slotStart: number | null,
  now: number,
) {
  // A time proposed by the partner (accepted) or agreed (scheduled) is what the requester needs to know.
  const time = (to === 'scheduled' || to === 'accepted') && slotStart !== null;
  return outboxInsert(db, {
    subjectKind: 'visit',
    subjectId: v.id,
    kind: time ? 'visit_time' : 'visit_status',
    params: { number: v.number, status: to, ...(time ? { time: shanghaiTime(slotStart) } : {}) },
    dedupe: `visit:${v.id}:v${v.version + 1}`,
    now,
    guard: sql`exists (select 1 from ${homeVisits} where id = ${v.id} and version = ${v.version + 1} and updated_at = ${now})`,
  });
}

/**
 * The outbox statement for a wish's answer (by staff, or a meeting's decision: `dedupe` names
 * which); its batch must abort if the answer did not land.
 */
export function wishAnswerMessage(
  db: Db,
  w: { id: number; number: string },
  outcome: string,
  now: number,
  dedupe: string,
) {
  return outboxInsert(db, {
    subjectKind: 'wish',
    subjectId: w.id,
    kind: 'wish_answered',
    params: { number: w.number, outcome },
    dedupe,
    now,
  });
}

/**
 * The outbox statement for an event's news to the residents signed up for it who opted in: one
 * statement for all of them. `which` narrows the sign-ups (e.g. those just promoted); `guard`
 * holds only if the change landed. An event cancelled on its own day is urgent.
 */
export function eventMessage(
  db: Db,
  eventId: number,
  kind: 'event_changed' | 'event_cancelled' | 'signup_promoted',
  m: { dedupe: string; now: number; which?: SQL; guard?: SQL },
) {
  const sameDay = sql`date((e.starts_at + 28800000) / 1000, 'unixepoch') <= date((${m.now} + 28800000) / 1000, 'unixepoch')`;
  return db.run(sql`insert into ${messageOutbox} (optin_id, kind, params, urgent, dedupe_key, status, attempts, next_attempt_at, created_at)
    select o.id, ${kind}, json_object('title', e.title, 'startsAt', e.starts_at, 'venue', e.venue),
      ${kind === 'event_cancelled' ? sameDay : sql`0`}, ${m.dedupe} || ':' || o.id, 'pending', 0, ${m.now}, ${m.now}
    from ${messageOptins} o
      join ${eventSignups} s on o.subject_kind = 'signup' and o.subject_id = s.id
      join ${events} e on e.id = s.event_id
    where s.event_id = ${eventId} and s.status != 'cancelled' and o.stopped_at is null and o.phone != ''
      and ${m.which ?? sql`1`} and ${m.guard ?? sql`1`}
    on conflict (dedupe_key) do nothing`);
}

/** The guard for an event's change: the event now has the version and time the change gave it. */
export const eventChanged = (id: number, version: number, now: number) =>
  sql`exists (select 1 from ${events} where id = ${id} and version = ${version + 1} and updated_at = ${now})`;

/** Sign-ups the waitlist promoted in this batch (promotions stamp `promoted_at` with the batch's time). */
export const promotedNow = (now: number) => sql`s.promoted_at = ${now} and s.status = 'confirmed'`;
