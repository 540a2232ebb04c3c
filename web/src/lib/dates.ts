/**
 * Dates and times as residents read them, in Zhengzhou (Asia/Shanghai), by hand: China keeps
 * UTC+8 all year, so a fixed shift gives the local calendar. The words match what
 * Intl.DateTimeFormat says for these options (a test compares them), without building
 * formatters on a slow phone's first paint.
 */
export type DateLocale = 'zh-CN' | 'en';

/** Zhengzhou's offset from UTC, the same all year. */
export const SHANGHAI_MS = 8 * 60 * 60 * 1000;

/** The calendar day in Zhengzhou, YYYY-MM-DD. */
export const shanghaiDay = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10);
const zhWeekdays = ['日', '一', '二', '三', '四', '五', '六'];
const enWeekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const enMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The Zhengzhou wall clock of a UTC instant. */
function local(ms: number) {
  const d = new Date(ms + SHANGHAI_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}
const two = (n: number) => String(n).padStart(2, '0');

/**
 * "14:05", 24-hour.
 * @example formatTimeIn('zh-CN', Date.UTC(2026, 10, 28, 6, 5)) // '14:05'
 */
export function formatTimeIn(_locale: DateLocale, ms: number): string {
  const l = local(ms);
  return `${two(l.hour)}:${two(l.minute)}`;
}

/**
 * A date with its weekday: "2026年11月28日星期六", "Saturday, Nov 28, 2026". The weekday is
 * always written out (星期六, never 周六 beside it): one name for one day.
 * @example formatDateIn('en', Date.UTC(2026, 10, 28)) // 'Saturday, Nov 28, 2026'
 */
export function formatDateIn(locale: DateLocale, ms: number): string {
  const l = local(ms);
  if (locale === 'zh-CN') return `${l.year}年${l.month + 1}月${l.day}日星期${zhWeekdays[l.weekday]}`;
  return `${enWeekdays[l.weekday]}, ${enMonths[l.month]!.slice(0, 3)} ${l.day}, ${l.year}`;
}

/**
 * A day without year or weekday, for a short line: "12月3日", "Dec 3".
 * @example formatShortDayIn('zh-CN', Date.UTC(2026, 11, 3, 4)) // '12月3日'
 */
export function formatShortDayIn(locale: DateLocale, ms: number): string {
  const l = local(ms);
  return locale === 'zh-CN' ? `${l.month + 1}月${l.day}日` : `${enMonths[l.month]!.slice(0, 3)} ${l.day}`;
}

/**
 * Day and time without the year: "11月28日星期六 14:05", "Saturday, Nov 28, 14:05".
 * @example formatDateTimeIn('zh-CN', Date.UTC(2026, 10, 28, 6, 5)) // '11月28日星期六 14:05'
 */
export function formatDateTimeIn(locale: DateLocale, ms: number): string {
  const l = local(ms);
  if (locale === 'zh-CN') return `${l.month + 1}月${l.day}日星期${zhWeekdays[l.weekday]} ${formatTimeIn(locale, ms)}`;
  return `${enWeekdays[l.weekday]}, ${enMonths[l.month]!.slice(0, 3)} ${l.day}, ${formatTimeIn(locale, ms)}`;
}

/**
 * A day heading in full words: "11月28日星期六", "Saturday, November 28".
 * @example formatDayHeadingIn('en', Date.UTC(2026, 10, 28)) // 'Saturday, November 28'
 */
export function formatDayHeadingIn(locale: DateLocale, ms: number): string {
  const l = local(ms);
  if (locale === 'zh-CN') return `${l.month + 1}月${l.day}日星期${zhWeekdays[l.weekday]}`;
  return `${enWeekdays[l.weekday]}, ${enMonths[l.month]} ${l.day}`;
}
