/**
 * Time in Zhengzhou on the server: China keeps UTC+8 all year (no daylight saving since 1991), so
 * a fixed shift gives the local calendar exactly. The web app has its own copy of the offset in
 * web/src/lib/dates.ts: it may import no server code.
 */

/** Zhengzhou's offset from UTC, the same all year. */
export const SHANGHAI_MS = 8 * 60 * 60 * 1000;

export const HOUR_MS = 60 * 60 * 1000;

export const DAY_MS = 24 * HOUR_MS;

/**
 * The calendar day in Zhengzhou of an instant, YYYY-MM-DD.
 * @example zhengzhouDay(Date.UTC(2026, 10, 26, 16)) // '2026-11-27'
 */
export const zhengzhouDay = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);

/**
 * The Zhengzhou day of an instant as YYYYMMDD, the middle of residents' human numbers (tickets,
 * wishes, home visits).
 * @example shanghaiDay(Date.UTC(2026, 10, 26, 16)) // '20261127'
 */
export const shanghaiDay = (ms: number) => zhengzhouDay(ms).replaceAll('-', '');

/**
 * The last second of a Zhengzhou calendar day (YYYY-MM-DD), as milliseconds since the epoch.
 * @example endOfShanghaiDay('2026-12-01') // Date.parse('2026-12-01T23:59:59+08:00')
 */
export const endOfShanghaiDay = (day: string) => Date.parse(`${day}T23:59:59+08:00`);

/** Whether YYYY-MM-DD names a day of the calendar (Date.parse takes 2026-02-30 as 2 March). */
export const isCalendarDay = (day: string) =>
  !Number.isNaN(endOfShanghaiDay(day)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
