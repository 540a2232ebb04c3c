import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  attachment,
  type Column,
  capped,
  csvCell,
  exportPeriod,
  exportResponse,
  ROW_CAP,
  toCsv,
  toJsonRows,
} from './exports.ts';
import { parseCsv } from './exports-test-helpers.ts';

type Row = { n: number; text: string; at: number | null };
const columns: Column<Row>[] = [
  { key: 'n', zh: '编号', value: (r) => r.n },
  { key: 'text', zh: '内容，说明', value: (r) => r.text },
  { key: 'at', zh: '时间', value: (r) => r.at, time: true },
];
const at = Date.UTC(2026, 10, 26, 2, 5);

describe('the CSV writer', () => {
  it('starts with a BOM, ends lines with CRLF, and quotes commas, quotes and line breaks in Chinese text', () => {
    const rows = [
      { n: 1, text: '2号楼，电梯"又"坏了\r\n老人上不了楼', at },
      { n: 2, text: '路灯\n不亮', at: null },
    ];
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([
      ['编号', '内容，说明', '时间'],
      ['1', '2号楼，电梯"又"坏了\r\n老人上不了楼', '2026-11-26 10:05'],
      ['2', '路灯\n不亮', ''],
    ]);
  });

  it('puts an apostrophe before what a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("x")', '+86 138', '-1+1', '@SUM(A1)', '\tx', '\rx'])
      expect(parseCsv(csvCell(bad))[0]![0]).toBe(`'${bad}`);
    expect(csvCell('普通文字')).toBe('普通文字');
    // Numbers the app computes are not text a resident wrote: a negative count stays a number.
    expect(csvCell(-3)).toBe('-3');
  });

  it('gives JSON rows by key, times in ISO 8601 with the Zhengzhou offset', () => {
    expect(toJsonRows(columns, [{ n: 1, text: 'a', at }])).toEqual([
      { n: 1, text: 'a', at: '2026-11-26T10:05:00+08:00' },
    ]);
    expect(JSON.parse(JSON.stringify(toJsonRows(columns, [{ n: 2, text: '"', at: null }])))).toEqual([
      { n: 2, text: '"', at: null },
    ]);
  });
});

describe('the file name', () => {
  it('names the Chinese file for browsers and gives an ASCII fallback', () => {
    const header = attachment('工单-永安社区.csv', 'linli-tickets-yongan.csv');
    expect(header).toBe(
      `attachment; filename="linli-tickets-yongan.csv"; filename*=UTF-8''${encodeURIComponent('工单-永安社区.csv')}`,
    );
    expect(attachment('x.csv', 'a "b"\r\n.csv')).toMatch(/^attachment; filename="a__b___.csv"/);
  });
});

describe('the period', () => {
  const now = Date.UTC(2026, 10, 26, 2);
  it('is the last 30 Zhengzhou days by default, with bounds at Zhengzhou midnight', () => {
    const p = exportPeriod({}, now);
    expect(p).toMatchObject({ from: '2026-10-28', to: '2026-11-26' });
    expect(p.start).toBe(Date.parse('2026-10-28T00:00:00+08:00'));
    expect(p.end).toBe(Date.parse('2026-11-27T00:00:00+08:00'));
  });

  it('names from and to when it runs backwards or too long, and allows a leap year', () => {
    for (const q of [
      { from: '2026-11-02', to: '2026-11-01' },
      { from: '2025-01-01', to: '2026-01-02' },
    ]) {
      try {
        exportPeriod(q, now);
        expect.unreachable();
      } catch (err) {
        expect(Object.keys((err as { fields: object }).fields).sort()).toEqual(['from', 'to']);
      }
    }
    expect(exportPeriod({ from: '2027-11-27', to: '2028-11-26' }, now).to).toBe('2028-11-26');
  });
});

describe('the row cap', () => {
  it('cuts at the cap and says so', () => {
    expect(capped(Array.from({ length: ROW_CAP + 1 }, (_, i) => i))).toMatchObject({ truncated: true });
    expect(capped([1, 2]).truncated).toBe(false);
    expect(capped(Array.from({ length: ROW_CAP + 1 }, (_, i) => i)).rows).toHaveLength(ROW_CAP);
  });
});

describe('the download', () => {
  const app = new Hono().get('/x', (c) =>
    exportResponse(c, {
      format: c.req.query('format') === 'json' ? 'json' : 'csv',
      name: { zh: '工单', ascii: 'tickets' },
      columns,
      rows: [{ n: 1, text: '甲', at: null }],
      truncated: true,
      meta: { from: '2026-11-01' },
    }),
  );

  it('says when the row cap cut it, in a header and in JSON, and is never cached', async () => {
    const csv = await app.request('/x');
    expect(csv.headers.get('x-export-truncated')).toBe('1');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.headers.get('content-disposition')).toMatch(/filename="tickets\.csv"; filename\*=UTF-8''/);
    const json = await app.request('/x?format=json');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await json.json()).toEqual({
      from: '2026-11-01',
      truncated: true,
      columns: columns.map(({ key, zh }) => ({ key, zh })),
      rows: [{ n: 1, text: '甲', at: null }],
    });
  });
});
