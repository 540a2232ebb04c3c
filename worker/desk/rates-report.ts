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
const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const columns: [string, (r: Rates) => string | number][] = [
  ['受理件数', (r) => r.cases],
  ['按时响应件数', (r) => r.response.numerator],
  ['应响应件数', (r) => r.response.denominator],
  ['响应率', (r) => percent(r.response)],
  ['解决未重办件数', (r) => r.resolution.numerator],
  ['解决率', (r) => percent(r.resolution)],
  ['满意', (r) => r.satisfaction.satisfied],
  ['基本满意', (r) => r.satisfaction.partly],
  ['不满意', (r) => r.satisfaction.notSatisfied],
  ['参评件数', (r) => r.satisfaction.denominator],
  ['满意率', (r) => percent(r.satisfaction)],
  ['按时办结件数', (r) => r.onTime.numerator],
  ['办结件数', (r) => r.onTime.denominator],
  ['按时办结率', (r) => percent(r.onTime)],
  ['办结时长中位数（小时）', (r) => figure(r.medianHoursToResolve)],
  ['办结时长90百分位（小时）', (r) => figure(r.p90HoursToResolve)],
  ['联合件数', (r) => r.jointCases],
  ['转办次数', (r) => r.handoffs],
  ['联合件平均转办次数', (r) => figure(r.handoffsPerJoint)],
  ['重办件数', (r) => r.redone],
];

/**
 * The report as CSV for upward reporting: a UTF-8 BOM (so Excel reads the Chinese), Chinese
 * headers, one row for the place and one per place of its breakdown, CRLF line ends.
 */
export function ratesCsv(report: RatesReport): string {
  const head = ['地区', '级别', '统计起', '统计止', ...columns.map(([name]) => name)];
  const rows = [{ place: report.place, rates: report.rates }, ...report.breakdown].map((b) => [
    b.place.name,
    kinds[b.place.kind],
    report.from,
    report.to,
    ...columns.map(([, value]) => value(b.rates)),
  ]);
  return `\uFEFF${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
