import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../schema/index.ts';
import { csvTable } from '../lib/exports-test-helpers.ts';
import { errorOf } from '../test-helpers.ts';
import { type RenovationApp, renovationApp } from './test-helpers.ts';

let r: RenovationApp;
let wish: string;
const tricky = '留下老紫藤，"别砍"，\n再加几把椅子';

beforeAll(async () => {
  r = await renovationApp();
  wish = (await r.wishOk({ description: tricky, phone: '13700000031' })).number;
});

type Query = { format?: 'csv' | 'json'; community?: string; subdistrict?: string; district?: '1' };
const exportAs = async (login: string, query: Query = {}) =>
  r.t.api.renovation.staff.wishes.export.$get(
    { query: { from: '2026-11-01', to: '2026-11-26', ...query } },
    await r.as(login),
  );
const rowsOf = async (login: string, query: Query = {}) => {
  const res = await exportAs(login, query);
  expect(res.status).toBe(200);
  return csvTable(new Uint8Array(await res.arrayBuffer())).rows;
};

describe('the wishes export, per role', () => {
  it("gives the community its courtyards' wishes with the resident's name and phone, text as written", async () => {
    const row = (await rowsOf('jieyunlu')).find((w) => w.编号 === wish)!;
    expect(row).toMatchObject({ 内容: tricky, 电话: '13700000031', 联系人: '王奶奶', 类型: '小心愿' });
    expect((await rowsOf('erqi-admin', { district: '1' })).map((w) => w.编号)).toContain(wish);
  });

  it('hides other places and refuses the roles that do not read wishes', async () => {
    expect((await rowsOf('yongan')).map((w) => w.编号)).not.toContain(wish);
    const hidden = await exportAs('yongan', { community: 'jieyunlu' });
    expect(hidden.status).toBe(404);
    expect((await errorOf(hidden)).error.code).toBe('community_not_found');
    expect((await exportAs('jianzhongjie', { subdistrict: 'jingguanglu' })).status).toBe(404);
    for (const login of ['jieyunli-volunteer', 'yongan-wuye', 'boc-zhongyuan', 'weihongmin']) {
      const res = await exportAs(login);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('13700000031');
    }
  });

  it('is audited once per export with its row count, and JSON carries no token', async () => {
    const entries = () => r.t.db.select().from(auditLog).where(eq(auditLog.action, 'wish.export'));
    const before = (await entries()).length;
    const res = await exportAs('jieyunlu', { format: 'json', community: 'jieyunlu' });
    const body = (await res.json()) as { what: string; rows: { number: string }[] };
    expect(body.what).toBe('wishes');
    expect(JSON.stringify(body)).not.toMatch(/token/i);
    const after = await entries();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ objectId: 'jieyunlu', detail: { rows: body.rows.length } });
  });
});
