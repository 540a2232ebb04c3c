import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPassword } from '../node/test-database.ts';
import { testApp } from '../test-helpers.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from './session.ts';
import { LIMITS, THROTTLE_WINDOW_MS } from './throttle.ts';

let clock = Date.UTC(2026, 10, 26, 2, 0, 0);
let t: Awaited<ReturnType<typeof testApp>>;
let address = '203.0.113.1';

beforeAll(async () => {
  t = await testApp({ now: () => clock, clientAddress: () => address });
});
afterAll(() => t.cleanup());

const me = (headers: Record<string, string>) => t.api.auth.me.$get(undefined, { headers });
/** A sign-in as the web app sends it; tests also send pairs the validator must refuse. */
const login = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.api.auth.login.$post({ json: body as InferRequestType<typeof t.api.auth.login.$post>['json'] }, { headers });

describe('sign-in', () => {
  it('signs in with the right pair: staff, token and a session cookie', async () => {
    const res = await login({ login: 'Yongan', password: demoPassword });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.staff).toMatchObject({
      login: 'yongan',
      role: 'community',
      place: { type: 'community', slug: 'yongan' },
    });
    expect(body.staff).not.toHaveProperty('passwordHash');
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await me(t.bearer(body.token))).status).toBe(200);
  });

  it('sets HttpOnly, SameSite=Lax, no Secure on http://localhost', async () => {
    const res = await login({ login: 'yongan', password: demoPassword });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^linli_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
  });

  it('sets a Secure __Host- cookie anywhere else', async () => {
    const res = await t.app.request('https://linli.example/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ login: 'yongan', password: demoPassword }),
      headers: { 'Content-Type': 'application/json', Origin: 'https://linli.example' },
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-linli_session=/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).not.toContain('Domain');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('accepts the session cookie on later requests', async () => {
    const res = await login({ login: 'yongan', password: demoPassword });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await me({ Cookie: cookie })).status).toBe(200);
  });

  it('gives a new token at each sign-in', async () => {
    expect(await t.signIn('yongan')).not.toBe(await t.signIn('yongan'));
  });

  it('answers an unknown login and a wrong password with the same body, after the same work', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    const unknown = await login({ login: 'nobody-here', password: 'whatever-long' });
    const unknownIterations = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations);
    derive.mockClear();
    const wrong = await login({ login: 'erqi-admin', password: 'whatever-long' });
    const wrongIterations = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations);
    derive.mockRestore();
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.text()).toBe(await wrong.text());
    expect(unknownIterations).toEqual([100_000]);
    expect(wrongIterations).toEqual([100_000]);
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const admin = await t.signIn('erqi-admin');
    const list = await (await t.api.staff.$get(undefined, { headers: t.bearer(admin) })).json();
    const id = list.staff.find((s) => s.login === 'weihongmin')!.id;
    expect(
      (await t.api.staff[':id'].disable.$post({ param: { id: String(id) } }, { headers: t.bearer(admin) })).status,
    ).toBe(200);
    const res = await login({ login: 'weihongmin', password: demoPassword });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong login or password.' } });
    await t.api.staff[':id'].enable.$post({ param: { id: String(id) } }, { headers: t.bearer(admin) });
  });

  it('names the missing fields of a malformed sign-in', async () => {
    const res = await login({ login: '' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { login: expect.any(String), password: expect.any(String) } },
    });
  });
});

describe('throttling', () => {
  const wrong = (who: string, i: number, headers: Record<string, string> = {}) =>
    t.post('/api/auth/login', { login: who, password: `wrong-password-${i}` }, headers);

  it(`stops ${LIMITS.pair} wrong passwords from one address, while the owner elsewhere still gets in`, async () => {
    address = '198.51.100.7';
    for (let i = 0; i < LIMITS.pair; i++) expect((await wrong('jianzhongjie', i)).status).toBe(401);
    const locked = await login({ login: 'jianzhongjie', password: demoPassword });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(THROTTLE_WINDOW_MS / 1000);
    expect(await locked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    address = '198.51.100.8';
    expect((await login({ login: 'jianzhongjie', password: demoPassword })).status).toBe(200);
    clock += THROTTLE_WINDOW_MS + 1000;
    address = '198.51.100.7';
    expect((await login({ login: 'jianzhongjie', password: demoPassword })).status).toBe(200);
  });

  it(`slows guessing one login from many addresses after ${LIMITS.login}, but not the owner on a phone they signed in on`, async () => {
    address = '203.0.113.50';
    const mine = await login({ login: 'jieyunlu', password: demoPassword });
    const device = /(?:__Host-)?linli_device=[^;]+/.exec(mine.headers.get('set-cookie') ?? '')![0];
    for (let i = 0; i < LIMITS.login; i++) {
      address = `198.18.${i}.1`;
      expect((await wrong('jieyunlu', i)).status).toBe(401);
    }
    address = '198.18.200.1';
    expect((await login({ login: 'jieyunlu', password: demoPassword })).status).toBe(429);
    // The owner's own phone carries its device cookie: counted on its own, it still gets in.
    address = '203.0.113.50';
    expect((await login({ login: 'jieyunlu', password: demoPassword }, { Cookie: device })).status).toBe(200);
    // A device cookie is bound to its login: it does not open another one's limit.
    expect((await login({ login: 'yongan', password: 'wrong-password-x' }, { Cookie: device })).status).toBe(401);
    clock += THROTTLE_WINDOW_MS + 1000;
  });

  it(`lets a community office behind one address make typos, and stops spraying after ${LIMITS.address}`, async () => {
    address = '192.0.2.99';
    for (let i = 0; i < 20; i++) await wrong(`guess-${i}`, i);
    expect((await login({ login: 'erqi-admin', password: demoPassword })).status).toBe(200);
    for (let i = 20; i < LIMITS.address; i++) await wrong(`guess-${i}`, i);
    const res = await login({ login: 'yongan-wuye', password: demoPassword });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    address = '192.0.2.100';
    expect((await login({ login: 'yongan-wuye', password: demoPassword })).status).toBe(200);
    clock += THROTTLE_WINDOW_MS + 1000;
  });

  it('counts a burst of simultaneous attempts before checking them: no more password checks than the limit', async () => {
    address = '198.51.100.77';
    const burst = await Promise.all([
      ...Array.from({ length: 200 }, (_, i) => wrong('weihongmin', i)),
      login({ login: 'weihongmin', password: demoPassword }),
    ]);
    const statuses = burst.map((r) => r.status);
    const checked = statuses.filter((s) => s !== 429).length;
    expect(checked).toBeLessThanOrEqual(LIMITS.pair);
    expect(statuses.filter((s) => s === 401).length + statuses.filter((s) => s === 200).length).toBe(checked);
    expect(new Set(statuses)).toEqual(new Set(statuses.includes(200) ? [401, 429, 200] : [401, 429]));
    clock += THROTTLE_WINDOW_MS + 1000;
  });
});

describe("changing one's own password", () => {
  const change = (token: string, body: Record<string, string>) => t.post('/api/auth/password', body, t.bearer(token));

  it('needs the current password, refuses a weak new one, and keeps only the new session', async () => {
    const token = await t.signIn('yongan-wuye');
    const none = await change(token, { password: 'wisteria-courtyard-86' });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: { fields: { currentPassword: 'Give your current password.' } } });
    const wrongOne = await change(token, { currentPassword: 'not-my-password', password: 'wisteria-courtyard-86' });
    expect(await wrongOne.json()).toMatchObject({
      error: { fields: { currentPassword: 'The current password is wrong.' } },
    });
    const weak = await change(token, { currentPassword: demoPassword, password: 'zhengzhou12' });
    expect(await weak.json()).toMatchObject({ error: { fields: { password: expect.any(String) } } });
    const other = await t.signIn('yongan-wuye');
    const done = await change(token, { currentPassword: demoPassword, password: 'wisteria-courtyard-86' });
    expect(done.status).toBe(200);
    const { token: fresh } = (await done.json()) as { token: string };
    expect((await me(t.bearer(fresh))).status).toBe(200);
    expect((await me(t.bearer(token))).status).toBe(401);
    expect((await me(t.bearer(other))).status).toBe(401);
    expect((await login({ login: 'yongan-wuye', password: 'wisteria-courtyard-86' })).status).toBe(200);
    // Back to the demo password, for the tests after this one.
    expect((await change(fresh, { currentPassword: 'wisteria-courtyard-86', password: demoPassword })).status).toBe(
      200,
    );
  });

  it('asks an admin for the current password too when the account is their own', async () => {
    const token = await t.signIn('erqi-admin');
    const self = (await (await me(t.bearer(token))).json()).staff.id;
    const res = await t.post(`/api/staff/${self}/password`, { password: 'wisteria-courtyard-86' }, t.bearer(token));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { currentPassword: 'Give your current password.' } } });
  });
});

describe('sessions', () => {
  it('rejects a tampered token', async () => {
    const token = await t.signIn('yongan');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const res = await me(t.bearer(tampered));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('expires after 12 idle hours, and says so', async () => {
    const token = await t.signIn('yongan');
    clock += IDLE_TIMEOUT_MS - 60_000;
    expect((await me(t.bearer(token))).status).toBe(200);
    clock += IDLE_TIMEOUT_MS + 1;
    const res = await me(t.bearer(token));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'session_expired' } });
  });

  it('expires after 7 days however busy', async () => {
    const token = await t.signIn('yongan');
    const start = clock;
    while (clock - start < ABSOLUTE_TIMEOUT_MS - IDLE_TIMEOUT_MS) {
      clock += IDLE_TIMEOUT_MS - 60_000;
      expect((await me(t.bearer(token))).status).toBe(200);
    }
    clock = start + ABSOLUTE_TIMEOUT_MS + 1;
    expect((await me(t.bearer(token))).status).toBe(401);
  });

  it('ends the session on the server at sign-out', async () => {
    const token = await t.signIn('yongan');
    const res = await t.api.auth.logout.$post(undefined, { headers: t.bearer(token) });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/linli_session=;/);
    expect((await me(t.bearer(token))).status).toBe(401);
  });

  it('asks an anonymous caller to sign in', async () => {
    const res = await me({});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('CSRF', () => {
  const cookieFor = async () => {
    const res = await login({ login: 'erqi-admin', password: demoPassword });
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  const logout = (headers: Record<string, string>) => t.app.request('/api/auth/logout', { method: 'POST', headers });

  it('refuses a cookie write from another origin', async () => {
    const cookie = await cookieFor();
    const res = await logout({ Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/json' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'cross_origin' } });
    expect((await me({ Cookie: cookie })).status).toBe(200);
  });

  it('refuses a cookie write with no Origin, no Content-Type or an unusual one', async () => {
    const cookie = await cookieFor();
    expect((await logout({ Cookie: cookie })).status).toBe(403);
    expect((await logout({ Cookie: cookie, Origin: 'https://evil.example' })).status).toBe(403);
    expect(
      (await logout({ Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-custom' })).status,
    ).toBe(403);
    expect((await logout({ Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('accepts the same write from our own origin', async () => {
    const cookie = await cookieFor();
    expect((await logout({ Cookie: cookie, Origin: t.origin })).status).toBe(200);
  });

  it('refuses a cross-origin sign-in', async () => {
    const res = await login({ login: 'erqi-admin', password: demoPassword }, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('lets Bearer clients write without an Origin', async () => {
    const token = await t.signIn('erqi-admin');
    expect((await logout(t.bearer(token))).status).toBe(200);
  });
});

describe('what /me says the staff member may do', () => {
  // Written out, not read from the policy, so a change to either shows up here.
  const none = {
    'staff.read': false,
    'staff.manage': false,
    'audit.read': false,
    'news.draft': false,
    'news.publish': false,
    'event.manage': false,
    'ticket.read': false,
    'ticket.work': false,
    'ticket.supervise': false,
    'category.manage': false,
    'stats.read': false,
    'renovation.read': false,
    'renovation.manage': false,
    'visit.read': false,
    'visit.coordinate': false,
    'visit.serve': false,
    'renovation.volunteers': false,
    'volunteer.record_wish': false,
    'volunteer.report_quality': false,
    'help.read': false,
    'help.write': false,
    'calendar.manage': false,
    'robots.manage': false,
    'open311.manage': false,
    'desk.export': false,
    'visit.export': false,
    'renovation.export': false,
    'event.export': false,
    'messages.view': false,
    'messages.manage': false,
  };
  const desk = { 'ticket.read': true, 'ticket.work': true, 'desk.export': true };
  const office = {
    ...desk,
    'staff.read': true,
    'news.draft': true,
    'news.publish': true,
    'event.manage': true,
    'category.manage': true,
    'stats.read': true,
    'renovation.read': true,
    'renovation.manage': true,
    'visit.read': true,
    'visit.coordinate': true,
    'renovation.volunteers': true,
    'visit.export': true,
    'renovation.export': true,
    'event.export': true,
  };
  const expected: Record<string, typeof none> = {
    'erqi-admin': {
      ...none,
      ...office,
      'staff.manage': true,
      'audit.read': true,
      'ticket.supervise': true,
      'calendar.manage': true,
      'robots.manage': true,
      'open311.manage': true,
      'messages.view': true,
      'messages.manage': true,
    },
    jianzhongjie: { ...none, ...office, 'ticket.supervise': true, 'robots.manage': true },
    yongan: { ...none, ...office, 'help.read': true, 'help.write': true },
    'yongan-wuye': { ...none, ...desk },
    weihongmin: { ...none, 'news.draft': true },
    'boc-zhongyuan': { ...none, 'visit.read': true, 'visit.serve': true, 'visit.export': true },
    'jieyunli-volunteer': { ...none, 'volunteer.record_wish': true, 'volunteer.report_quality': true },
  };
  for (const [login, abilities] of Object.entries(expected)) {
    it(`answers ${login}'s abilities, one per policy action`, async () => {
      const res = await me(t.bearer(await t.signIn(login)));
      expect(res.status).toBe(200);
      expect((await res.json()).abilities).toEqual(abilities);
    });
  }
});
