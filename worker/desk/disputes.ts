import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { owners, partSides, ticketDisputes, ticketParts, tickets } from '../../schema/index.ts';
import type { WorkCalendar } from '../calendar/workdays.ts';
import { ApiError } from '../lib/errors.ts';
import { plainText } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntryOrAbort, isLostRace } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { entryInsert } from './change.ts';
import { ticketScope } from './scope.ts';
import { insertParts } from './sides.ts';
import type { LoadedTicket } from './views.ts';

/** The sub-district decides a dispute within this many working days of it being raised. */
export const DISPUTE_WORKING_DAYS = 2;

/**
 * A dispute row for the sub-district, due `DISPUTE_WORKING_DAYS` from now. It lands only if the
 * statement before it in the batch changed exactly one row.
 */
export function disputeInsert(
  db: Db,
  calendar: WorkCalendar,
  d: { ticketId: number; partId: number | null; reason: string; staffId: number; now: number },
) {
  const decideBy = calendar.addWorkingDays(d.now, DISPUTE_WORKING_DAYS);
  return db.run(sql`insert into ${ticketDisputes} (ticket_id, part_id, reason, raised_by_staff_id, raised_at, decide_by)
    select ${d.ticketId}, ${d.partId}, ${d.reason}, ${d.staffId}, ${d.now}, ${decideBy} where changes() = 1`);
}

export const decisionSchema = z.object({
  side: z.optional(z.enum(partSides)),
  owner: z.optional(z.enum(owners)),
  note: plainText(z.minLength(2, 'Explain the decision.'), z.maxLength(2000)),
});

const final = () => new ApiError(409, 'invalid_transition', 'This dispute is decided; the decision is final.');

/**
 * The sub-district's final decision on a dispute: a part goes to the side named (and can no
 * longer be refused), a ticket to the owner named (a ticket becoming joint gets its parts).
 */
export async function decideDispute(
  db: Db,
  row: LoadedTicket,
  id: number,
  body: z.infer<typeof decisionSchema>,
  staff: StaffMember,
  now: number,
) {
  const t = row.ticket;
  const [dispute] = await db
    .select()
    .from(ticketDisputes)
    .where(and(eq(ticketDisputes.id, id), eq(ticketDisputes.ticketId, t.id)));
  if (!dispute) throw new ApiError(404, 'dispute_not_found', 'No such dispute on this ticket.');
  if (dispute.decidedAt !== null) throw final();
  const field = dispute.partId ? 'side' : 'owner';
  const decision = dispute.partId ? body.side : body.owner;
  if (!decision) {
    const why = dispute.partId ? 'Choose the side that does this part.' : 'Choose the owner of this ticket.';
    throw new ApiError(400, 'invalid_input', why, { [field]: why });
  }
  const effects = dispute.partId
    ? [
        db
          .update(ticketParts)
          .set({
            side: decision as 'community',
            decided: true,
            status: 'open',
            assigneeStaffId: null,
            updatedAt: now,
            version: sql`${ticketParts.version} + 1`,
          })
          .where(eq(ticketParts.id, dispute.partId)),
      ]
    : [
        db
          .update(tickets)
          .set({ owner: decision as 'joint', updatedAt: now, version: sql`${tickets.version} + 1` })
          .where(eq(tickets.id, t.id)),
        ...(decision === 'joint' ? insertParts(db, t.id, t.dueAt, now) : []),
      ];
  try {
    await db.batch([
      db
        .update(ticketDisputes)
        .set({ decidedAt: now, decidedByStaffId: staff.id, decision, decisionNote: body.note })
        .where(and(eq(ticketDisputes.id, id), isNull(ticketDisputes.decidedAt))),
      auditEntryOrAbort(db, staff, 'dispute.decide', 'ticket', t.number, now, { dispute: id, [field]: decision }),
      ...effects,
      entryInsert(db, t.id, now, {
        kind: 'decided',
        visibility: 'public',
        body: body.note,
        actor: 'staff',
        staffId: staff.id,
        detail: { [field]: decision, part: dispute.partId },
      }),
    ]);
  } catch (err) {
    if (isLostRace(err)) throw final();
    throw err;
  }
}

/** A ticket's disputes, oldest first. */
export const disputesOf = (db: Db, ticketId: number) =>
  db
    .select({
      id: ticketDisputes.id,
      partId: ticketDisputes.partId,
      reason: ticketDisputes.reason,
      raisedAt: ticketDisputes.raisedAt,
      decideBy: ticketDisputes.decideBy,
      decidedAt: ticketDisputes.decidedAt,
      decision: ticketDisputes.decision,
      decisionNote: ticketDisputes.decisionNote,
    })
    .from(ticketDisputes)
    .where(eq(ticketDisputes.ticketId, ticketId))
    .orderBy(asc(ticketDisputes.id));

/** Open disputes in the staff member's place (and sub-district), the longest waiting first. */
export async function openDisputes(db: Db, staff: StaffMember, subdistrictId: number | null, now: number) {
  const rows = await db
    .select({
      id: ticketDisputes.id,
      number: tickets.number,
      side: ticketParts.side,
      reason: ticketDisputes.reason,
      raisedAt: ticketDisputes.raisedAt,
      decideBy: ticketDisputes.decideBy,
    })
    .from(ticketDisputes)
    .innerJoin(tickets, eq(tickets.id, ticketDisputes.ticketId))
    .leftJoin(ticketParts, eq(ticketParts.id, ticketDisputes.partId))
    .where(
      and(
        isNull(ticketDisputes.decidedAt),
        ticketScope(staff),
        subdistrictId === null ? undefined : eq(tickets.subdistrictId, subdistrictId),
      ),
    )
    .orderBy(asc(ticketDisputes.decideBy));
  return rows.map((r) => ({ ...r, overdue: r.decideBy < now }));
}
