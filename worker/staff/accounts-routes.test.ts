import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
const logins = ['erqi-admin', 'jianzhongjie', 'yongan', 'yongan-wuye', 'weihongmin'] as const;

beforeAll(async () => {
  t = await testApp();
  for (const login of logins) tokens[login] = await t.signIn(login);
  const res = await t.app.request('/api/staff', { headers: t.bearer(tokens['erqi-admin']!) });
  for (const s of ((await res.json()) as { staff: { id: number; login: string }[] }).staff) ids[s.login] = s.id;
  // A second Yong'an account, so resetting its password ends no session the matrix relies on.
  const second = await t.post(
    '/api/staff',
    { login: 'yongan-2', displayName: '永安社区二', role: 'community', place: 'yongan', password: 'second-yongan-pass' },
    t.bearer(tokens['erqi-admin']!),
  );
  ids['yongan-2'] = ((await second.json()) as { staff: { id: number } }).staff.id;
});
afterAll(() => t.cleanup());

const get = (as: string, path: string) => t.app.request(path, { headers: t.bearer(tokens[as]!) });
const post = (as: string, path: string, body: unknown = {}) => t.post(path, body, t.bearer(tokens[as]!));

/**
 * Role × action × place. The target accounts: `yongan` (Yong'an community, in Jianzhong
 * Street) and `weihongmin` (a correspondent of Jieyun Road, in Jingguang Road).
 * 403 = may see it but not do this; 404 = outside their place, existence not revealed.
 */
const matrix: [action: string, call: (as: string) => Response | Promise<Response>, expected: Record<(typeof logins)[number], number>][] = [
  ['read a Yong\'an account', (as) => get(as, `/api/staff/${ids.yongan}`), { 'erqi-admin': 200, jianzhongjie: 200, yongan: 200, 'yongan-wuye': 404, weihongmin: 404 }],
  ['read a Jieyun Road account', (as) => get(as, `/api/staff/${ids.weihongmin}`), { 'erqi-admin': 200, jianzhongjie: 404, yongan: 404, 'yongan-wuye': 404, weihongmin: 403 }],
  ['read a missing account', (as) => get(as, '/api/staff/99999'), { 'erqi-admin': 404, jianzhongjie: 404, yongan: 404, 'yongan-wuye': 404, weihongmin: 404 }],
  ['list staff', (as) => get(as, '/api/staff'), { 'erqi-admin': 200, jianzhongjie: 200, yongan: 200, 'yongan-wuye': 403, weihongmin: 403 }],
  ['reset a Yong\'an password', (as) => post(as, `/api/staff/${ids['yongan-2']}/password`, { password: 'brand-new-password-1' }), { 'erqi-admin': 200, jianzhongjie: 403, yongan: 403, 'yongan-wuye': 404, weihongmin: 404 }],
  ['enable a Jieyun Road account', (as) => post(as, `/api/staff/${ids.weihongmin}/enable`), { 'erqi-admin': 200, jianzhongjie: 404, yongan: 404, 'yongan-wuye': 404, weihongmin: 403 }],
  ['create an account', (as) => post(as, '/api/staff', { login: `new-${as}`, displayName: 'New', role: 'community', place: 'gongrenlu', password: 'a-fine-password-9' }), { 'erqi-admin': 201, jianzhongjie: 403, yongan: 403, 'yongan-wuye': 403, weihongmin: 403 }],
  ['read the audit log', (as) => get(as, '/api/audit'), { 'erqi-admin': 200, jianzhongjie: 403, yongan: 403, 'yongan-wuye': 403, weihongmin: 403 }],
];

describe('role × action × place', () => {
  for (const [action, call, expected] of matrix) {
    for (const login of logins) {
      it(`${login} → ${action} → ${expected[login]}`, async () => {
        const res = await call(login);
        expect(res.status).toBe(expected[login]);
        if (res.status >= 400) expect(await res.json()).toHaveProperty('error.code');
      });
    }
  }

  it('lists only the accounts in the caller\'s place', async () => {
    const visible = async (as: string) =>
      ((await (await get(as, '/api/staff')).json()) as { staff: { login: string }[] }).staff.map((s) => s.login).sort();
    expect(await visible('jianzhongjie')).toEqual(['jianzhongjie', 'yongan', 'yongan-2']);
    expect(await visible('yongan')).toEqual(['yongan', 'yongan-2']);
    expect((await visible('erqi-admin')).length).toBeGreaterThanOrEqual(5);
  });

  it('asks anonymous callers to sign in everywhere', async () => {
    for (const path of ['/api/staff', `/api/staff/${ids.yongan}`, '/api/audit']) {
      expect((await t.app.request(path)).status).toBe(401);
    }
  });
});

describe('staff administration', () => {
  it('creates an account that can sign in, and names bad fields', async () => {
    const bad = await post('erqi-admin', '/api/staff', { login: 'x', displayName: '', role: 'mayor', password: 'short' });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: { fields: object } }).error.fields).sort()).toEqual(['displayName', 'login', 'role']);

    const weak = await post('erqi-admin', '/api/staff', { login: 'gongren-1', displayName: '工人路', role: 'community', place: 'gongrenlu', password: 'woaini1314' });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { fields: { password: 'This password is too common.' } } });

    const noPlace = await post('erqi-admin', '/api/staff', { login: 'gongren-1', displayName: '工人路', role: 'community', password: 'gongren-road-2026' });
    expect(noPlace.status).toBe(400);
    expect(await noPlace.json()).toMatchObject({ error: { fields: { place: expect.any(String) } } });

    const ok = await post('erqi-admin', '/api/staff', { login: 'Gongren-1', displayName: '工人路社区', role: 'community', place: 'gongrenlu', password: 'gongren-road-2026' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ staff: { login: 'gongren-1', role: 'community', disabled: false, place: { slug: 'gongrenlu' } } });
    expect(await t.signIn('gongren-1', 'gongren-road-2026')).toBeTruthy();

    const again = await post('erqi-admin', '/api/staff', { login: 'gongren-1', displayName: 'x', role: 'admin', password: 'gongren-road-2026' });
    expect(again.status).toBe(409);
  });

  it('disabling ends the account\'s sessions at once; an admin cannot disable themself', async () => {
    const token = await t.signIn('yongan');
    expect((await post('erqi-admin', `/api/staff/${ids.yongan}/disable`)).status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: t.bearer(token) })).status).toBe(401);
    expect((await post('erqi-admin', `/api/staff/${ids['erqi-admin']}/disable`)).status).toBe(409);
    expect((await post('erqi-admin', `/api/staff/${ids.yongan}/enable`)).status).toBe(200);
  });

  it('records every staff write in the audit log, which cannot be altered', async () => {
    const res = await get('erqi-admin', '/api/audit?limit=200');
    const { entries } = (await res.json()) as { entries: { action: string; objectId: string; staffLogin: string }[] };
    const actions = entries.map((e) => `${e.staffLogin} ${e.action} ${e.objectId}`);
    expect(actions).toContain(`erqi-admin staff.disable ${ids.yongan}`);
    expect(actions).toContain(`erqi-admin staff.reset-password ${ids['yongan-2']}`);
    expect(actions.some((a) => a.startsWith('erqi-admin staff.create'))).toBe(true);
    const appendOnly = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(t.db.run("update audit_log set action = 'nothing'")).rejects.toMatchObject(appendOnly);
    await expect(t.db.run('delete from audit_log')).rejects.toMatchObject(appendOnly);
  });

  it('answers a bad id or paging value with 400', async () => {
    expect((await get('erqi-admin', '/api/staff/abc')).status).toBe(400);
    expect((await get('erqi-admin', '/api/audit?limit=5000')).status).toBe(400);
  });
});
