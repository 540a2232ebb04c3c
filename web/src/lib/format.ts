import { prefs } from './prefs.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats a UTC instant as Zhengzhou local time, in the current language. */
function format(ms: number, withTime: boolean): string {
  const key = `${prefs.locale()}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(prefs.locale(), {
      timeZone: 'Asia/Shanghai',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : { year: 'numeric' }),
    });
    formatters.set(key, f);
  }
  return f.format(ms);
}

export const formatDate = (ms: number) => format(ms, false);
export const formatDateTime = (ms: number) => format(ms, true);
