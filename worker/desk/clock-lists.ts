import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { communities, ticketCategories, ticketExtensions, ticketParts, tickets } from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { endOfShanghaiDay, zhengzhouDay } from '../lib/time.ts';
import { auditEntryIfChanged } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { changeTicket } from './change.ts';
import { ticketScope } from './scope.ts';
import type { LoadedTicket } from './views.ts';

/**
 * The sub-district's answer to a request for more time. Approval moves the due date (of the
 * ticket, or of the part asked for) by the amount on the category's clock, on the public
 * timeline; a refusal stays internal. A request is decided once (409 after).
 */
export async function decideExtension(
  db: Db,
  row: LoadedTicket,
  id: number,
  decision: { approve: boolean; note: string | null },
  staff: StaffMember,
  now: number,
) {
  const t = row.ticket;
  const [ext] = await db
    .select()
    .from(ticketExtensions)
    .where(and(eq(ticketExtensions.id, id), eq(ticketExtensions.ticketId, t.id)));
  if (!ext) throw new ApiError(404, 'extension_not_found', 'No such request for more time on this ticket.');
  if (ext.status !== 'pending') throw new ApiError(409, 'extension_decided', 'This request was already decided.');
  const calendar = await workCalendar(db, now);
  const clock = row.category.clock;
  const [part] = ext.partId
    ? await db.select({ dueAt: ticketParts.dueAt }).from(ticketParts).where(eq(ticketParts.id, ext.partId))
    : [];
  const dueAt = calendar.due(part ? part.dueAt : t.dueAt, clock, ext.amount);
  const by = { actor: 'staff' as const, staffId: staff.id };
  const status = decision.approve ? 'approved' : 'refused';
  await changeTicket(db, t, {
    version: t.version,
    now,
    set: decision.approve && !part ? { dueAt } : {},
    also: [
      auditEntryIfChanged(db, staff, `extension.${status}`, 'ticket', t.number, now),
      db
        .update(ticketExtensions)
        .set({ status, decidedByStaffId: staff.id, decidedAt: now, decisionNote: decision.note })
        .where(and(eq(ticketExtensions.id, id), eq(ticketExtensions.status, 'pending'), sql`changes() = 1`)),
      ...(decision.approve && part
        ? [
            db
              .update(ticketParts)
              .set({ dueAt, version: sql`${ticketParts.version} + 1`, updatedAt: now })
              .where(and(eq(ticketParts.id, ext.partId!), sql`changes() = 1`)),
          ]
        : []),
    ],
    entry: decision.approve
      ? {
          kind: 'extended',
          visibility: 'public',
          body: decision.note,
          detail: { dueAt, amount: ext.amount, clock, partId: ext.partId },
          ...by,
        }
      : {
          kind: 'extension_refused',
          visibility: 'internal',
          body: decision.note,
          detail: { amount: ext.amount },
          ...by,
        },
  });
}

/** Requests for more time waiting for the sub-district, in the staff member's place, oldest first. */
export async function pendingExtensions(db: Db, staff: StaffMember, subdistrictId: number | null) {
  return db
    .select({
      id: ticketExtensions.id,
      number: tickets.number,
      amount: ticketExtensions.amount,
      clock: ticketCategories.clock,
      reason: ticketExtensions.reason,
      requestedAt: ticketExtensions.requestedAt,
      dueAt: tickets.dueAt,
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
    })
    .from(ticketExtensions)
    .innerJoin(tickets, eq(tickets.id, ticketExtensions.ticketId))
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .where(
      and(
        eq(ticketExtensions.status, 'pending'),
        ticketScope(staff),
        subdistrictId === null ? undefined : eq(tickets.subdistrictId, subdistrictId),
      ),
    )
    .orderBy(asc(ticketExtensions.requestedAt));
}

/**
 * The residents to call back (回访) by the end of today in Zhengzhou: tickets resolved or closed,
 * not rated online, not called yet, in the staff member's place, the longest-waiting first.
 */
export async function followUpList(db: Db, staff: StaffMember, communityId: number | null, now: number) {
  return db
    .select({
      number: tickets.number,
      category: { code: ticketCategories.code, name: ticketCategories.name, nameEn: ticketCategories.nameEn },
      description: tickets.description,
      name: tickets.name,
      phone: tickets.phone,
      resolvedAt: tickets.resolvedAt,
      followUpDueAt: tickets.followUpDueAt,
      version: tickets.version,
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(
      and(
        ticketScope(staff),
        communityId === null ? undefined : eq(tickets.communityId, communityId),
        inArray(tickets.status, ['resolved', 'closed']),
        isNull(tickets.rating),
        isNull(tickets.followUpAt),
        lte(tickets.followUpDueAt, endOfShanghaiDay(zhengzhouDay(now))),
      ),
    )
    .orderBy(asc(tickets.followUpDueAt), asc(tickets.id))
    .limit(200);
}
