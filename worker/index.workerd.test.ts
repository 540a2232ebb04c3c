import { env, exports } from 'cloudflare:workers';
import { describe, expect, inject, it, vi } from 'vitest';
import { comparedPaths } from './workerd-setup.ts';

const base = 'https://linli.example';

describe('the Worker entry in workerd, over HTTP to libSQL', () => {
  it.each(comparedPaths)('answers %s exactly as the Node app does', async (path) => {
    const answer = async (res: Response) => ({ status: res.status, body: await res.json() });
    // The Worker is asked between two asks of the Node app: an answer that names today matches
    // one of them even when Zhengzhou's midnight falls during the test.
    const before = await answer(await fetch(inject('nodeUrl') + path));
    const worker = await answer(await exports.default.fetch(new Request(base + path)));
    const after = await answer(await fetch(inject('nodeUrl') + path));
    expect([before, after]).toContainEqual(worker);
  });

  it('routes as the Node app does (the Worker carries the smaller router): 405 with Allow, OPTIONS, params', async () => {
    const post = await exports.default.fetch(
      new Request(`${base}/api/health`, { method: 'POST', headers: { Origin: base } }),
    );
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const options = await exports.default.fetch(new Request(`${base}/api/health`, { method: 'OPTIONS' }));
    expect(options.status).toBe(204);
    const event = await exports.default.fetch(new Request(`${base}/api/events/999999`));
    expect(event.status).toBe(404);
    expect(((await event.json()) as { error: { code: string } }).error.code).toMatch(/not_found/);
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
    const staff = await exports.default.fetch(
      new Request(`${base}/api/staff`, { headers: { Authorization: `Bearer ${token}` } }),
    );
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

  it('serves the community calendar and takes a sign-up (INSERT … SELECT over HTTP to libSQL)', async () => {
    const feed = await exports.default.fetch(new Request(`${base}/feeds/events.ics?community=jieyunlu`));
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('SUMMARY:小板凳课堂');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toMatch(new RegExp(`URL:${base}/events/\\d+`));
    const list = await exports.default.fetch(new Request(`${base}/api/events?community=jieyunlu`));
    const { events } = (await list.json()) as { events: { id: number; title: string; seatsLeft: number | null }[] };
    const stool = events.find((e) => e.title === '小板凳课堂')!;
    const signup = await exports.default.fetch(
      new Request(`${base}/api/events/${stool.id}/signups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'workerd-signup-1' },
        body: JSON.stringify({ name: '李大爷', phone: '13912345678', seats: 2 }),
      }),
    );
    expect(signup.status).toBe(201);
    expect(await signup.json()).toMatchObject({ status: 'confirmed', phone: '139****5678' });
    const after = await exports.default.fetch(new Request(`${base}/api/events/${stool.id}`));
    expect(((await after.json()) as { event: { seatsLeft: number } }).event.seatsLeft).toBe(stool.seatsLeft! - 2);
    const ics = await exports.default.fetch(new Request(`${base}/api/events/${stool.id}/calendar.ics`));
    expect(await ics.text()).toContain(`UID:event-${stool.id}@linli.example`);
  });

  it('answers a hashed file that is not there with a 404 no one caches, and a real one as it is', async () => {
    for (const mode of ['no-cors', 'navigate']) {
      const res = await exports.default.fetch(
        new Request(`${base}/assets/index-old999.js`, { headers: { 'Sec-Fetch-Mode': mode } }),
      );
      expect([mode, res.status]).toEqual([mode, 404]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const shell = await (await env.ASSETS.fetch(`${base}/index.html`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(shell)![1]!;
    const real = await exports.default.fetch(new Request(base + script));
    expect(real.status).toBe(200);
    expect(real.headers.get('content-type')).toMatch(/javascript/);
    expect(real.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('passes /api/openapi.json to Static Assets: the built description, as JSON kept for a few minutes', async () => {
    const res = await exports.default.fetch(new Request(`${base}/api/openapi.json`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.json()).toMatchObject({ openapi: '3.1.0', paths: { '/api/tickets': { post: {} } } });
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await exports.default.fetch(
      new Request(`${base}/api/openapi.json`, { headers: { 'If-None-Match': etag! } }),
    );
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('leaves the service worker and the manifest to Static Assets, with their types and asked for each time', async () => {
    // run_worker_first must not name them: Static Assets answer them before the Worker runs.
    const sw = await env.ASSETS.fetch(`${base}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await env.ASSETS.fetch(`${base}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves an event page with its share card, and a page it does not know as the app', async () => {
    const list = await exports.default.fetch(new Request(`${base}/api/events?community=jieyunlu`));
    const { events } = (await list.json()) as { events: { id: number; title: string }[] };
    const page = await exports.default.fetch(
      new Request(`${base}/events/${events[0]!.id}`, { headers: { Accept: 'text/html' } }),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<meta property="og:title" content="${events[0]!.title}" />`);
    expect(html).toContain(`<meta property="og:url" content="${base}/events/${events[0]!.id}" />`);
    const signupPage = await exports.default.fetch(
      new Request(`${base}/events/signup/1?token=x`, { headers: { 'Sec-Fetch-Mode': 'navigate' } }),
    );
    expect(signupPage.headers.get('content-type')).toMatch(/text\/html/);
    expect(await signupPage.text()).toContain('<div id="root">');
  });

  it('serves a renovation project page with its share card, and a wish tracking page as the app', async () => {
    const list = await exports.default.fetch(new Request(`${base}/api/renovation/projects?compound=renhelu-6`));
    const { projects } = (await list.json()) as { projects: { id: number; title: string }[] };
    const page = await exports.default.fetch(
      new Request(`${base}/renovation/${projects[0]!.id}`, { headers: { Accept: 'text/html' } }),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<meta property="og:url" content="${base}/renovation/${projects[0]!.id}" />`);
    expect(html).toMatch(/<meta property="og:description" content="人和路6号院 · 已完工验收 · /);
    const tracking = await exports.default.fetch(
      new Request(`${base}/renovation/w/RH-20261126-W0001?token=x`, { headers: { 'Sec-Fetch-Mode': 'navigate' } }),
    );
    expect(tracking.headers.get('content-type')).toMatch(/text\/html/);
  });

  it("signs an Alibaba Cloud request in workerd as the documentation's example, and runs the minute cron", async () => {
    const { rpcSignature } = await import('./messages/channels/aliyun-sms.ts');
    const example = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(await rpcSignature('GET', example, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    const { default: worker } = await import('./index.ts');
    // No channel configured: the run holds what is pending, and sends nothing.
    await expect(worker.scheduled({ cron: '* * * * *' }, env)).resolves.toBeUndefined();
  });

  it('says the database is unreachable when LIBSQL_URL points nowhere', async () => {
    const { default: worker } = await import('./index.ts');
    const res = await worker.fetch(new Request(`${base}/api/health`), { ...env, LIBSQL_URL: 'http://127.0.0.1:9' }, {
      waitUntil() {},
      passThroughOnException() {},
      props: {},
    } as never);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'unreachable' });
  });

  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as never;

  it('runs the staff robots on the minute cron over HTTP to libSQL (no robot in the demo: nothing is sent)', async () => {
    const { default: worker } = await import('./index.ts');
    await expect(worker.scheduled({ cron: '* * * * *' }, env)).resolves.toBeUndefined();
  });

  it('signs a DingTalk webhook with crypto.subtle as node:crypto does', async () => {
    const { signedUrl } = await import('./robots/payloads.ts');
    // node:crypto's HMAC-SHA256 of "1764640800000\nSECtest-signing-secret-0123456789", base64, url-encoded.
    expect(
      await signedUrl(
        'https://oapi.dingtalk.com/robot/send?access_token=t',
        'SECtest-signing-secret-0123456789',
        1764640800000,
      ),
    ).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1764640800000&sign=ZmEjWa5paSirQTDLXPpE4NRhdm2aB0yh9XCEj8t5MMU%3D',
    );
  });

  it.each(['wss://linli-erqi.turso.io', 'ws://127.0.0.1:8080'])(
    'refuses a WebSocket LIBSQL_URL (%s) with a configuration error',
    async (url) => {
      const { default: worker } = await import('./index.ts');
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const res = await worker.fetch(new Request(`${base}/api/health`), { ...env, LIBSQL_URL: url }, ctx);
        expect(res.status).toBe(503);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('misconfigured');
        expect(body.error.message).toMatch(/^LIBSQL_URL is a WebSocket \(wss?:\) URL.*over HTTP only/);
        expect(logged).toHaveBeenCalled();
        await expect(worker.scheduled({ cron: '17 * * * *' }, { ...env, LIBSQL_URL: url })).rejects.toThrow(
          /LIBSQL_URL/,
        );
      } finally {
        logged.mockRestore();
      }
    },
  );

  it.each(['file:data/linli.db', 'not a url', ''])('refuses a LIBSQL_URL that is no HTTP address (%j)', async (url) => {
    const { default: worker } = await import('./index.ts');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await worker.fetch(new Request(`${base}/api/health`), { ...env, LIBSQL_URL: url }, ctx);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error).toMatchObject({
        code: 'misconfigured',
        message: expect.stringMatching(/^LIBSQL_URL must be/),
      });
    } finally {
      logged.mockRestore();
    }
  });

  it('takes a libsql:// URL as HTTPS', async () => {
    const { default: worker } = await import('./index.ts');
    const res = await worker.fetch(
      new Request(`${base}/api/health`),
      { ...env, LIBSQL_URL: 'libsql://127.0.0.1:9' },
      ctx,
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'unreachable' });
  });
});
