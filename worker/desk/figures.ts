import { and, gte, inArray, lt, ne, type SQL, sql } from 'drizzle-orm';
import { tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { overdueCondition } from './clock.ts';
import { openStatuses } from './lifecycle.ts';
import { labelOf, type ReportPlace } from './report-place.ts';

/** Below this many cases in the period a community is not ranked: a few tickets say little. */
export const MIN_CASES_TO_RANK = 10;

const n = (expr: SQL | undefined) => sql<number>`coalesce(sum(case when ${expr} then 1 else 0 end), 0)`.mapWith(Number);
/** The resident said it was not fixed: 1–2 stars online, else "not satisfied" on the follow-up call. */
const unhappy = sql`(case when ${tickets.rating} is not null then ${tickets.rating} <= 2
  else coalesce(${tickets.followUpResult} = 'not_satisfied', 0) end)`;
const finished = inArray(tickets.status, ['resolved', 'closed']);

/**
 * The public board's figures: per community of the place, its cases created in [start, end)
 * (duplicates not counted) split without overlap into fixed (resolved or closed after a
 * resolution, and the resident did not say otherwise), closed but not fixed (rejected, closed
 * without a resolution, or resolved/closed and rated 1–2 stars or "not satisfied"), and open;
 * overdue = open now past due with the clock running. Communities with at least
 * MIN_CASES_TO_RANK cases are ranked by fixed ÷ cases (ties share a rank); the others are not.
 * Only counts: no names, phones or ticket texts.
 */
export async function boardFigures(db: Db, place: ReportPlace, period: { start: number; end: number }, now: number) {
  const rows = await db
    .select({
      communityId: tickets.communityId,
      cases: sql<number>`count(*)`.mapWith(Number),
      fixed: n(sql`${finished} and ${tickets.resolvedAt} is not null and not ${unhappy}`),
      closedNotFixed: n(
        sql`${tickets.status} = 'rejected' or (${finished} and (${tickets.resolvedAt} is null or ${unhappy}))`,
      ),
      overdue: n(overdueCondition(now)),
      open: n(inArray(tickets.status, openStatuses)),
    })
    .from(tickets)
    .where(
      and(
        inArray(
          tickets.communityId,
          place.communities.map((c) => c.id),
        ),
        gte(tickets.createdAt, period.start),
        lt(tickets.createdAt, period.end),
        ne(tickets.status, 'duplicate'),
      ),
    )
    .groupBy(tickets.communityId);
  const byId = new Map(rows.map((r) => [r.communityId, r]));
  const figures = place.communities.map((c) => {
    const { communityId: _, ...counts } = byId.get(c.id) ?? {
      cases: 0,
      fixed: 0,
      closedNotFixed: 0,
      overdue: 0,
      open: 0,
    };
    return { community: labelOf(c), ...counts };
  });
  const ranked = figures.filter((f) => f.cases >= MIN_CASES_TO_RANK);
  // Compared as cross products, so equal shares tie exactly.
  const better = (a: (typeof figures)[number], b: (typeof figures)[number]) => a.fixed * b.cases > b.fixed * a.cases;
  return figures
    .map((f) => {
      const tooFewToRank = f.cases < MIN_CASES_TO_RANK;
      return { ...f, rank: tooFewToRank ? null : 1 + ranked.filter((o) => better(o, f)).length, tooFewToRank };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.community.slug.localeCompare(b.community.slug));
}
