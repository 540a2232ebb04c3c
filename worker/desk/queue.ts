import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import {
  communities,
  compounds,
  type Owner,
  type TicketStatus,
  ticketCategories,
  tickets,
} from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import type { StaffMember } from '../staff/policy.ts';
import { isOverdue, overdueCondition } from './clock.ts';
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

/** The filters of the staff queue, as the request gives them. */
export type QueueFilter = {
  community?: string;
  status?: TicketStatus | 'open';
  owner?: Owner;
  category?: string;
  overdue?: boolean;
  before?: number;
  limit: number;
};

/** The staff member's queue, newest first, a page of `limit` before the ticket id `before`. */
export async function ticketQueue(db: Db, staff: StaffMember, q: QueueFilter, now: number) {
  const filters: (SQL | undefined)[] = [
    ticketScope(staff),
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
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
      compound: { name: compounds.name, nameEn: compounds.nameEn },
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
    .where(and(...filters))
    .orderBy(desc(tickets.id))
    .limit(q.limit);
  return {
    tickets: rows.map(({ id: _, ...r }) => ({
      ...r,
      overdue: isOverdue(r, now),
      compound: r.compound?.name ? r.compound : null,
    })),
    nextBefore: rows.length === q.limit ? rows.at(-1)!.id : null,
  };
}
