import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../schema/index.ts';
import { csvTable } from '../lib/exports-test-helpers.ts';
import { errorOf } from '../test-helpers.ts';
import { type VisitApp, visitApp } from './test-helpers.ts';

let v: VisitApp;
let sent: string;
let waiting: string;

beforeAll(async () => {
  v = await visitApp();
  sent = (await v.walk('accepted', { phone: '13900000021' })).number;
  waiting = (await v.walk('requested', { phone: '13900000022' })).number;
});

type Query = { format?: 'csv' | 'json'; community?: string; subdistrict?: string; district?: '1' };
const exportAs = async (login: string, query: Query = {}) =>
  v.t.api.desk['home-visits'].export.$get(
    { query: { from: '2026-11-01', to: '2026-11-26', ...query } },
    await v.as(login),
  );
async function csvOf(login: string, query: Query = {}) {
  const res = await exportAs(login, query);
  expect(res.status).toBe(200);
  return csvTable(new Uint8Array(await res.arrayBuffer()));
}
const numbers = (rows: Record<string, string>[]) => rows.map((r) => r.编号);

describe('the home-visits export, per role', () => {
  it("gives the community every request of its own, with the person's name, address and phone", async () => {
    const { rows } = await csvOf('gongrenlu');
    expect(numbers(rows)).toEqual(expect.arrayContaining([sent, waiting]));
    const row = rows.find((r) => r.编号 === sent)!;
    expect(row.电话).toBe('13900000021');
    expect(row.服务对象姓名).toBe('王建国');
    expect(row.地址).toContain('302');
    expect(row.服务单位).toBe('中国银行郑州中原支行');
  });

  it('gives a partner only the visits sent to it, with the same columns and no personal data', async () => {
    const res = await exportAs('boc-zhongyuan');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const { head, rows } = csvTable(bytes);
    expect(head).toEqual((await csvOf('gongrenlu')).head);
    expect(numbers(rows)).toContain(sent);
    expect(numbers(rows)).not.toContain(waiting);
    expect(text).not.toMatch(/1390000002\d/);
    expect(text).not.toContain('王建国');
    expect(text).not.toContain('302');
    for (const r of rows) expect([r.电话, r.服务对象姓名, r.地址]).toEqual(['', '', '']);
  });

  it("keeps the disabled persons' federation to its own visits", async () => {
    expect(numbers((await csvOf('canlian-songshanlu')).rows)).not.toContain(sent);
  });

  it('hides another community, refuses property staff and volunteers', async () => {
    const hidden = await exportAs('yongan', { community: 'gongrenlu' });
    expect(hidden.status).toBe(404);
    expect((await errorOf(hidden)).error.code).toBe('community_not_found');
    expect(numbers((await csvOf('yongan')).rows)).not.toContain(sent);
    expect((await exportAs('jianzhongjie', { subdistrict: 'songshanlu' })).status).toBe(404);
    for (const login of ['yongan-wuye', 'jieyunli-volunteer']) expect((await exportAs(login)).status).toBe(403);
  });

  it('writes one audit entry per export, with the row count, and JSON has the same rows', async () => {
    const entries = () => v.t.db.select().from(auditLog).where(eq(auditLog.action, 'home_visit.export'));
    const before = (await entries()).length;
    const res = await exportAs('songshanlu', { format: 'json', community: 'gongrenlu' });
    const body = (await res.json()) as { rows: { number: string; phone: string | null }[] };
    expect(body.rows.map((r) => r.number)).toEqual(expect.arrayContaining([sent, waiting]));
    expect(body.rows.find((r) => r.number === sent)!.phone).toBe('13900000021');
    const after = await entries();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)!.detail).toMatchObject({ rows: body.rows.length, personal: true, from: '2026-11-01' });
    expect(JSON.stringify(body)).not.toMatch(/visitCode|token/i);
  });
});
