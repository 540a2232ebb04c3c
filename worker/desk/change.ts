import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type TicketStatus, tickets, timelineEntries } from '../../schema/index.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { staffReplyMessage, ticketStatusMessage } from '../messages/subjects.ts';
import { type Transition, transitionProblem, transitions } from './lifecycle.ts';

type TicketRow = typeof tickets.$inferSelect;

export type TimelineEntry = {
  kind: string;
  visibility: 'public' | 'internal';
  body?: string | null;
  actor: 'resident' | 'staff' | 'system';
  staffId?: number | null;
  detail?: Record<string, unknown>;
};

/**
 * Changes a ticket and writes its timeline entry in one batch, only if nobody changed the
 * ticket since `version` was read (optimistic lock) and, for a status change, only from an
 * allowed status. A lost race is a 409, never a silent overwrite.
 * @example await changeTicket(db, row, { action: 'accept', version: 3, now, entry: {…} })
 */
export async function changeTicket(
  db: Db,
  ticket: TicketRow,
  change: {
    action?: Transition;
    version: number;
    now: number;
    set?: { [K in keyof TicketRow]?: TicketRow[K] | SQL };
    entry: TimelineEntry;
    /**
     * More statements to land with the change. The batch commits even when the lock turns the
     * change away, so each must be guarded by `changes() = 1` (e.g. `auditEntryIfChanged`).
     */
    also?: BatchItem<'sqlite'>[];
  },
): Promise<void> {
  const rule = change.action ? transitions[change.action] : undefined;
  if (change.action) {
    const problem = transitionProblem(change.action, ticket.status);
    if (problem) throw new ApiError(409, 'invalid_transition', problem);
  }
  if (change.version !== ticket.version) throw versionConflict('ticket');
  const [updated] = await db.batch([
    db
      .update(tickets)
      .set({
        ...change.set,
        ...(rule ? { status: rule.to } : {}),
        version: sql`${tickets.version} + 1`,
        updatedAt: change.now,
      })
      .where(
        and(
          eq(tickets.id, ticket.id),
          eq(tickets.version, change.version),
          rule ? inArray(tickets.status, rule.from as readonly TicketStatus[] as TicketStatus[]) : undefined,
        ),
      ),
    insertEntryIfChanged(db, ticket.id, change.now, ticket.status, rule?.to ?? null, change.entry),
    ...(change.also ?? []),
    // A resident who opted in hears of a public status change, not of their own doing.
    ...(rule && change.entry.visibility === 'public' && change.entry.actor !== 'resident'
      ? [ticketStatusMessage(db, ticket, rule.to, change.now)]
      : []),
  ]);
  if (updated.rowsAffected !== 1) throw versionConflict('ticket');
}

/** The timeline insert that lands only if the statement before it changed exactly one row. */
export function insertEntryIfChanged(
  db: Db,
  ticketId: number,
  at: number,
  from: TicketStatus,
  to: TicketStatus | null,
  e: TimelineEntry,
) {
  return db.run(sql`
    insert into ${timelineEntries} (ticket_id, at, kind, visibility, body, from_status, to_status, staff_id, actor, detail)
    select ${ticketId}, ${at}, ${e.kind}, ${e.visibility}, ${e.body ?? null}, ${to ? from : null}, ${to}, ${e.staffId ?? null},
      ${e.actor}, ${e.detail ? JSON.stringify(e.detail) : null}
    where changes() = 1`);
}

/**
 * A note on the timeline that changes nothing else (no version needed). A public reply from
 * staff tells the resident who opted in (an internal note never does).
 */
export async function addNote(
  db: Db,
  ticket: Pick<TicketRow, 'id' | 'number' | 'categoryId'>,
  now: number,
  entry: TimelineEntry,
  also: BatchItem<'sqlite'>[] = [],
): Promise<void> {
  const reply = entry.visibility === 'public' && entry.actor === 'staff';
  await db.batch([
    entryInsert(db, ticket.id, now, entry),
    ...also,
    ...(reply ? [staffReplyMessage(db, ticket, now)] : []),
  ]);
}

/** A timeline entry as a statement for a batch. */
export const entryInsert = (db: Db, ticketId: number, at: number, e: TimelineEntry) =>
  db.insert(timelineEntries).values({
    ticketId,
    at,
    ...e,
    body: e.body ?? null,
    staffId: e.staffId ?? null,
    detail: e.detail ?? null,
  });
