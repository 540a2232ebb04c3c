import { and, gte, isNotNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS, HOUR_MS, SHANGHAI_MS } from '../lib/time.ts';
import { type BoardPlace, placeCondition } from './board.ts';

/**
 * The three rates (三率) and the desk's other figures for a place and period, each rate with
 * its numerator and denominator. The definitions, exactly as computed below:
 *
 * - Period: tickets created from `from` to `to` inclusive (Zhengzhou days). Cases = those
 *   tickets of the place whose status is not `duplicate` (a duplicate counts with its surviving ticket).
 * - Response rate (响应率) = cases first-responded on time (firstResponseAt ≤ firstResponseDueAt)
 *   ÷ cases whose response was due (firstResponseAt set, or firstResponseDueAt < now).
 * - Resolution rate (解决率) = cases resolved (resolvedAt set) and never reopened (reopenCount = 0) ÷ cases.
 * - Satisfaction rate (满意率) = (满意 + 基本满意) ÷ rated, the 12345 hotlines' convention: rated =
 *   an online rating or a follow-up answer, the online rating winning when both exist; 4–5 stars
 *   or `satisfied` = 满意, 3 stars or `partly` = 基本满意, 1–2 stars or `not_satisfied` = 不满意.
 * - On-time rate (按时办结率) = resolved with resolvedAt ≤ dueAt ÷ resolved.
 * - Median and 90th-percentile hours from filing to resolution over resolved cases (the median of
 *   an even count is the mean of the middle two; p90 is nearest-rank: the ⌈0.9·n⌉th smallest).
 * - Hand-offs per joint ticket = sum of the joint cases' handoffs ÷ joint cases (null when none);
 *   re-done (重办) = cases with reopenCount > 0.
 * - A rate whose denominator is 0 is null (shown as "—", never 0% or 100%).
 */

/** A share with what it is made of; `rate` is a fraction (0–1), null when nothing counts. */
export type Rate = { rate: number | null; numerator: number; denominator: number };
export type Rates = ReturnType<typeof toRates>;

/** The instants a period of Zhengzhou days covers: from the first day's midnight to before the day after the last. */
export const periodBounds = (from: string, to: string) => ({
  start: Date.parse(`${from}T00:00:00+08:00`),
  end: Date.parse(`${to}T00:00:00+08:00`) + DAY_MS,
});

const rate = (numerator: number, denominator: number): Rate => ({
  rate: denominator ? numerator / denominator : null,
  numerator,
  denominator,
});

const n = (expr: SQL) => sql<number>`coalesce(sum(case when ${expr} then 1 else 0 end), 0)`.mapWith(Number);

/** 满意 / 基本满意 / 不满意 of one ticket, the online rating winning over the follow-up answer. */
const verdict = sql`case
  when ${tickets.rating} is not null then (case when ${tickets.rating} >= 4 then 's' when ${tickets.rating} = 3 then 'p' else 'n' end)
  when ${tickets.followUpResult} = 'satisfied' then 's'
  when ${tickets.followUpResult} = 'partly' then 'p'
  when ${tickets.followUpResult} = 'not_satisfied' then 'n' end`;

const counts = (now: number) => ({
  cases: sql<number>`count(*)`.mapWith(Number),
  respondedOnTime: n(sql`${tickets.firstResponseAt} <= ${tickets.firstResponseDueAt}`),
  responseDue: n(sql`${tickets.firstResponseAt} is not null or ${tickets.firstResponseDueAt} < ${now}`),
  resolved: n(sql`${tickets.resolvedAt} is not null`),
  resolvedFirstTime: n(sql`${tickets.resolvedAt} is not null and ${tickets.reopenCount} = 0`),
  resolvedOnTime: n(sql`${tickets.resolvedAt} <= ${tickets.dueAt}`),
  satisfied: n(sql`${verdict} = 's'`),
  partly: n(sql`${verdict} = 'p'`),
  notSatisfied: n(sql`${verdict} = 'n'`),
  joint: n(sql`${tickets.owner} = 'joint'`),
  jointHandoffs:
    sql<number>`coalesce(sum(case when ${tickets.owner} = 'joint' then ${tickets.handoffs} else 0 end), 0)`.mapWith(
      Number,
    ),
  redone: n(sql`${tickets.reopenCount} > 0`),
});
type Counts = { [K in keyof ReturnType<typeof counts>]: number };
type Times = { median: number | null; p90: number | null };

const empty: Counts = Object.fromEntries(Object.keys(counts(0)).map((k) => [k, 0])) as Counts;

function toRates(c: Counts, t: Times) {
  const rated = c.satisfied + c.partly + c.notSatisfied;
  return {
    cases: c.cases,
    response: rate(c.respondedOnTime, c.responseDue),
    resolution: rate(c.resolvedFirstTime, c.cases),
    satisfaction: {
      ...rate(c.satisfied + c.partly, rated),
      satisfied: c.satisfied,
      partly: c.partly,
      notSatisfied: c.notSatisfied,
    },
    onTime: rate(c.resolvedOnTime, c.resolved),
    medianHoursToResolve: t.median === null ? null : t.median / HOUR_MS,
    p90HoursToResolve: t.p90 === null ? null : t.p90 / HOUR_MS,
    jointCases: c.joint,
    handoffs: c.jointHandoffs,
    handoffsPerJoint: c.joint ? c.jointHandoffs / c.joint : null,
    redone: c.redone,
  };
}

/** What the figures are grouped by: one group for the whole place, or per community, sub-district or month. */
export type Grouping = 'all' | 'community' | 'subdistrict' | 'month';
const groupKey: Record<Grouping, SQL<string>> = {
  all: sql<string>`'all'`,
  community: sql<string>`cast(${tickets.communityId} as text)`,
  subdistrict: sql<string>`cast(${tickets.subdistrictId} as text)`,
  month: sql<string>`strftime('%Y-%m', (${tickets.createdAt} + ${SHANGHAI_MS}) / 1000, 'unixepoch')`,
};

/**
 * The figures of a place's cases created in [start, end), grouped: two statements, one of
 * aggregates and one picking the median and p90 ranks with window functions. Keys are
 * 'all', community or sub-district ids as text, or 'YYYY-MM' (Zhengzhou months); a group with no cases is absent.
 * @example (await ratesBy(db, { subdistrictId: 2 }, periodBounds('2026-11-01', '2026-11-30'), 'community', now)).get('3')
 */
export async function ratesBy(
  db: Db,
  place: BoardPlace,
  period: { start: number; end: number },
  grouping: Grouping,
  now: number,
): Promise<Map<string, Rates>> {
  const key = groupKey[grouping];
  const where = and(
    placeCondition(place),
    gte(tickets.createdAt, period.start),
    lt(tickets.createdAt, period.end),
    ne(tickets.status, 'duplicate'),
  );
  const took = sql<number>`${tickets.resolvedAt} - ${tickets.createdAt}`;
  const ranked = db
    .select({
      key: sql<string>`${key}`.as('key'),
      took: took.as('took'),
      rank: sql<number>`row_number() over (partition by ${key} order by ${took})`.as('rank'),
      of: sql<number>`count(*) over (partition by ${key})`.as('of'),
    })
    .from(tickets)
    .where(and(where, isNotNull(tickets.resolvedAt)))
    .as('ranked');
  const [groups, picks] = await Promise.all([
    db
      .select({ key: sql<string>`${key}`, ...counts(now) })
      .from(tickets)
      .where(where)
      .groupBy(key),
    db
      .select()
      .from(ranked)
      .where(sql`${ranked.rank} in ((${ranked.of} + 1) / 2, (${ranked.of} + 2) / 2, (9 * ${ranked.of} + 9) / 10)`),
  ]);
  const times = new Map<string, Times>();
  for (const k of new Set(picks.map((p) => p.key))) {
    const mine = picks.filter((p) => p.key === k);
    const of = mine[0]!.of;
    const at = (r: number) => Number(mine.find((p) => p.rank === r)!.took);
    const median = (at(Math.floor((of + 1) / 2)) + at(Math.floor((of + 2) / 2))) / 2;
    times.set(k, { median, p90: at(Math.floor((9 * of + 9) / 10)) });
  }
  return new Map(
    groups.map(({ key: k, ...c }) => [String(k), toRates(c, times.get(String(k)) ?? { median: null, p90: null })]),
  );
}

/** The figures of a place with no cases: counts of 0, every rate and time null. */
export const noRates = () => toRates(empty, { median: null, p90: null });
