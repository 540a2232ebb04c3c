import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../schema/index.ts';
import { START } from '../desk/test-helpers.ts';
import { csvTable } from '../lib/exports-test-helpers.ts';
import { errorOf, testApp } from '../test-helpers.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const tokens = new Map<string, string>();
const as = async (login: string) => {
  if (!tokens.has(login)) tokens.set(login, await t.signIn(login));
  return { headers: t.bearer(tokens.get(login)!) };
};
// The demo's next Small-Stool Class (Jieyun Road) has four neighbours signed up.
const period = { from: '2026-11-20', to: '2026-12-10' };
type Query = { community?: string; subdistrict?: string; district?: '1'; format?: 'csv' | 'json' };
const exportAs = async (login: string, query: Query = {}) =>
  t.api.events.signups.export.$get({ query: { ...period, ...query } }, await as(login));

beforeAll(async () => {
  t = await testApp({ now: () => START });
});

describe('the sign-ups export, per role', () => {
  it("gives the organising community its events' sign-ups with names and phones", async () => {
    const res = await exportAs('jieyunlu');
    expect(res.status).toBe(200);
    const { rows } = csvTable(new Uint8Array(await res.arrayBuffer()));
    expect(rows.map((r) => r.姓名)).toEqual(['李大爷', '张阿姨', '刘奶奶', '赵师傅']);
    expect(rows[0]).toMatchObject({ 活动: '小板凳课堂', 电话: '13900000001', 报名状态: '已确认', 座位: '1' });
  });

  it('gives other communities none of them, hides their place, and refuses roles without events', async () => {
    const { rows } = csvTable(new Uint8Array(await (await exportAs('yongan')).arrayBuffer()));
    expect(rows.map((r) => r.姓名)).not.toContain('李大爷');
    const hidden = await exportAs('yongan', { community: 'jieyunlu' });
    expect(hidden.status).toBe(404);
    expect((await errorOf(hidden)).error.code).toBe('community_not_found');
    for (const login of ['yongan-wuye', 'boc-zhongyuan', 'jieyunli-volunteer', 'weihongmin']) {
      const res = await exportAs(login);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('13900000001');
    }
  });

  it('is audited with its row count, and never carries a token hash', async () => {
    const res = await exportAs('erqi-admin', { format: 'json', district: '1' });
    const body = await res.text();
    expect(body).not.toMatch(/token/i);
    const rows = (JSON.parse(body) as { rows: { phone: string }[] }).rows;
    expect(rows.map((r) => r.phone)).toContain('13900000004');
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'signup.export'));
    expect(entries.at(-1)).toMatchObject({ objectType: 'district', detail: { rows: rows.length, from: period.from } });
  });
});
