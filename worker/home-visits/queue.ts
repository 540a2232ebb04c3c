import { and, desc, eq, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import {
  communities,
  type HomeVisitStatus,
  homeServices,
  homeVisits,
  partnerCommunities,
  partners,
} from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import type { StaffMember } from '../staff/policy.ts';
import { assignedStatuses, isOverdueVisit, openVisitStatuses } from './lifecycle.ts';

/** The visits a staff member may see, as a SQL condition (mirrors `seesPlace` for visits). */
export function visitScope(who: StaffMember): SQL | undefined {
  switch (who.role) {
    case 'admin':
      return undefined;
    case 'subdistrict':
      return eq(homeVisits.subdistrictId, who.subdistrictId ?? -1);
    case 'community':
      return eq(homeVisits.communityId, who.communityId ?? -1);
    case 'partner':
      return eq(homeVisits.partnerId, who.partnerId ?? -1);
    default:
      return sql`0`;
  }
}

export type VisitFilter = {
  community?: string;
  status?: HomeVisitStatus | 'open';
  partner?: string;
  overdue?: boolean;
  before?: number;
  limit: number;
};

/** The columns every list of visits shows: no personal details beyond how to address the person. */
const listColumns = {
  id: homeVisits.id,
  number: homeVisits.number,
  status: homeVisits.status,
  addressAs: homeVisits.addressAs,
  reason: homeVisits.reason,
  createdAt: homeVisits.createdAt,
  dueAt: homeVisits.dueAt,
  slotStart: homeVisits.slotStart,
  service: { code: homeServices.code, name: homeServices.name, nameEn: homeServices.nameEn },
  partner: { slug: partners.slug, name: partners.name, nameEn: partners.nameEn },
  community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
};

function listed(db: Db, where: SQL | undefined) {
  return db
    .select(listColumns)
    .from(homeVisits)
    .innerJoin(homeServices, eq(homeServices.id, homeVisits.serviceId))
    .innerJoin(communities, eq(communities.id, homeVisits.communityId))
    .leftJoin(partners, eq(partners.id, homeVisits.partnerId))
    .where(where);
}

const shape =
  (now: number) =>
  ({ id: _, ...r }: Awaited<ReturnType<typeof listed>>[number]) => ({
    ...r,
    partner: r.partner?.slug ? r.partner : null,
    overdue: isOverdueVisit(r, now),
  });

/** The queue of home-visit requests, newest first, by status and partner, a page before the id `before`. */
export async function visitQueue(db: Db, who: StaffMember, q: VisitFilter, now: number) {
  const rows = await listed(
    db,
    and(
      visitScope(who),
      q.community ? eq(communities.slug, q.community) : undefined,
      q.status === 'open'
        ? inArray(homeVisits.status, openVisitStatuses)
        : q.status
          ? eq(homeVisits.status, q.status)
          : undefined,
      q.partner ? eq(partners.slug, q.partner) : undefined,
      q.overdue ? and(inArray(homeVisits.status, openVisitStatuses), lt(homeVisits.dueAt, now)) : undefined,
      q.before ? lt(homeVisits.id, q.before) : undefined,
    ),
  )
    .orderBy(desc(homeVisits.id))
    .limit(q.limit);
  return { visits: rows.map(shape(now)), nextBefore: rows.length === q.limit ? rows.at(-1)!.id : null };
}

/** Open visits past their due date, for the sub-district's supervision list beside the desk's tickets. */
export async function overdueVisits(db: Db, who: StaffMember, subdistrictId: number | null, now: number) {
  const rows = await listed(
    db,
    and(
      visitScope(who),
      subdistrictId === null ? undefined : eq(homeVisits.subdistrictId, subdistrictId),
      inArray(homeVisits.status, openVisitStatuses),
      lt(homeVisits.dueAt, now),
    ),
  ).orderBy(homeVisits.dueAt);
  return rows.map((r) => ({ ...shape(now)(r), overdueDays: Math.ceil((now - r.dueAt) / DAY_MS) }));
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One line per partner organisation the staff member works with: open visits, median days from
 * request to visit, completion rate (done of those with an outcome) and the average rating,
 * over the visits in the staff member's place.
 */
export async function partnerFigures(db: Db, who: StaffMember, communityId: number | null) {
  const partnerRows = await db
    .selectDistinct({
      id: partners.id,
      slug: partners.slug,
      name: partners.name,
      nameEn: partners.nameEn,
      kind: partners.kind,
    })
    .from(partners)
    .innerJoin(partnerCommunities, eq(partnerCommunities.partnerId, partners.id))
    .innerJoin(communities, eq(communities.id, partnerCommunities.communityId))
    .where(
      and(
        communityId === null ? undefined : eq(partnerCommunities.communityId, communityId),
        who.role === 'subdistrict' ? eq(communities.subdistrictId, who.subdistrictId ?? -1) : undefined,
        who.role === 'community' ? eq(communities.id, who.communityId ?? -1) : undefined,
        who.role === 'partner' ? eq(partners.id, who.partnerId ?? -1) : undefined,
      ),
    )
    .orderBy(partners.slug);
  const visits = await db
    .select({
      partnerId: homeVisits.partnerId,
      status: homeVisits.status,
      createdAt: homeVisits.createdAt,
      visitedAt: homeVisits.visitedAt,
      outcome: homeVisits.outcome,
      rating: homeVisits.rating,
    })
    .from(homeVisits)
    .where(
      and(
        visitScope(who),
        isNotNull(homeVisits.partnerId),
        communityId === null ? undefined : eq(homeVisits.communityId, communityId),
      ),
    );
  return partnerRows.map(({ id, ...p }) => {
    const own = visits.filter((v) => v.partnerId === id);
    const withOutcome = own.filter((v) => v.outcome !== null);
    const done = withOutcome.filter((v) => v.outcome === 'done');
    const ratings = own.flatMap((v) => (v.rating === null ? [] : [v.rating]));
    const days = median(done.map((v) => (v.visitedAt! - v.createdAt) / DAY_MS));
    return {
      ...p,
      open: own.filter((v) => (assignedStatuses as readonly string[]).includes(v.status)).length,
      visited: done.length,
      medianDaysToVisit: days === null ? null : round1(days),
      completionRate: withOutcome.length ? round1((100 * done.length) / withOutcome.length) / 100 : null,
      averageRating: ratings.length ? round1(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
      ratings: ratings.length,
    };
  });
}
