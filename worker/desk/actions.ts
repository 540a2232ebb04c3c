import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import * as z from 'zod/mini';
import { followUpResults, owners, type PartSide, pauseReasons, ticketCategories, tickets } from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import { ApiError } from '../lib/errors.ts';
import { dueDate, noteText, optionalNoteText, plainText, slug, ticketNumber, version } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { endOfShanghaiDay } from '../lib/time.ts';
import { assignedNotice, reroutedNotice } from '../robots/notices.ts';
import { auditEntry, auditEntryIfChanged } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { deskActionProblem } from './available.ts';
import { addNote, changeTicket } from './change.ts';
import { resolvedAt, respondedAt } from './clock.ts';
import { extend, followUp, pause, resume } from './clock-actions.ts';
import { disputeInsert } from './disputes.ts';
import { handover, insertParts, isMemberOf, requireAssignable } from './sides.ts';
import type { LoadedTicket } from './views.ts';

const text = noteText;
const optionalText = optionalNoteText;

/** Everything staff can do to a ticket, one shape per action. */
export const deskActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), version, dueDate: z.optional(dueDate), note: optionalText }),
  z.object({ action: z.literal('start'), version, note: optionalText }),
  z.object({ action: z.literal('resolve'), version, note: text(2, 'Say what was done.') }),
  z.object({ action: z.literal('reject'), version, reason: text(2, 'Give the reason.') }),
  z.object({ action: z.literal('duplicate'), version, duplicateOf: ticketNumber, reason: optionalText }),
  z.object({
    action: z.literal('reroute'),
    version,
    owner: z.optional(z.enum(owners)),
    category: z.optional(slug),
    reason: text(2, 'Give the reason.'),
  }),
  z.object({ action: z.literal('flag'), version, reason: text(2, 'Say why it needs supervision.') }),
  z.object({ action: z.literal('unflag'), version }),
  z.object({ action: z.literal('assign'), version, ...handover }),
  z.object({ action: z.literal('claim'), version }),
  z.object({ action: z.literal('dispute'), version, reason: text(2, 'Give the reason.') }),
  z.object({
    action: z.literal('pause'),
    version,
    reason: z.enum(pauseReasons),
    note: plainText(z.minLength(2, 'Say publicly why the clock stops.'), z.maxLength(500)),
  }),
  z.object({ action: z.literal('resume'), version, note: z.optional(plainText(z.maxLength(500))) }),
  z.object({
    action: z.literal('extend'),
    version,
    amount: z.number().check(z.int('Give a whole number.'), z.gte(1, 'At least 1.'), z.lte(30, 'At most 30.')),
    reason: text(2, 'Say why more time is needed.'),
  }),
  z.object({
    action: z.literal('follow_up'),
    version,
    result: z.enum(followUpResults),
    comment: z.optional(plainText(z.maxLength(500))),
  }),
  z.object({ action: z.literal('note'), visibility: z.enum(['public', 'internal']), body: text(1, 'Write the note.') }),
]);
export type DeskAction = z.infer<typeof deskActionSchema>;

/** Carries out one staff action on a ticket (authorisation is the caller's; the status rules are available.ts's). */
export async function runDeskAction(
  db: Db,
  row: LoadedTicket,
  a: DeskAction,
  staff: StaffMember,
  now: number,
): Promise<void> {
  const t = row.ticket;
  const problem = deskActionProblem(a.action, row, now);
  if (problem)
    throw new ApiError(409, a.action === 'extend' && t.dueAt < now ? 'deadline_passed' : 'invalid_transition', problem);
  const by = { actor: 'staff' as const, staffId: staff.id };
  // The audit entry lands in the same batch as the change it records, and only if the change does.
  const also = [auditEntryIfChanged(db, staff, `ticket.${a.action}`, 'ticket', t.number, now)];
  switch (a.action) {
    case 'note':
      return addNote(db, t, now, { kind: 'note', visibility: a.visibility, body: a.body, ...by }, [
        auditEntry(db, staff, 'ticket.note', 'ticket', t.number, now),
        // A public reply is a response to the resident.
        ...(a.visibility === 'public' ? [db.update(tickets).set(respondedAt(now)).where(eq(tickets.id, t.id))] : []),
      ]);
    case 'accept': {
      // Without a new date the ticket keeps its own, even if it is already overdue.
      const dueAt = a.dueDate ? endOfShanghaiDay(a.dueDate) : t.dueAt;
      if (a.dueDate && dueAt < now)
        throw new ApiError(400, 'invalid_input', 'The due date is in the past.', {
          dueDate: 'The due date is in the past.',
        });
      return changeTicket(db, t, {
        action: 'accept',
        version: a.version,
        now,
        also,
        set: { dueAt, ...respondedAt(now) },
        entry: {
          kind: 'accepted',
          visibility: 'public',
          body: a.note || null,
          detail: { dueAt, owner: t.owner },
          ...by,
        },
      });
    }
    case 'start':
      return changeTicket(db, t, {
        action: 'start',
        version: a.version,
        now,
        also,
        entry: { kind: 'started', visibility: 'public', body: a.note || null, ...by },
      });
    case 'resolve':
      return changeTicket(db, t, {
        action: 'resolve',
        version: a.version,
        now,
        also,
        set: resolvedAt(await workCalendar(db, now), now),
        entry: { kind: 'resolved', visibility: 'public', body: a.note, ...by },
      });
    case 'reject':
      return changeTicket(db, t, {
        action: 'reject',
        version: a.version,
        now,
        also,
        entry: { kind: 'rejected', visibility: 'public', body: a.reason, ...by },
      });
    case 'duplicate': {
      const [original] = await db
        .select({ id: tickets.id, communityId: tickets.communityId })
        .from(tickets)
        .where(eq(tickets.number, a.duplicateOf));
      if (!original || original.communityId !== t.communityId || original.id === t.id) {
        throw new ApiError(400, 'invalid_input', 'Name another ticket of the same community.', {
          duplicateOf: 'No such ticket in this community.',
        });
      }
      return changeTicket(db, t, {
        action: 'duplicate',
        version: a.version,
        now,
        also,
        set: { duplicateOfId: original.id },
        entry: {
          kind: 'duplicate',
          visibility: 'public',
          body: a.reason || null,
          detail: { duplicateOf: a.duplicateOf },
          ...by,
        },
      });
    }
    case 'reroute':
      return reroute(db, row, a, by, now, also);
    case 'assign':
    case 'claim': {
      // Who may be assigned: staff of the owner's side (a joint ticket assigns its parts instead).
      const side = t.owner as PartSide;
      if (a.action === 'claim' && !isMemberOf(staff, side, t))
        throw new ApiError(403, 'forbidden', `Only staff of the ${side} side may claim this ticket.`);
      const to =
        a.action === 'claim'
          ? { id: staff.id, name: staff.displayName }
          : await requireAssignable(db, t, side, a.staffId);
      return changeTicket(db, t, {
        version: a.version,
        now,
        set: { assigneeStaffId: to.id },
        // Last in the batch: it reads changes() of the statement before it, and may insert nothing.
        also:
          a.action === 'assign'
            ? [
                ...also,
                assignedNotice(db, { ticketId: t.id, side, staffId: to.id, staffName: to.name, now, guarded: true }),
              ]
            : also,
        entry: {
          kind: a.action === 'claim' ? 'claimed' : 'assigned',
          visibility: 'internal',
          body: (a.action === 'assign' && a.note) || null,
          detail: { to: to.name },
          ...by,
        },
      });
    }
    case 'dispute':
      return changeTicket(db, t, {
        version: a.version,
        now,
        also: [
          ...also,
          disputeInsert(db, await workCalendar(db, now), {
            ticketId: t.id,
            partId: null,
            reason: a.reason,
            staffId: staff.id,
            now,
          }),
        ],
        entry: { kind: 'disputed', visibility: 'public', body: a.reason, detail: { owner: t.owner }, ...by },
      });
    case 'pause':
      return pause(db, row, a, by, now, also);
    case 'resume':
      return resume(db, row, a, by, now, also);
    case 'extend':
      return extend(db, row, a, by, now, also);
    case 'follow_up':
      return followUp(db, row, a, by, now, also);
    case 'flag':
    case 'unflag':
      return changeTicket(db, t, {
        version: a.version,
        now,
        also,
        set: { flagged: a.action === 'flag' },
        entry: {
          kind: a.action === 'flag' ? 'flagged' : 'unflagged',
          visibility: 'internal',
          body: a.action === 'flag' ? a.reason : null,
          ...by,
        },
      });
  }
}

/** Settles the owner on the spot: a new category (its owner with it) or just a new owner. */
async function reroute(
  db: Db,
  row: LoadedTicket,
  a: Extract<DeskAction, { action: 'reroute' }>,
  by: { actor: 'staff'; staffId: number },
  now: number,
  also: BatchItem<'sqlite'>[],
) {
  const t = row.ticket;
  if (!a.owner && !a.category)
    throw new ApiError(400, 'invalid_input', 'Give a new owner or category.', {
      owner: 'Give a new owner or category.',
    });
  let categoryId = t.categoryId;
  let owner = a.owner ?? t.owner;
  if (a.category) {
    const [category] = await db
      .select()
      .from(ticketCategories)
      .where(and(eq(ticketCategories.communityId, t.communityId), eq(ticketCategories.code, a.category)));
    if (!category)
      throw new ApiError(400, 'invalid_input', 'No such category in this community.', {
        category: 'No such category in this community.',
      });
    categoryId = category.id;
    owner = a.owner ?? category.owner;
  }
  await changeTicket(db, t, {
    version: a.version,
    now,
    // Each re-route passes the work on: a hand-off. A ticket becoming joint gets its parts.
    set: { categoryId, owner, handoffs: sql`${tickets.handoffs} + 1` },
    also: [
      ...also,
      ...(owner === 'joint' ? insertParts(db, t.id, t.dueAt, now, true) : []),
      // The side that now owns it hears of it as a new ticket in its queue.
      reroutedNotice(db, t.id, a.version + 1, now),
    ],
    entry: {
      kind: 'rerouted',
      visibility: 'public',
      body: a.reason,
      detail: {
        from: { owner: t.owner, category: row.category.code },
        to: { owner, category: a.category ?? row.category.code },
      },
      ...by,
    },
  });
}
