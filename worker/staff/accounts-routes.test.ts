import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, testApp } from '../test-helpers.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
const logins = ['erqi-admin', 'jianzhongjie', 'yongan', 'yongan-wuye', 'weihongmin'] as const;

beforeAll(async () => {
  t = await testApp();
  for (const login of logins) tokens[login] = await t.signIn(login);
  const res = await t.api.staff.$get(undefined, as('erqi-admin'));
  for (const s of (await res.json()).staff) ids[s.login] = s.id;
  // A second Yong'an account, so resetting its password ends no session the matrix relies on.
  const second = await t.api.staff.$post(
    {
      json: {
        login: 'yongan-2',
        displayName: '永安社区二',
        role: 'community',
        place: 'yongan',
        password: 'second-yongan-pass',
      },
    },
    as('erqi-admin'),
  );
  ids['yongan-2'] = (await second.json()).staff.id;
});
afterAll(() => t.cleanup());

type Api = Awaited<ReturnType<typeof testApp>>['api'];
type StaffInput = InferRequestType<Api['staff']['$post']>['json'];
/** The client's options for a call as `login`. */
const as = (login: string) => ({ headers: t.bearer(tokens[login]!) });
const id = (n: number | undefined) => ({ id: String(n) });
const list = (login: string) => t.api.staff.$get(undefined, as(login));
const create = (login: string, body: Record<string, unknown>) =>
  t.api.staff.$post({ json: body as StaffInput }, as(login));
const audit = (login: string, query: { limit?: string } = {}) => t.api.audit.$get({ query }, as(login));

/**
 * Role × action × place. The target accounts: `yongan` (Yong'an community, in Jianzhong
 * Street) and `weihongmin` (a correspondent of Jieyun Road, in Jingguang Road).
 * 403 = may see it but not do this; 404 = outside their place, existence not revealed.
 */
const matrix: [
  action: string,
  call: (as: string) => Promise<{ status: number; json(): Promise<unknown> }>,
  expected: Record<(typeof logins)[number], number>,
][] = [
  [
    "read a Yong'an account",
    (login) => t.api.staff[':id'].$get({ param: id(ids.yongan) }, as(login)),
    { 'erqi-admin': 200, jianzhongjie: 200, yongan: 200, 'yongan-wuye': 404, weihongmin: 404 },
  ],
  [
    'read a Jieyun Road account',
    (login) => t.api.staff[':id'].$get({ param: id(ids.weihongmin) }, as(login)),
    { 'erqi-admin': 200, jianzhongjie: 404, yongan: 404, 'yongan-wuye': 404, weihongmin: 403 },
  ],
  [
    'read a missing account',
    (login) => t.api.staff[':id'].$get({ param: id(99999) }, as(login)),
    { 'erqi-admin': 404, jianzhongjie: 404, yongan: 404, 'yongan-wuye': 404, weihongmin: 404 },
  ],
  ['list staff', list, { 'erqi-admin': 200, jianzhongjie: 200, yongan: 200, 'yongan-wuye': 403, weihongmin: 403 }],
  [
    "reset a Yong'an password",
    (login) =>
      t.api.staff[':id'].password.$post(
        { param: id(ids['yongan-2']), json: { password: 'brand-new-password-1' } },
        as(login),
      ),
    { 'erqi-admin': 200, jianzhongjie: 403, yongan: 403, 'yongan-wuye': 404, weihongmin: 404 },
  ],
  [
    'enable a Jieyun Road account',
    (login) => t.api.staff[':id'].enable.$post({ param: id(ids.weihongmin) }, as(login)),
    { 'erqi-admin': 200, jianzhongjie: 404, yongan: 404, 'yongan-wuye': 404, weihongmin: 403 },
  ],
  [
    'create an account',
    (login) =>
      create(login, {
        login: `new-${login}`,
        displayName: 'New',
        role: 'community',
        place: 'gongrenlu',
        password: 'a-fine-password-9',
      }),
    { 'erqi-admin': 201, jianzhongjie: 403, yongan: 403, 'yongan-wuye': 403, weihongmin: 403 },
  ],
  [
    'read the audit log',
    (login) => audit(login),
    { 'erqi-admin': 200, jianzhongjie: 403, yongan: 403, 'yongan-wuye': 403, weihongmin: 403 },
  ],
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

  it("lists only the accounts in the caller's place", async () => {
    const visible = async (login: string) => (await (await list(login)).json()).staff.map((s) => s.login).sort();
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
    const bad = await create('erqi-admin', { login: 'x', displayName: '', role: 'mayor', password: 'short' });
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).error.fields ?? {}).sort()).toEqual(['displayName', 'login', 'role']);

    const weak = await create('erqi-admin', {
      login: 'gongren-1',
      displayName: '工人路',
      role: 'community',
      place: 'gongrenlu',
      password: 'woaini1314',
    });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { fields: { password: 'This password is too common.' } } });

    const noPlace = await create('erqi-admin', {
      login: 'gongren-1',
      displayName: '工人路',
      role: 'community',
      password: 'gongren-road-2026',
    });
    expect(noPlace.status).toBe(400);
    expect(await noPlace.json()).toMatchObject({ error: { fields: { place: expect.any(String) } } });

    const ok = await create('erqi-admin', {
      login: 'Gongren-1',
      displayName: '工人路社区',
      role: 'community',
      place: 'gongrenlu',
      password: 'gongren-road-2026',
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      staff: { login: 'gongren-1', role: 'community', disabled: false, place: { slug: 'gongrenlu' } },
    });
    expect(await t.signIn('gongren-1', 'gongren-road-2026')).toBeTruthy();

    const again = await create('erqi-admin', {
      login: 'gongren-1',
      displayName: 'x',
      role: 'admin',
      password: 'gongren-road-2026',
    });
    expect(again.status).toBe(409);
  });

  it("disabling ends the account's sessions at once; an admin cannot disable themself", async () => {
    const token = await t.signIn('yongan');
    expect((await t.api.staff[':id'].disable.$post({ param: id(ids.yongan) }, as('erqi-admin'))).status).toBe(200);
    expect((await t.app.request('/api/auth/me', { headers: t.bearer(token) })).status).toBe(401);
    expect((await t.api.staff[':id'].disable.$post({ param: id(ids['erqi-admin']) }, as('erqi-admin'))).status).toBe(
      409,
    );
    expect((await t.api.staff[':id'].enable.$post({ param: id(ids.yongan) }, as('erqi-admin'))).status).toBe(200);
  });

  it('records every staff write in the audit log, which cannot be altered', async () => {
    const res = await audit('erqi-admin', { limit: '200' });
    const { entries } = await res.json();
    const actions = entries.map((e) => `${e.staffLogin} ${e.action} ${e.objectId}`);
    expect(actions).toContain(`erqi-admin staff.disable ${ids.yongan}`);
    expect(actions).toContain(`erqi-admin staff.reset-password ${ids['yongan-2']}`);
    expect(actions.some((a) => a.startsWith('erqi-admin staff.create'))).toBe(true);
    const appendOnly = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(t.db.run("update audit_log set action = 'nothing'")).rejects.toMatchObject(appendOnly);
    await expect(t.db.run('delete from audit_log')).rejects.toMatchObject(appendOnly);
  });

  it('answers a bad id or paging value with 400', async () => {
    expect((await t.api.staff[':id'].$get({ param: { id: 'abc' } }, as('erqi-admin'))).status).toBe(400);
    expect((await audit('erqi-admin', { limit: '5000' })).status).toBe(400);
  });
});
