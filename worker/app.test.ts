import { hc } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import journal from '../schema/migrations/meta/_journal.json' with { type: 'json' };
import { type AppType, createApp } from './app.ts';
import { freshDatabase, testPlatform } from './node/test-database.ts';
import { errorOf } from './test-helpers.ts';

const latest = journal.entries.at(-1)!.tag;

let t: Awaited<ReturnType<typeof freshDatabase>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await freshDatabase({ demo: true });
  app = createApp(testPlatform(t.db));
});
afterAll(() => t.cleanup());

describe('GET /api/health', () => {
  it('reports a reachable, current database', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      ok: true,
      database: 'reachable',
      schema: { current: true, expected: latest, applied: latest },
    });
  });

  it('answers 503 when the database has not been migrated', async () => {
    const empty = await freshDatabase({ migrate: false });
    try {
      const res = await createApp(testPlatform(empty.db)).request('/api/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        ok: false,
        database: 'reachable',
        schema: { current: false, applied: null },
      });
    } finally {
      await empty.cleanup();
    }
  });

  it('answers 503 when the database cannot be reached', async () => {
    const gone = await freshDatabase();
    gone.client.close();
    const res = await createApp(testPlatform(gone.db)).request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'unreachable' });
    await gone.cleanup();
  });
});

describe('GET /api/places', () => {
  it('returns the demo tree: sub-districts → communities → compounds', async () => {
    const res = await hc<AppType>('http://localhost/api', { fetch: app.request }).places.$get();
    expect(res.status).toBe(200);
    const { subdistricts } = await res.json();
    expect(subdistricts.map((s) => s.slug)).toEqual([
      'huaihelu',
      'jianzhongjie',
      'jingguanglu',
      'mifengzhang',
      'songshanlu',
    ]);
    const communities = subdistricts.flatMap((s) => s.communities);
    expect(communities.map((c) => c.slug).sort()).toEqual(['gongrenlu', 'jieyunlu', 'renhelu', 'yongan']);
    expect(communities.find((c) => c.slug === 'renhelu')?.nameAssumed).toBe(true);
    expect(communities.find((c) => c.slug === 'yongan')?.nameAssumed).toBe(false);
    const jieyunlu = subdistricts.find((s) => s.slug === 'jingguanglu')?.communities[0];
    expect(jieyunlu).toMatchObject({
      slug: 'jieyunlu',
      name: '洁云路社区',
      compounds: [{ slug: 'tiedao-jieyunli', name: '铁道洁云里小区' }],
    });
  });
});

describe('errors', () => {
  it('answers an unknown API path with the JSON 404 envelope', async () => {
    const res = await app.request('/api/nothing/here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'No such endpoint: GET /api/nothing/here' },
    });
  });

  it('answers a wrong method on a known path with JSON, not HTML', async () => {
    const res = await app.request('/api/places', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(await errorOf(res)).toHaveProperty('error.code', 'method_not_allowed');
  });

  it('turns an unexpected failure into a 500 envelope without internals', async () => {
    const gone = await freshDatabase();
    gone.client.close();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await createApp(testPlatform(gone.db)).request('/api/places');
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    expect(text).not.toMatch(/libsql|closed|at /i);
    await gone.cleanup();
  });
});

describe('methods', () => {
  it('answers a method a known path does not take with 405 and Allow, naming no English to show', async () => {
    for (const [method, path, allow] of [
      ['POST', '/api/places', 'GET, HEAD, OPTIONS'],
      ['DELETE', '/api/news/1', 'GET, HEAD, OPTIONS'],
      ['GET', '/api/tickets', 'POST, OPTIONS'],
      ['PUT', '/feeds/news.rss', 'GET, HEAD, OPTIONS'],
    ] as const) {
      const res = await app.request(path, { method, headers: { Origin: 'http://localhost' } });
      expect([method, path, res.status, res.headers.get('allow')]).toEqual([method, path, 405, allow]);
      expect(await res.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    }
  });

  it('answers OPTIONS with the methods a path takes, and 404 where nothing is', async () => {
    const options = await app.request('/api/events/1/signups', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await app.request('/api/nothing-here', { method: 'OPTIONS' })).status).toBe(404);
    expect((await app.request('/api/nothing-here', { method: 'DELETE' })).status).toBe(404);
  });

  it('answers HEAD with the headers GET gives, and no body', async () => {
    for (const path of [
      '/api/places',
      '/api/news?community=yongan',
      '/feeds/news.rss',
      '/api/events?community=jieyunlu',
    ]) {
      const [get, head] = [await app.request(path), await app.request(path, { method: 'HEAD' })];
      expect([path, head.status]).toEqual([path, get.status]);
      const keep = (res: Response) =>
        Object.fromEntries([...res.headers].filter(([name]) => name !== 'content-length'));
      expect(keep(head)).toEqual(keep(get));
      expect(await head.text()).toBe('');
    }
  });
});
