import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { articles, eventSignups, events } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { eventChanged, eventMessage, promotedNow } from '../messages/subjects.ts';
import { auditEntryIfChanged } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { crossFieldProblems, type EventEdit } from './input.ts';
import { explainRefusal, resolveCompound } from './organise.ts';
import { promotions } from './signups.ts';
import type { EventRow } from './views.ts';

const confirmedSeats = sql`coalesce((select sum(s.seats) from ${eventSignups} s where s.event_id = ${events.id} and s.status = 'confirmed'), 0)`;
const bump = (now: number) => ({ version: sql`${events.version} + 1`, updatedAt: now });

/**
 * Changes one session. The update names the version it was read at, needs the event still
 * scheduled and, if the capacity shrinks, no more seats confirmed than the new capacity — all
 * inside the statement. Added seats go to the waitlist in the same batch.
 */
export async function editEvent(db: Db, staff: StaffMember, row: EventRow, edit: EventEdit, now: number) {
  const e = row.event;
  const iso = (ms: number) => new Date(ms).toISOString();
  const merged = {
    startsAt: edit.startsAt ?? iso(e.startsAt),
    endsAt: edit.endsAt ?? iso(e.endsAt),
    channel: edit.channel ?? e.channel,
    joinUrl: edit.joinUrl === undefined ? e.joinUrl : edit.joinUrl,
  };
  const problems = crossFieldProblems(merged);
  if (Object.keys(problems).length) throw new ApiError(400, 'invalid_input', Object.values(problems)[0]!, problems);
  const compoundId = edit.compound === undefined ? e.compoundId : await resolveCompound(db, edit.compound, e);
  const capacity = edit.capacity === undefined ? e.capacity : edit.capacity;
  const { version: _, compound: __, startsAt, endsAt, speaker, joinUrl, capacity: ___, ...plain } = edit;
  const set = {
    ...plain,
    ...(startsAt !== undefined ? { startsAt: Date.parse(startsAt) } : {}),
    ...(endsAt !== undefined ? { endsAt: Date.parse(endsAt) } : {}),
    ...(speaker !== undefined ? { speaker: speaker || null } : {}),
    ...(joinUrl !== undefined ? { joinUrl: joinUrl || null } : {}),
    compoundId,
    capacity,
    ...bump(now),
  };
  const moved =
    (startsAt !== undefined && Date.parse(startsAt) !== e.startsAt) ||
    (edit.venue !== undefined && edit.venue !== e.venue) ||
    compoundId !== e.compoundId;
  // A larger capacity (or none) lets waiting parties in: at most one statement per freed seat.
  const room = capacity === null ? row.waiting : Math.min(row.waiting, Math.max(0, capacity - row.seatsTaken));
  const [updated] = await db.batch([
    db
      .update(events)
      .set(set)
      .where(
        and(
          eq(events.id, e.id),
          eq(events.version, edit.version),
          eq(events.status, 'scheduled'),
          capacity === null ? undefined : sql`${confirmedSeats} <= ${capacity}`,
        ),
      ),
    auditEntryIfChanged(db, staff, 'event.edit', 'event', e.id, now),
    ...promotions(db, e.id, room, now),
    // Residents signed up who opted in: those just let in, and everyone if time or place moved.
    eventMessage(db, e.id, 'signup_promoted', {
      dedupe: `event:${e.id}:promoted:${now}`,
      now,
      which: promotedNow(now),
    }),
    ...(moved
      ? [
          eventMessage(db, e.id, 'event_changed', {
            dedupe: `event:${e.id}:v${edit.version + 1}`,
            now,
            guard: eventChanged(e.id, edit.version, now),
          }),
        ]
      : []),
  ]);
  if (updated.rowsAffected === 1) return;
  if (capacity !== null && e.version === edit.version && e.status === 'scheduled') {
    const [current] = await db.select({ taken: confirmedSeats }).from(events).where(eq(events.id, e.id));
    if (current && Number(current.taken) > capacity) {
      const message = `${current.taken} seats are already confirmed; cancel sign-ups first or keep a larger capacity.`;
      throw new ApiError(409, 'capacity_below_confirmed', message, { capacity: message });
    }
  }
  await explainRefusal(db, e.id, edit.version, ['scheduled'], 'changed');
}

/** Cancels a session; residents' sign-up pages then say so (their sign-ups are kept as they were). */
export async function cancelEvent(
  db: Db,
  staff: StaffMember,
  id: number,
  version: number,
  reason: string,
  now: number,
) {
  const [updated] = await db.batch([
    db
      .update(events)
      .set({ status: 'cancelled', cancelReason: reason, ...bump(now) })
      .where(and(eq(events.id, id), eq(events.version, version), eq(events.status, 'scheduled'))),
    auditEntryIfChanged(db, staff, 'event.cancel', 'event', id, now),
    eventMessage(db, id, 'event_cancelled', {
      dedupe: `event:${id}:cancelled`,
      now,
      guard: eventChanged(id, version, now),
    }),
  ]);
  if (updated.rowsAffected !== 1) await explainRefusal(db, id, version, ['scheduled'], 'cancelled');
}

/**
 * Records what happened, once the event has started: the summary, the attendance (by default
 * the seats checked in at the door), the loudspeaker sites or online groups it reached, and
 * optionally the news article about it. It can be corrected later with the new version.
 */
export async function recordSummary(
  db: Db,
  staff: StaffMember,
  id: number,
  input: {
    version: number;
    summary: string;
    attendance?: number | null;
    venues?: number | null;
    groups?: number | null;
    articleId?: number | null;
  },
  now: number,
) {
  if (input.articleId) {
    const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, input.articleId));
    if (!article)
      throw new ApiError(400, 'invalid_input', 'No such news article.', { articleId: 'No such news article.' });
  }
  const checkedIn = sql`coalesce((select sum(s.seats) from ${eventSignups} s where s.event_id = ${events.id} and s.checked_in_at is not null and s.status != 'cancelled'), 0)`;
  const [updated] = await db.batch([
    db
      .update(events)
      .set({
        status: 'completed',
        summary: input.summary,
        attendance: input.attendance ?? checkedIn,
        venues: input.venues ?? null,
        groups: input.groups ?? null,
        articleId: input.articleId ?? null,
        ...bump(now),
      })
      .where(
        and(
          eq(events.id, id),
          eq(events.version, input.version),
          inArray(events.status, ['scheduled', 'completed']),
          lte(events.startsAt, now),
        ),
      ),
    auditEntryIfChanged(db, staff, 'event.summary', 'event', id, now),
  ]);
  if (updated.rowsAffected === 1) return;
  const [current] = await db
    .select({ startsAt: events.startsAt, version: events.version, status: events.status })
    .from(events)
    .where(eq(events.id, id));
  if (current && current.version === input.version && current.status !== 'cancelled' && current.startsAt > now) {
    throw new ApiError(409, 'not_started', 'A summary can be written once the event has started.');
  }
  await explainRefusal(db, id, input.version, ['scheduled', 'completed'], 'summarised');
}

/** Marks a sign-up as present at the door (or undoes it); cancelled sign-ups cannot be. */
export async function checkIn(
  db: Db,
  staff: StaffMember,
  eventId: number,
  signupId: number,
  present: boolean,
  now: number,
) {
  const [updated] = await db.batch([
    db
      .update(eventSignups)
      .set({ checkedInAt: present ? now : null, checkedInByStaffId: present ? staff.id : null, updatedAt: now })
      .where(
        and(
          eq(eventSignups.id, signupId),
          eq(eventSignups.eventId, eventId),
          inArray(eventSignups.status, ['confirmed', 'waitlisted']),
        ),
      ),
    auditEntryIfChanged(db, staff, present ? 'signup.check_in' : 'signup.undo_check_in', 'event_signup', signupId, now),
  ]);
  if (updated.rowsAffected !== 1)
    throw new ApiError(409, 'signup_cancelled', 'This sign-up is cancelled; it cannot be checked in.');
}
