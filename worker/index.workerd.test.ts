import { env, exports } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { comparedPaths } from './workerd-setup.ts';

const base = 'https://linli.example';

describe('the Worker entry in workerd, over HTTP to libSQL', () => {
  it.each(comparedPaths)('answers %s exactly as the Node app does', async (path) => {
    const res = await exports.default.fetch(new Request(base + path));
    expect({ status: res.status, body: await res.json() }).toEqual(inject('nodeAnswers')[path]);
  });

  it('reports a healthy, current database', async () => {
    const res = await exports.default.fetch(new Request(`${base}/api/health`));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'reachable', schema: { current: true } });
  });

  it('signs staff in (PBKDF2 at 100,000 iterations runs in workerd) and serves an authorised request', async () => {
    const login = await exports.default.fetch(
      new Request(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: JSON.stringify({ login: 'erqi-admin', password: inject('demoPassword') }),
      }),
    );
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/^__Host-linli_session=.*Secure/);
    const { token } = (await login.json()) as { token: string };
    const staff = await exports.default.fetch(new Request(`${base}/api/staff`, { headers: { Authorization: `Bearer ${token}` } }));
    expect(staff.status).toBe(200);
    expect(((await staff.json()) as { staff: unknown[] }).staff.length).toBeGreaterThanOrEqual(5);
    const wrong = await exports.default.fetch(
      new Request(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: JSON.stringify({ login: 'erqi-admin', password: 'not-the-password' }),
      }),
    );
    expect(wrong.status).toBe(401);
  });

  it('says the database is unreachable when LIBSQL_URL points nowhere', async () => {
    const { default: worker } = await import('./index.ts');
    const res = await worker.fetch(
      new Request(`${base}/api/health`),
      { ...env, LIBSQL_URL: 'http://127.0.0.1:9' },
      { waitUntil() {}, passThroughOnException() {}, props: {} } as never,
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'unreachable' });
  });
});
