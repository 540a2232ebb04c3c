import type { Column } from '../lib/exports.ts';
import type { Db } from '../lib/platform.ts';
import { noRates, periodBounds, type Rates, ratesBy } from './rates.ts';
import { labelOf, type PlaceLabel, type ReportPlace } from './report-place.ts';

/** The six Zhengzhou months (YYYY-MM) ending with the one `to` (YYYY-MM-DD) falls in, oldest first. */
export function sixMonths(to: string): string[] {
  const [y, m] = to.split('-').map(Number);
  return Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(y!, m! - 6 + i, 1)).toISOString().slice(0, 7));
}

/**
 * A place's three rates and other figures for the period (see rates.ts for the definitions),
 * broken down into its sub-districts and communities, with the six-month trend ending at `to`.
 */
export async function ratesReport(db: Db, place: ReportPlace, from: string, to: string, now: number) {
  const period = periodBounds(from, to);
  const months = sixMonths(to);
  const trendPeriod = { start: Date.parse(`${months[0]}-01T00:00:00+08:00`), end: period.end };
  const none = Promise.resolve(new Map<string, Rates>());
  const [all, bySubdistrict, byCommunity, byMonth] = await Promise.all([
    ratesBy(db, place.where, period, 'all', now),
    place.subdistricts.length ? ratesBy(db, place.where, period, 'subdistrict', now) : none,
    place.label.kind === 'community' ? none : ratesBy(db, place.where, period, 'community', now),
    ratesBy(db, place.where, trendPeriod, 'month', now),
  ]);
  const row = (unit: PlaceLabel & { id: number }, found: Map<string, Rates>) => ({
    place: labelOf(unit),
    rates: found.get(String(unit.id)) ?? noRates(),
  });
  return {
    place: place.label,
    from,
    to,
    rates: all.get('all') ?? noRates(),
    breakdown:
      place.label.kind === 'community'
        ? []
        : [
            ...place.subdistricts.map((s) => row(s, bySubdistrict)),
            ...place.communities.map((c) => row(c, byCommunity)),
          ],
    trend: months.map((month) => ({ month, rates: byMonth.get(month) ?? noRates() })),
  };
}
export type RatesReport = Awaited<ReturnType<typeof ratesReport>>;

const kinds = { district: '区', subdistrict: '街道', community: '社区' } as const;
const percent = (r: { rate: number | null }) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const figure = (x: number | null) => (x === null ? '—' : String(Math.round(x * 10) / 10));

type RatesRow = { place: PlaceLabel; from: string; to: string; rates: Rates };
/** A rate's column: the fraction in JSON, the percentage (or — for nothing to count) in CSV. */
const rateColumn = (key: string, zh: string, of: (r: Rates) => { rate: number | null }): Column<RatesRow> => ({
  key,
  zh,
  value: (row) => of(row.rates).rate,
  csv: (row) => percent(of(row.rates)),
});
const figureColumn = (key: string, zh: string, of: (r: Rates) => number | null): Column<RatesRow> => ({
  key,
  zh,
  value: (row) => of(row.rates),
  csv: (row) => figure(of(row.rates)),
});
const count = (key: string, zh: string, of: (r: Rates) => number): Column<RatesRow> => ({
  key,
  zh,
  value: (row) => of(row.rates),
});

/** The columns of the rates export: one row for the place and one per place of its breakdown. */
export const ratesColumns: Column<RatesRow>[] = [
  { key: 'place', zh: '地区', value: (row) => row.place.name },
  { key: 'kind', zh: '级别', value: (row) => row.place.kind, csv: (row) => kinds[row.place.kind] },
  { key: 'from', zh: '统计起', value: (row) => row.from },
  { key: 'to', zh: '统计止', value: (row) => row.to },
  count('cases', '受理件数', (r) => r.cases),
  count('respondedOnTime', '按时响应件数', (r) => r.response.numerator),
  count('toRespond', '应响应件数', (r) => r.response.denominator),
  rateColumn('responseRate', '响应率', (r) => r.response),
  count('resolvedNotRedone', '解决未重办件数', (r) => r.resolution.numerator),
  rateColumn('resolutionRate', '解决率', (r) => r.resolution),
  count('satisfied', '满意', (r) => r.satisfaction.satisfied),
  count('partlySatisfied', '基本满意', (r) => r.satisfaction.partly),
  count('notSatisfied', '不满意', (r) => r.satisfaction.notSatisfied),
  count('rated', '参评件数', (r) => r.satisfaction.denominator),
  rateColumn('satisfactionRate', '满意率', (r) => r.satisfaction),
  count('closedOnTime', '按时办结件数', (r) => r.onTime.numerator),
  count('closed', '办结件数', (r) => r.onTime.denominator),
  rateColumn('onTimeRate', '按时办结率', (r) => r.onTime),
  figureColumn('medianHoursToResolve', '办结时长中位数（小时）', (r) => r.medianHoursToResolve),
  figureColumn('p90HoursToResolve', '办结时长90百分位（小时）', (r) => r.p90HoursToResolve),
  count('jointCases', '联合件数', (r) => r.jointCases),
  count('handoffs', '转办次数', (r) => r.handoffs),
  figureColumn('handoffsPerJoint', '联合件平均转办次数', (r) => r.handoffsPerJoint),
  count('redone', '重办件数', (r) => r.redone),
];

/** The report's rows for the export: the place itself, then its breakdown. */
export const ratesRows = (report: RatesReport): RatesRow[] =>
  [{ place: report.place, rates: report.rates }, ...report.breakdown].map((b) => ({
    ...b,
    from: report.from,
    to: report.to,
  }));
