import { and, eq, ne, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type FollowUpResult, type PauseReason, ticketExtensions, ticketParts } from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { HOUR_MS } from '../lib/time.ts';
import { changeTicket } from './change.ts';
import type { LoadedTicket } from './views.ts';

/**
 * The staff actions on a ticket's clocks: pause and resume (with a public reason), asking for
 * more time, and recording the follow-up call (回访). The status rules are available.ts's.
 */

type By = { actor: 'staff'; staffId: number };
type Also = BatchItem<'sqlite'>[];

export async function pause(
  db: Db,
  row: LoadedTicket,
  a: { version: number; reason: PauseReason; note: string },
  by: By,
  now: number,
  also: Also,
) {
  await changeTicket(db, row.ticket, {
    version: a.version,
    now,
    also,
    set: { pausedAt: now, pauseReason: a.reason, pauseNote: a.note },
    entry: { kind: 'paused', visibility: 'public', body: a.note, detail: { reason: a.reason }, ...by },
  });
}

/**
 * Restarts the clock: the ticket's due date, and those of its parts not done yet, move by the
 * working days (hours clock: the time) the pause took, in the same batch.
 */
export async function resume(
  db: Db,
  row: LoadedTicket,
  a: { version: number; note?: string },
  by: By,
  now: number,
  also: Also,
) {
  const t = row.ticket;
  const pausedAt = t.pausedAt!;
  const calendar = await workCalendar(db, now);
  const clock = row.category.clock;
  const dueAt = calendar.resumedDue(t.dueAt, clock, pausedAt, now);
  const parts = await db
    .select({ id: ticketParts.id, dueAt: ticketParts.dueAt })
    .from(ticketParts)
    .where(and(eq(ticketParts.ticketId, t.id), ne(ticketParts.status, 'done')));
  await changeTicket(db, t, {
    version: a.version,
    now,
    also: [
      ...also,
      // Each moves one row, so the `changes() = 1` chain of the batch holds from one to the next.
      ...parts.map((p) =>
        db
          .update(ticketParts)
          .set({
            dueAt: calendar.resumedDue(p.dueAt, clock, pausedAt, now),
            version: sql`${ticketParts.version} + 1`,
            updatedAt: now,
          })
          .where(and(eq(ticketParts.id, p.id), sql`changes() = 1`)),
      ),
    ],
    set: { dueAt, pausedAt: null, pauseReason: null, pauseNote: null },
    entry: {
      kind: 'resumed',
      visibility: 'public',
      body: a.note || null,
      detail: {
        dueAt,
        pausedDays: calendar.workingDaysBetween(pausedAt, now),
        ...(clock === 'hours' ? { pausedHours: Math.round((now - pausedAt) / HOUR_MS) } : {}),
      },
      ...by,
    },
  });
}

/** Asks the sub-district for more time: before the due date, one request pending at a time. */
export async function extend(
  db: Db,
  row: LoadedTicket,
  a: { version: number; amount: number; reason: string },
  by: By,
  now: number,
  also: Also,
) {
  const t = row.ticket;
  const [pending] = await db
    .select({ id: ticketExtensions.id })
    .from(ticketExtensions)
    .where(and(eq(ticketExtensions.ticketId, t.id), eq(ticketExtensions.status, 'pending')));
  if (pending)
    throw new ApiError(409, 'extension_pending', 'An extension is already waiting for the sub-district to decide.');
  await changeTicket(db, t, {
    version: a.version,
    now,
    also: [
      ...also,
      db.run(sql`insert into ${ticketExtensions} (ticket_id, amount, reason, requested_by_staff_id, requested_at, status)
        select ${t.id}, ${a.amount}, ${a.reason}, ${by.staffId}, ${now}, 'pending' where changes() = 1`),
    ],
    entry: {
      kind: 'extension_requested',
      visibility: 'internal',
      body: a.reason,
      detail: { amount: a.amount, clock: row.category.clock },
      ...by,
    },
  });
}

/**
 * Records what the resident said on the follow-up call. "Not satisfied" reopens the ticket
 * (re-done, 重办): back in progress, counted in reopenCount, done parts working again.
 */
export async function followUp(
  db: Db,
  row: LoadedTicket,
  a: { version: number; result: FollowUpResult; comment?: string },
  by: By,
  now: number,
  also: Also,
) {
  const t = row.ticket;
  const recorded = { followUpAt: now, followUpResult: a.result, followUpComment: a.comment || null };
  const set = { ...recorded, followUpStaffId: by.staffId };
  if (a.result !== 'not_satisfied')
    return changeTicket(db, t, {
      version: a.version,
      now,
      also,
      set,
      entry: {
        kind: 'followed_up',
        visibility: 'public',
        body: a.comment || null,
        detail: { result: a.result },
        ...by,
      },
    });
  return changeTicket(db, t, {
    action: 'reopen',
    version: a.version,
    now,
    also: [
      ...also,
      // Last: it may change several rows, which would break a `changes() = 1` after it.
      db
        .update(ticketParts)
        .set({ status: 'working', doneAt: null, version: sql`${ticketParts.version} + 1`, updatedAt: now })
        .where(and(eq(ticketParts.ticketId, t.id), eq(ticketParts.status, 'done'), sql`changes() = 1`)),
    ],
    set: {
      ...set,
      reopenCount: t.reopenCount + 1,
      resolvedAt: null,
      closedAt: null,
      followUpDueAt: null,
    },
    entry: {
      kind: 'reopened',
      visibility: 'public',
      body: a.comment || null,
      detail: { from: 'follow_up', result: a.result },
      ...by,
    },
  });
}
