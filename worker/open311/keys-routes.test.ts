import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open311Keys } from '../../schema/index.ts';
import { type DeskApp, deskApp } from '../desk/test-helpers.ts';
import { errorOf } from '../test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

describe('Open311 keys, for the district admin', () => {
  it('issues a key shown once, keeps only its hash, lists it without the key, and audits', async () => {
    const res = await d.t.api.open311.keys.$post(
      { json: { app: '郑州随手拍', hourlyLimit: 20 } },
      await d.as('erqi-admin'),
    );
    expect(res.status).toBe(201);
    const { key } = await res.json();
    expect(key.key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ app: '郑州随手拍', hourlyLimit: 20, revokedAt: null, keyPrefix: key.key.slice(0, 9) });
    const [row] = await d.t.db.select().from(open311Keys).where(eq(open311Keys.id, key.id));
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.key);
    const list = await (await d.t.api.open311.keys.$get({}, await d.as('erqi-admin'))).json();
    expect(list.keys.find((k) => k.id === key.id)).toEqual({ ...key, key: undefined });
    expect(JSON.stringify(list)).not.toContain(key.key);
    expect(await d.auditCount('open311.key_create')).toBe(1);
  });

  it('revokes a key once (404 the second time), audited', async () => {
    const { key } = await (
      await d.t.api.open311.keys.$post({ json: { app: '另一个应用' } }, await d.as('erqi-admin'))
    ).json();
    expect(key.hourlyLimit).toBe(60);
    const first = await d.t.api.open311.keys[':id'].revoke.$post(
      { param: { id: String(key.id) } },
      await d.as('erqi-admin'),
    );
    expect(first.status).toBe(200);
    expect((await first.json()).keys.find((k) => k.id === key.id)?.revokedAt).not.toBeNull();
    const again = await d.t.api.open311.keys[':id'].revoke.$post(
      { param: { id: String(key.id) } },
      await d.as('erqi-admin'),
    );
    expect(again.status).toBe(404);
    expect((await errorOf(again)).error.code).toBe('open311_key_not_found');
    expect(await d.auditCount('open311.key_revoke')).toBe(1);
  });

  it('is for the district admin only, and checks its input', async () => {
    for (const login of ['jianzhongjie', 'yongan', 'yongan-wuye']) {
      expect((await d.t.api.open311.keys.$get({}, await d.as(login))).status).toBe(403);
      expect((await d.t.api.open311.keys.$post({ json: { app: 'x应用' } }, await d.as(login))).status).toBe(403);
    }
    expect((await d.t.api.open311.keys.$get({})).status).toBe(401);
    const bad = await d.t.api.open311.keys.$post({ json: { app: '', hourlyLimit: 0 } }, await d.as('erqi-admin'));
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).error.fields ?? {}).sort()).toEqual(['app', 'hourlyLimit']);
  });
});
