import { formatDateIn, formatDateTimeIn, formatShortDayIn } from './dates.ts';
import { prefs } from './prefs.ts';

/** A UTC instant as a Zhengzhou date, in the current language: "2026年11月28日星期六". */
export const formatDate = (ms: number) => formatDateIn(prefs.locale(), ms);
/** A UTC instant as Zhengzhou day and time, in the current language: "11月28日星期六 14:05". */
export const formatDateTime = (ms: number) => formatDateTimeIn(prefs.locale(), ms);
/** A Zhengzhou calendar day (YYYY-MM-DD, as due and done dates are kept) in the current language. */
export const formatDay = (day: string) => formatDate(Date.parse(`${day}T12:00:00+08:00`));

/** A share (0–1) as a whole percentage; null (nothing to count) as "—", never 0% or 100%. */
export const formatRate = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
/** A figure to one decimal, or "—" for none. */
export const formatFigure = (x: number | null) => (x === null ? '—' : String(Math.round(x * 10) / 10));
/** A UTC instant as a short Zhengzhou day: "12月3日". */
export const formatShortDay = (ms: number) => formatShortDayIn(prefs.locale(), ms);
