import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { type PartSide, partSides, staff, ticketParts } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { optionalNoteText } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import type { StaffMember } from '../staff/policy.ts';
import type { LoadedTicket } from './views.ts';

/**
 * The two sides of the joint desk and who stands for each on a ticket: the community committee
 * of the ticket's community, the property company serving its compound. The sub-district and
 * the district admin oversee both sides.
 */

type Ticket = LoadedTicket['ticket'];

/** Whether the staff member may work this side's share (their own side, or as an overseer). */
export const actsOn = (s: StaffMember, side: PartSide) =>
  s.role === 'admin' || s.role === 'subdistrict' || s.role === side;

/** The staff accounts that may be assigned this side's work on the ticket, as a condition. */
const sideMembers = (side: PartSide, t: Ticket) =>
  side === 'community'
    ? and(eq(staff.role, 'community'), eq(staff.communityId, t.communityId))
    : and(eq(staff.role, 'property'), eq(staff.propertyCompanyId, t.propertyCompanyId ?? -1));

/** Whether the staff member is one of that side for this ticket (who may claim its work). */
export const isMemberOf = (s: StaffMember, side: PartSide, t: Ticket) =>
  s.role === side &&
  (side === 'community' ? s.communityId === t.communityId : s.propertyCompanyId === t.propertyCompanyId);

/** Active staff of each side for this ticket, by name: who the work can be handed to. */
export async function assignableStaff(db: Db, t: Ticket) {
  const rows = await db
    .select({ id: staff.id, name: staff.displayName, role: staff.role })
    .from(staff)
    .where(and(eq(staff.disabled, false), or(sideMembers('community', t), sideMembers('property', t))))
    .orderBy(asc(staff.displayName));
  const of = (side: PartSide) => rows.filter((r) => r.role === side).map(({ id, name }) => ({ id, name }));
  return { community: of('community'), property: of('property') };
}

/** What handing work to someone takes: who, and a note for them (the same for a ticket and a part). */
export const handover = {
  staffId: z.number().check(z.int(), z.positive()),
  note: optionalNoteText,
};

/** The staff member to assign, or a 400 naming `staffId` when they are not active staff of the side. */
export async function requireAssignable(db: Db, t: Ticket, side: PartSide, staffId: number) {
  const [found] = await db
    .select({ id: staff.id, name: staff.displayName })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.disabled, false), sideMembers(side, t)));
  if (!found) {
    const why = `Choose active staff of the ${side === 'community' ? 'community committee' : 'property company'} of this ticket.`;
    throw new ApiError(400, 'invalid_input', why, { staffId: why });
  }
  return found;
}

/**
 * The two parts a joint ticket gets (one per side, open, due with the ticket), each only if the
 * ticket has none for its side yet, and when `guarded` only if the statement before changed one
 * row (in a `changeTicket` batch). `ticketId` may be a subquery (a ticket filed in the same batch).
 */
export const insertParts = (db: Db, ticketId: number | SQL, dueAt: number, now: number, guarded = false) =>
  partSides.map((side) =>
    db.run(sql`insert into ${ticketParts} (ticket_id, side, task, due_at, created_at, updated_at)
      select ${ticketId}, ${side}, '', ${dueAt}, ${now}, ${now}
      where ${guarded ? sql`changes() = 1 and ` : sql``}not exists
        (select 1 from ${ticketParts} where ticket_id = ${ticketId} and side = ${side})`),
  );
