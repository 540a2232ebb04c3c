import type { Context } from 'hono';
import * as z from 'zod/mini';
import { ApiError } from './errors.ts';
import { dueDate } from './fields.ts';
import { DAY_MS, SHANGHAI_MS, zhengzhouDay } from './time.ts';

/**
 * The one writer of staff exports (CSV for Excel, JSON for scripts): rows and their columns in,
 * a download out. Features give the rows (already scoped and stripped of what the role may not
 * see) and the columns; the format, the period, the row cap and the file name are decided here.
 */

export const exportFormats = ['csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The query every export takes besides its place: `format`, and the period `from`/`to` (Zhengzhou days). */
export const exportQueryFields = {
  format: z._default(z.enum(exportFormats), 'csv'),
  from: z.optional(dueDate),
  to: z.optional(dueDate),
};

/** The longest period an export covers, in days (a leap year). */
export const MAX_DAYS = 366;
/** The most rows one export gives; more are cut, and the answer says so. */
export const ROW_CAP = 20_000;

type Cell = string | number | boolean | null;
/** One column: its key in JSON, its header in CSV, its value; a `time` column holds milliseconds since the epoch. */
export type Column<R> = { key: string; zh: string; value: (row: R) => Cell; time?: boolean; csv?: (row: R) => string };

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * The period asked for, with its bounds in ms (`start` inclusive, `end` exclusive): by default the
 * last 30 days ending today in Zhengzhou; a 400 naming `from` and `to` if it runs backwards or too long.
 * @example exportPeriod({ from: '2026-11-01', to: '2026-11-30' }, Date.now()) // { from, to, start, end }
 */
export function exportPeriod(q: { from?: string; to?: string }, now: number) {
  const to = q.to ?? zhengzhouDay(now);
  const from = q.from ?? dayOf(dayNumber(to) - 29);
  const days = dayNumber(to) - dayNumber(from) + 1;
  const fields =
    days < 1
      ? { from: 'The period starts after it ends.', to: 'The period ends before it starts.' }
      : days > MAX_DAYS
        ? { from: `A period covers at most ${MAX_DAYS} days.`, to: `A period covers at most ${MAX_DAYS} days.` }
        : null;
  if (fields) throw new ApiError(400, 'invalid_input', 'Invalid query.', fields);
  return { from, to, start: Date.parse(`${from}T00:00:00+08:00`), end: Date.parse(`${to}T00:00:00+08:00`) + DAY_MS };
}
export type ExportPeriod = ReturnType<typeof exportPeriod>;

/** A time as Excel reads it, in Zhengzhou: 2026-11-26 10:00. */
const localTime = (ms: number) => new Date(ms + SHANGHAI_MS).toISOString().slice(0, 16).replace('T', ' ');
/** A time for scripts: ISO 8601 with Zhengzhou's offset. */
const isoTime = (ms: number) => `${new Date(ms + SHANGHAI_MS).toISOString().slice(0, 19)}+08:00`;

/**
 * One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180), and with a leading
 * apostrophe when a spreadsheet would run it as a formula (= + - @, tab, CR), since residents write
 * the text that ends up here.
 * @example csvCell('=1+1') // "'=1+1"
 */
export function csvCell(value: Cell): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Rows as CSV: a UTF-8 BOM (so Excel reads the Chinese), the Chinese headers, CRLF line ends.
 * @example toCsv([{ key: 'n', zh: '编号', value: (r) => r.n }], [{ n: 1 }]) // '\uFEFF编号\r\n1\r\n'
 */
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  const text = (col: Column<R>, row: R) => {
    if (col.csv) return csvCell(col.csv(row));
    const v = col.value(row);
    return csvCell(col.time && typeof v === 'number' ? localTime(v) : v);
  };
  const lines = [columns.map((c) => csvCell(c.zh)), ...rows.map((row) => columns.map((c) => text(c, row)))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/** Rows as JSON objects by column key, times in ISO 8601. */
export function toJsonRows<R>(columns: readonly Column<R>[], rows: readonly R[]) {
  return rows.map((row) =>
    Object.fromEntries(
      columns.map((c) => {
        const v = c.value(row);
        return [c.key, c.time && typeof v === 'number' ? isoTime(v) : v];
      }),
    ),
  );
}

/**
 * The header that names a download: the Chinese file name for browsers (RFC 6266/5987) and an
 * ASCII one for the rest.
 * @example attachment('工单-2026-11-01-2026-11-30.csv', 'linli-tickets-2026-11-01-2026-11-30.csv')
 */
export const attachment = (zh: string, ascii: string) =>
  `attachment; filename="${ascii.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/** Cuts rows fetched with `limit(ROW_CAP + 1)` to the cap, saying whether anything was cut. */
export const capped = <R>(rows: R[]) => ({ rows: rows.slice(0, ROW_CAP), truncated: rows.length > ROW_CAP });

export type ExportSpec<R> = {
  format: ExportFormat;
  /** The file's name without extension, in Chinese and in ASCII. */
  name: { zh: string; ascii: string };
  columns: readonly Column<R>[];
  rows: readonly R[];
  truncated?: boolean;
  /** What JSON carries beside the rows: the place, the period… */
  meta?: Record<string, unknown>;
};

/**
 * The download: CSV or JSON, never cached, with `X-Export-Truncated: 1` (and `truncated` in JSON)
 * when the row cap cut it.
 * @example return exportResponse(c, { format: 'csv', name, columns, rows, truncated })
 */
export function exportResponse<R>(c: Context, spec: ExportSpec<R>) {
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Disposition', attachment(`${spec.name.zh}.${spec.format}`, `${spec.name.ascii}.${spec.format}`));
  if (spec.truncated) c.header('X-Export-Truncated', '1');
  if (spec.format === 'json') {
    const columns = spec.columns.map(({ key, zh }) => ({ key, zh }));
    const body = {
      ...spec.meta,
      truncated: spec.truncated ?? false,
      columns,
      rows: toJsonRows(spec.columns, spec.rows),
    };
    return c.json(body, 200);
  }
  c.header('Content-Type', 'text/csv; charset=utf-8');
  return c.body(toCsv(spec.columns, spec.rows), 200);
}
