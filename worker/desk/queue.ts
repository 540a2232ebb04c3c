import { and, desc, eq, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  communities,
  compounds,
  type Owner,
  type PartSide,
  type PartStatus,
  staff as staffAccounts,
  type TicketStatus,
  ticketCategories,
  ticketParts,
  tickets,
} from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import type { Db } from '../lib/platform.ts';
import type { StaffMember } from '../staff/policy.ts';
import { isOverdue, overdueCondition, timeLeft } from './clock.ts';
import { openStatuses } from './lifecycle.ts';
import { ticketScope } from './scope.ts';

/** The columns every list of tickets shows: the staff queue, the public board, the supervision list. */
export const ticketListColumns = {
  number: tickets.number,
  status: tickets.status,
  owner: tickets.owner,
  description: tickets.description,
  createdAt: tickets.createdAt,
  dueAt: tickets.dueAt,
  pausedAt: tickets.pausedAt,
};

export const queueViews = ['mine', 'org', 'unassigned', 'overdue'] as const;

/** The filters of the staff queue, as the request gives them. */
export type QueueFilter = {
  view?: (typeof queueViews)[number];
  community?: string;
  status?: TicketStatus | 'open';
  owner?: Owner;
  category?: string;
  overdue?: boolean;
  before?: number;
  limit: number;
};

const assignee = alias(staffAccounts, 'assignee');
const partOf = (more: SQL) =>
  sql`exists (select 1 from ${ticketParts} p where p.ticket_id = ${tickets.id} and ${more})`;

/**
 * The tickets the staff member's side works: what `ticket.work` allows them (community staff not
 * the property company's tickets, property staff not the community's).
 */
const worksOn = (s: StaffMember) =>
  s.role === 'community'
    ? ne(tickets.owner, 'property')
    : s.role === 'property'
      ? ne(tickets.owner, 'community')
      : undefined;

/** The queue's views: mine, my organisation's, unassigned (a part of my side, for joint tickets), overdue. */
function viewCondition(s: StaffMember, view: QueueFilter['view'], now: number) {
  const mySide = s.role === 'community' || s.role === 'property' ? sql` and p.side = ${s.role}` : sql``;
  switch (view) {
    case 'mine':
      return or(eq(tickets.assigneeStaffId, s.id), partOf(sql`p.assignee_staff_id = ${s.id}`));
    case 'org':
      return worksOn(s);
    case 'unassigned':
      return and(
        worksOn(s),
        inArray(tickets.status, openStatuses),
        or(
          and(ne(tickets.owner, 'joint'), isNull(tickets.assigneeStaffId)),
          and(eq(tickets.owner, 'joint'), partOf(sql`p.assignee_staff_id is null and p.status != 'done'${mySide}`)),
        ),
      );
    case 'overdue':
      return overdueCondition(now);
    default:
      return undefined;
  }
}

/** The staff member's queue, newest first, a page of `limit` before the ticket id `before`. */
export async function ticketQueue(db: Db, staff: StaffMember, q: QueueFilter, now: number) {
  const filters: (SQL | undefined)[] = [
    ticketScope(staff),
    viewCondition(staff, q.view, now),
    q.community ? eq(communities.slug, q.community) : undefined,
    q.status === 'open' ? inArray(tickets.status, openStatuses) : q.status ? eq(tickets.status, q.status) : undefined,
    q.owner ? eq(tickets.owner, q.owner) : undefined,
    q.category ? eq(ticketCategories.code, q.category) : undefined,
    q.overdue ? overdueCondition(now) : undefined,
    q.before ? lt(tickets.id, q.before) : undefined,
  ];
  const rows = await db
    .select({
      id: tickets.id,
      ...ticketListColumns,
      location: tickets.location,
      flagged: tickets.flagged,
      reopenCount: tickets.reopenCount,
      meToo: tickets.meToo,
      category: { code: ticketCategories.code, name: ticketCategories.name, nameEn: ticketCategories.nameEn },
      clock: ticketCategories.clock,
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
      compound: { name: compounds.name, nameEn: compounds.nameEn },
      handoffs: tickets.handoffs,
      assigneeId: tickets.assigneeStaffId,
      assigneeName: assignee.displayName,
      // One query for the page's parts: each row carries its own as JSON.
      parts: sql<string | null>`(select json_group_array(json_object('side', side, 'status', status, 'assignee', name))
        from (select p.side, p.status, s.display_name as name from ${ticketParts} p
          left join ${staffAccounts} s on s.id = p.assignee_staff_id where p.ticket_id = ${tickets.id} order by p.id))`,
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeStaffId))
    .where(and(...filters))
    .orderBy(desc(tickets.id))
    .limit(q.limit);
  const calendar = await workCalendar(db, now);
  return {
    tickets: rows.map(({ id: _, assigneeId, assigneeName, parts, ...r }) => ({
      ...r,
      overdue: isOverdue(r, now),
      compound: r.compound?.name ? r.compound : null,
      assignee: assigneeId === null ? null : { id: assigneeId, name: assigneeName ?? '' },
      parts: JSON.parse(parts ?? '[]') as { side: PartSide; status: PartStatus; assignee: string | null }[],
      ...timeLeft(calendar, r, now),
    })),
    nextBefore: rows.length === q.limit ? rows.at(-1)!.id : null,
  };
}
