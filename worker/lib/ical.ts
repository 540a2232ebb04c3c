/**
 * An iCalendar (RFC 5545) renderer for the events of a community, so residents can subscribe from
 * a phone calendar. Pure and dependency-free: it runs unchanged in the Worker and on Node.
 */
import { SHANGHAI_MS } from './time.ts';

export type CalendarEvent = {
  uid: string;
  sequence: number;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  start: Date;
  end: Date;
  status: 'scheduled' | 'cancelled' | 'completed';
  updatedAt: Date;
  organizer?: string;
};

const CRLF = '\r\n';
const MAX_OCTETS = 75;
// Every VEVENT needs a calendar address for ORGANIZER; .invalid (RFC 2606) can never receive mail.
const ORGANIZER_ADDRESS = 'mailto:noreply@linli.invalid';

// CTLs are not allowed in any content line value (RFC 5545 §3.1); HTAB is the one exception.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYYMMDDTHHMMSS` from the UTC fields of a date. */
function basicDateTime(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

/**
 * The wall-clock time in Asia/Shanghai, in the iCalendar basic format without a zone designator.
 * @example toShanghaiLocal(new Date('2026-11-26T11:00:00Z')) // '20261126T190000'
 */
export function toShanghaiLocal(date: Date): string {
  return basicDateTime(new Date(date.getTime() + SHANGHAI_MS));
}

function toUtc(date: Date): string {
  return `${basicDateTime(date)}Z`;
}

/** TEXT value escaping (RFC 5545 §3.3.11); newlines of any flavour become the two characters `\n`. */
function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * A quoted parameter value. DQUOTE and newlines cannot appear inside one, so they use the
 * RFC 6868 caret escapes that ical.js and current calendar apps understand.
 */
function quoteParam(value: string): string {
  const escaped = value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\n/g, '^n');
  return `"${escaped}"`;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  // Lone surrogates are sent as U+FFFD, which is also 3 bytes.
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line so no physical line exceeds 75 octets (RFC 5545 §3.1). Iterating by code
 * point keeps multi-byte characters, such as Chinese (3 bytes) or emoji (4), whole.
 */
function fold(line: string): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (used + size > MAX_OCTETS) {
      out += `${CRLF} `;
      used = 1; // the leading space of a continuation line counts
    }
    out += char;
    used += size;
  }
  return out;
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function renderEvent(event: CalendarEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${toUtc(now)}`,
    `DTSTART;TZID=Asia/Shanghai:${toShanghaiLocal(event.start)}`,
  ];
  // DTEND must be later than DTSTART; without it the event is an instant, which still validates.
  if (event.end.getTime() > event.start.getTime()) {
    lines.push(`DTEND;TZID=Asia/Shanghai:${toShanghaiLocal(event.end)}`);
  }
  lines.push(
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `LAST-MODIFIED:${toUtc(event.updatedAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
  );
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // URL is a URI value, not TEXT: backslash escapes would corrupt it.
  if (event.url) lines.push(`URL:${event.url.replace(CONTROL_CHARS, '').replace(/[\r\n]/g, '')}`);
  if (event.organizer) lines.push(`ORGANIZER;CN=${quoteParam(event.organizer)}:${ORGANIZER_ADDRESS}`);
  // A completed event did take place, so it stays CONFIRMED; only a cancellation strikes it out.
  lines.push(`STATUS:${event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/**
 * Renders a subscribable calendar: CRLF line endings, folded lines, times in Asia/Shanghai.
 * @example
 * renderCalendar({ name: '幸福社区活动', now: new Date(), events: [{
 *   uid: 'event-42@linli', sequence: 0, title: '重阳节茶话会', status: 'scheduled',
 *   start: new Date('2026-10-18T06:00:00Z'), end: new Date('2026-10-18T08:00:00Z'), updatedAt: new Date(),
 * }] }) // 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…'
 */
export function renderCalendar(options: {
  name: string;
  description?: string;
  url?: string;
  now: Date;
  events: CalendarEvent[];
}): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Linli//Linli Community Calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  if (options.description) {
    lines.push(`DESCRIPTION:${escapeText(options.description)}`, `X-WR-CALDESC:${escapeText(options.description)}`);
  }
  if (options.url) lines.push(`URL:${options.url.replace(CONTROL_CHARS, '').replace(/[\r\n]/g, '')}`);
  // Subscribed calendars otherwise refresh when the app pleases (Apple: weekly by default).
  lines.push('X-WR-TIMEZONE:Asia/Shanghai', 'REFRESH-INTERVAL;VALUE=DURATION:PT6H', 'X-PUBLISHED-TTL:PT6H');
  lines.push(...VTIMEZONE);
  for (const event of options.events) lines.push(...renderEvent(event, options.now));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}
