import { and, asc, eq, inArray, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as z from 'zod/mini';
import { type PartSide, staff, ticketParts, tickets } from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import { plainText, noteText as text, version } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { assignedNotice } from '../robots/notices.ts';
import { auditEntryOrAbort, isLostRace } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { entryInsert, insertEntryIfChanged, type TimelineEntry } from './change.ts';
import { resolvedAt, respondedAt } from './clock.ts';
import { disputeInsert } from './disputes.ts';
import { isOpen, openStatuses } from './lifecycle.ts';
import { actsOn, handover, isMemberOf, requireAssignable } from './sides.ts';
import type { LoadedTicket } from './views.ts';

/** The second refusal of a part sends it to the sub-district. */
const REFUSALS_TO_DISPUTE = 2;

/** Everything staff can do to a part of a joint ticket, each naming the part's version. */
export const partActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), version }),
  z.object({ action: z.literal('done'), version, note: text(2, 'Say what was done.') }),
  z.object({ action: z.literal('refuse'), version, reason: text(2, 'Give the reason.') }),
  z.object({ action: z.literal('dispute'), version, reason: text(2, 'Give the reason.') }),
  z.object({ action: z.literal('assign'), version, ...handover }),
  z.object({ action: z.literal('claim'), version }),
  z.object({
    action: z.literal('task'),
    version,
    task: plainText(z.minLength(2, 'Say what this side will do.'), z.maxLength(200)),
  }),
]);
export type PartAction = z.infer<typeof partActionSchema>;
export type PartActionName = PartAction['action'];
export type Part = typeof ticketParts.$inferSelect;

const stillOpen = (p: Part, what: string) =>
  p.status === 'open' || p.status === 'working' ? null : `A part that is ${p.status} cannot be ${what}.`;

/**
 * Why each action cannot be taken on the part now, or null when it can: the server refuses by
 * this table and the ticket view offers by it.
 */
const problems: Record<PartActionName, (p: Part) => string | null> = {
  accept: (p) => (p.status === 'open' ? null : `A part that is ${p.status} cannot be accepted; only an open one.`),
  done: (p) => stillOpen(p, 'done'),
  refuse: (p) =>
    p.decided ? 'The sub-district decided who does this part; it cannot be refused.' : stillOpen(p, 'refused'),
  dispute: (p) => stillOpen(p, 'disputed'),
  assign: (p) => stillOpen(p, 'assigned'),
  claim: (p) => stillOpen(p, 'claimed') ?? (p.assigneeStaffId === null ? null : 'This part is already assigned.'),
  task: (p) => stillOpen(p, 're-planned'),
};

function partProblem(action: PartActionName, row: LoadedTicket, p: Part) {
  if (row.ticket.owner !== 'joint') return 'This ticket is no longer joint; work it as a whole.';
  if (!isOpen(row.ticket.status)) return `A ticket that is ${row.ticket.status} takes no more work on its parts.`;
  return problems[action](p);
}

/**
 * The actions this staff member may take on this part now: their own side's part (or any, for
 * the sub-district and admins), in a state that allows it; claiming only by staff of the side.
 * @example partActionsFor(yonganStaff, row, communityPart) // → ['accept', 'done', 'refuse', 'dispute', 'assign', 'claim']
 */
export function partActionsFor(s: StaffMember, row: LoadedTicket, p: Part): PartActionName[] {
  if (!actsOn(s, p.side)) return [];
  return (Object.keys(problems) as PartActionName[]).filter(
    (a) => partProblem(a, row, p) === null && (a !== 'claim' || isMemberOf(s, p.side, row.ticket)),
  );
}

const assignee = alias(staff, 'part_assignee');

/** A ticket's parts, community first, with the assignee's name. */
export const partsOf = (db: Db, ticketId: number) =>
  db
    .select({ part: ticketParts, assigneeName: assignee.displayName })
    .from(ticketParts)
    .leftJoin(assignee, eq(assignee.id, ticketParts.assigneeStaffId))
    .where(eq(ticketParts.ticketId, ticketId))
    .orderBy(asc(ticketParts.id));

/** The part of this ticket, or a 404. */
export async function loadPart(db: Db, ticketId: number, partId: number): Promise<Part> {
  const [p] = await db
    .select()
    .from(ticketParts)
    .where(and(eq(ticketParts.id, partId), eq(ticketParts.ticketId, ticketId)));
  if (!p) throw new ApiError(404, 'part_not_found', 'No such part of this ticket.');
  return p;
}

const other = (side: PartSide): PartSide => (side === 'community' ? 'property' : 'community');

/**
 * Carries out one action on a part, with its timeline entry, audit entry and what it does to the
 * ticket (accepted, resolved when every part is done, a hand-off counted) in one batch, only if
 * the part is still at `version`.
 */
export async function runPartAction(db: Db, row: LoadedTicket, p: Part, a: PartAction, me: StaffMember, now: number) {
  const t = row.ticket;
  if (!actsOn(me, p.side)) throw new ApiError(403, 'forbidden', `Only the ${p.side} side works this part.`);
  const problem = partProblem(a.action, row, p);
  if (problem) throw new ApiError(409, 'invalid_transition', problem);
  if (a.action === 'claim' && !isMemberOf(me, p.side, t))
    throw new ApiError(403, 'forbidden', `Only staff of the ${p.side} side may claim this part.`);
  if (a.version !== p.version) throw versionConflict('ticket');
  const calendar = await workCalendar(db, now);
  const by = { actor: 'staff' as const, staffId: me.id };
  const entry = (e: Omit<TimelineEntry, 'actor'>) =>
    entryInsert(db, t.id, now, { ...by, ...e, detail: { side: p.side, ...e.detail } });
  const bumpTicket = { version: sql`${tickets.version} + 1`, updatedAt: now };
  let set: Partial<Part> = {};
  let effects: Parameters<typeof db.batch>[0][number][] = [];
  switch (a.action) {
    case 'accept':
      set = { status: 'working' };
      effects = [
        db
          .update(tickets)
          .set({ status: 'accepted', ...respondedAt(now), ...bumpTicket })
          .where(and(eq(tickets.id, t.id), eq(tickets.status, 'submitted'))),
        entry({ kind: 'part_accepted', visibility: 'public' }),
      ];
      break;
    case 'done':
      set = { status: 'done', doneAt: now, doneNote: a.note };
      effects = [
        entry({ kind: 'part_done', visibility: 'public', body: a.note }),
        // The last part done resolves the ticket; the batch sees this part's new status.
        db
          .update(tickets)
          .set({ status: 'resolved', ...resolvedAt(calendar, now), ...bumpTicket })
          .where(
            and(
              eq(tickets.id, t.id),
              inArray(tickets.status, openStatuses),
              notExists(
                db
                  .select({ one: sql`1` })
                  .from(ticketParts)
                  .where(and(eq(ticketParts.ticketId, t.id), ne(ticketParts.status, 'done'))),
              ),
            ),
          ),
        insertEntryIfChanged(db, t.id, now, t.status, 'resolved', { kind: 'resolved', visibility: 'public', ...by }),
      ];
      break;
    case 'refuse': {
      const disputed = p.refusals + 1 >= REFUSALS_TO_DISPUTE;
      const to = other(p.side);
      set = { side: to, status: disputed ? 'disputed' : 'open', assigneeStaffId: null, refusals: p.refusals + 1 };
      effects = [
        db
          .update(tickets)
          .set({ handoffs: sql`${tickets.handoffs} + 1`, ...bumpTicket })
          .where(eq(tickets.id, t.id)),
        entry({ kind: 'part_refused', visibility: 'public', body: a.reason, detail: { to, disputed } }),
        ...(disputed
          ? [
              disputeInsert(db, calendar, { ticketId: t.id, partId: p.id, reason: a.reason, staffId: me.id, now }),
              entry({ kind: 'disputed', visibility: 'public', body: a.reason }),
            ]
          : []),
      ];
      break;
    }
    case 'dispute':
      set = { status: 'disputed' };
      effects = [
        entry({ kind: 'disputed', visibility: 'public', body: a.reason }),
        disputeInsert(db, calendar, { ticketId: t.id, partId: p.id, reason: a.reason, staffId: me.id, now }),
      ];
      break;
    case 'assign': {
      const to = await requireAssignable(db, t, p.side, a.staffId);
      set = { assigneeStaffId: to.id };
      effects = [
        entry({ kind: 'assigned', visibility: 'internal', body: a.note || null, detail: { to: to.name } }),
        assignedNotice(db, { ticketId: t.id, side: p.side, staffId: to.id, staffName: to.name, now }),
      ];
      break;
    }
    case 'claim':
      set = { assigneeStaffId: me.id };
      effects = [entry({ kind: 'claimed', visibility: 'internal' })];
      break;
    case 'task':
      // What the side will do, in its own words (for staff; the resident sees each side's progress).
      set = { task: a.task };
      effects = [entry({ kind: 'part_task', visibility: 'internal', body: a.task })];
      break;
  }
  try {
    await db.batch([
      db
        .update(ticketParts)
        .set({ ...set, updatedAt: now, version: sql`${ticketParts.version} + 1` })
        .where(and(eq(ticketParts.id, p.id), eq(ticketParts.version, a.version))),
      // Nothing below lands unless the part was still at its version (a lost race undoes the batch).
      auditEntryOrAbort(db, me, `part.${a.action}`, 'ticket', t.number, now, { part: p.id }),
      ...effects,
    ]);
  } catch (err) {
    if (isLostRace(err)) throw versionConflict('ticket');
    throw err;
  }
}
