import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../schema/index.ts';
import { csvTable } from '../lib/exports-test-helpers.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp } from './test-helpers.ts';

let d: DeskApp;
const hostile = '=HYPERLINK("http://x")，"楼道"灯坏了,\r\n第二行';
let repair: string;
let fire: string;
let gongren: string;

beforeAll(async () => {
  d = await deskApp();
  repair = (await d.fileOk({ description: hostile, phone: '13900000011' })).number;
  fire = (await d.fileOk({ category: 'fire-safety', compound: undefined, phone: '13900000012' })).number;
  gongren = (await d.fileOk({ community: 'gongrenlu', compound: undefined, phone: '13900000013' })).number;
});

type Query = {
  format?: 'csv' | 'json';
  from?: string;
  to?: string;
  community?: string;
  subdistrict?: string;
  district?: '1';
};
const exportAs = async (login: string, query: Query = {}) =>
  d.t.api.desk.export.$get({ query: { from: '2026-11-01', to: '2026-11-26', ...query } }, await d.as(login));

async function csvOf(login: string, query: Query = {}) {
  const res = await exportAs(login, query);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return { ...csvTable(new Uint8Array(await res.arrayBuffer())), res };
}
const numbers = (rows: Record<string, string>[]) => rows.map((r) => r.编号);
const exportEntries = () => d.t.db.select().from(auditLog).where(eq(auditLog.action, 'desk.export'));

describe('the tickets export, per role', () => {
  it('gives the district admin every ticket of the period, with names and phones, and reads back as written', async () => {
    const { head, rows, res } = await csvOf('erqi-admin', { district: '1' });
    expect(res.headers.get('content-disposition')).toContain(`filename="linli-tickets-erqi-2026-11-01-2026-11-26.csv"`);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('工单-二七区-'));
    expect(head).toContain('电话');
    expect(numbers(rows)).toEqual(expect.arrayContaining([repair, fire, gongren]));
    const row = rows.find((r) => r.编号 === repair)!;
    expect(row.诉求内容).toBe(`'${hostile}`);
    expect(row.电话).toBe('13900000011');
    expect(row.状态).toBe('已提交');
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/token|hash/i);
  });

  it('keeps a sub-district to its own, and hides another sub-district or the district', async () => {
    const { rows } = await csvOf('jianzhongjie');
    expect(numbers(rows)).toEqual(expect.arrayContaining([repair, fire]));
    expect(numbers(rows)).not.toContain(gongren);
    expect((await exportAs('jianzhongjie', { subdistrict: 'songshanlu' })).status).toBe(404);
    expect((await exportAs('jianzhongjie', { district: '1' })).status).toBe(404);
    expect((await exportAs('songshanlu', { community: 'gongrenlu' })).status).toBe(200);
  });

  it('keeps a community to its own tickets: another community is a 404', async () => {
    const { rows } = await csvOf('yongan', { community: 'yongan' });
    expect(numbers(rows)).toEqual(expect.arrayContaining([repair, fire]));
    expect(numbers(rows)).not.toContain(gongren);
    const hidden = await exportAs('yongan', { community: 'gongrenlu' });
    expect(hidden.status).toBe(404);
    expect((await errorOf(hidden)).error.code).toBe('community_not_found');
  });

  it("gives property staff their compounds' tickets but not the community's own (fire safety)", async () => {
    const { rows } = await csvOf('yongan-wuye');
    expect(numbers(rows)).toContain(repair);
    expect(numbers(rows)).not.toContain(fire);
    expect(numbers(rows)).not.toContain(gongren);
    // A place outside their compounds only narrows the scope: nothing, not someone else's tickets.
    expect(numbers((await csvOf('yongan-wuye', { community: 'gongrenlu' })).rows)).toEqual([]);
  });

  it('refuses partners, volunteers and correspondents, and writes no audit entry for them', async () => {
    const before = (await exportEntries()).length;
    for (const login of ['boc-zhongyuan', 'jieyunli-volunteer', 'weihongmin']) {
      const res = await exportAs(login);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('1390000');
    }
    expect((await exportEntries()).length).toBe(before);
  });
});

describe('every export', () => {
  it('writes one audit entry with the place, the range, the format and the row count', async () => {
    const before = (await exportEntries()).length;
    const res = await exportAs('yongan', { format: 'json', community: 'yongan' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { number: string }[]; truncated: boolean; columns: { key: string }[] };
    const entries = await exportEntries();
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({
      objectType: 'community',
      objectId: 'yongan',
      detail: { format: 'json', from: '2026-11-01', to: '2026-11-26', rows: body.rows.length, truncated: false },
    });
    expect(body.truncated).toBe(false);
    expect(body.columns.map((c) => c.key)).toContain('phone');
  });

  it('counts only the tickets filed in the period', async () => {
    const res = await exportAs('erqi-admin', { format: 'json', from: '2025-01-01', to: '2025-01-31' });
    expect(((await res.json()) as { rows: unknown[] }).rows).toEqual([]);
  });

  it('names from and to when the period is wrong, and the format when it is unknown', async () => {
    const backwards = await exportAs('erqi-admin', { from: '2026-11-26', to: '2026-11-01' });
    expect(backwards.status).toBe(400);
    expect(Object.keys((await errorOf(backwards)).error.fields ?? {}).sort()).toEqual(['from', 'to']);
    const bad = await exportAs('erqi-admin', { from: '2026-02-30' });
    expect(Object.keys((await errorOf(bad)).error.fields ?? {})).toEqual(['from']);
    const format = await exportAs('erqi-admin', { format: 'xlsx' as 'csv' });
    expect(Object.keys((await errorOf(format)).error.fields ?? {})).toEqual(['format']);
  });

  it('gives identical files to parallel exports', async () => {
    const texts = await Promise.all(Array.from({ length: 6 }, async () => (await exportAs('jianzhongjie')).text()));
    expect(new Set(texts).size).toBe(1);
    const entries = await d.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'desk.export'), eq(auditLog.objectType, 'scope')));
    expect(entries.length).toBeGreaterThanOrEqual(6);
  });
});
