import { formatDayHeadingIn, formatTimeIn, shanghaiDay } from './dates.ts';
import { formatDateTime } from './format.ts';
import { prefs } from './prefs.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days from today (in Zhengzhou) to the day of `ms`: 0 today, 1 tomorrow. */
export const daysFromToday = (ms: number, now = Date.now()) =>
  Math.round((Date.parse(shanghaiDay(ms)) - Date.parse(shanghaiDay(now))) / DAY_MS);

/** "11月28日星期六" for a day heading. */
export const formatDayHeading = (ms: number) => formatDayHeadingIn(prefs.locale(), ms);
export const formatTime = (ms: number) => formatTimeIn(prefs.locale(), ms);

/** Start and end as people say it: one date, two times (or two dates when it runs past midnight). */
export function formatTimeRange(start: number, end: number): string {
  return `${formatDateTime(start)} – ${shanghaiDay(start) === shanghaiDay(end) ? formatTime(end) : formatDateTime(end)}`;
}

/**
 * The week view: one group per day of the coming seven that has events, then one for later.
 * @example groupByWeek(events) // [{ key: '2026-11-28', first: 1764293400000, items: […] }, { key: 'later', … }]
 */
export function groupByWeek<T extends { startsAt: number }>(items: T[], now = Date.now()) {
  const groups: { key: string; first: number; items: T[] }[] = [];
  for (const item of items) {
    const key = daysFromToday(item.startsAt, now) < 7 ? shanghaiDay(item.startsAt) : 'later';
    const group = groups.find((g) => g.key === key);
    if (group) group.items.push(item);
    else groups.push({ key, first: item.startsAt, items: [item] });
  }
  return groups;
}
