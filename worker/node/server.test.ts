import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from './sample-photos.ts';
import { createNodeApp, listen, serverTimeouts } from './server.ts';
import { freshDatabase, testPlatform } from './test-database.ts';

let t: Awaited<ReturnType<typeof freshDatabase>>;
let app: ReturnType<typeof createNodeApp>;
const webRoot = mkdtempSync(join(tmpdir(), 'linli-web-'));

beforeAll(async () => {
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Linli shell</title>');
  writeFileSync(join(webRoot, 'news.html'), '<!doctype html><title>Linli news page</title>');
  writeFileSync(join(webRoot, 'share.png'), samplePng());
  writeFileSync(join(webRoot, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(webRoot, 'manifest.webmanifest'), '{"name":"邻里"}');
  mkdirSync(join(webRoot, 'api'));
  writeFileSync(join(webRoot, 'api', 'openapi.json'), '{"openapi":"3.1.0"}');
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1)');
  // What the build's precompress step writes beside a file.
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
  t = await freshDatabase({ demo: true });
  app = createNodeApp(testPlatform(t.db), webRoot);
});
afterAll(async () => {
  await t.cleanup();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('Node server', () => {
  it('serves the web app shell at /', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Linli shell');
  });

  it('falls back to the shell for deep links, so shared URLs open', async () => {
    const res = await app.request('/news/some-article?from=wechat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('Linli shell');
  });

  it('serves a route built with its own page (news.html for /news), revalidated like the shell', async () => {
    const res = await app.request('/news?column=x');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('Linli news page');
    expect(await (await app.request('/news/')).text()).toContain('Linli shell');
  });

  it('serves the service worker and the manifest under their fixed names, asked for each time', async () => {
    const sw = await app.request('/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await app.request('/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with a long cache life', async () => {
    const res = await app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('serves the built API description under /api, as JSON kept for a few minutes', async () => {
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(await res.json()).toEqual({ openapi: '3.1.0' });
  });

  it('never answers an unknown API path with the shell', async () => {
    const res = await app.request('/api/unknown');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers the API through the same app', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
  });

  it('sends a built file in its precompressed copy, brotli first, to a phone that takes it', async () => {
    const br = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toContain('immutable');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    const gz = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe('console.log(1)');
  });

  it('sends the plain file to a client that takes no compression', async () => {
    const res = await app.request('/assets/index-abc123.js');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('console.log(1)');
  });

  it('gzips API answers for clients that take it, and still answers 304 to a known ETag', async () => {
    const res = await app.request('/api/news?community=yongan', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()) as { articles: unknown[] };
    expect(body.articles.length).toBeGreaterThan(0);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    const again = await app.request('/api/news?community=yongan', {
      headers: { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-encoding')).toBeNull();
  });

  it('leaves API answers uncompressed for a client that takes no compression', async () => {
    const res = await app.request('/api/news?community=yongan');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding'); // a cache must not hand it to a client that takes gzip
    expect(((await res.json()) as { articles: unknown[] }).articles.length).toBeGreaterThan(0);
  });
});

describe('Cross-Origin-Resource-Policy', () => {
  it('lets other sites and feed readers show the share card, and nothing else of ours', async () => {
    const card = await app.request('/share.png');
    expect(card.headers.get('content-type')).toBe('image/png');
    expect(card.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await app.request('/')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await app.request('/api/places')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });
});

describe('what no route takes', () => {
  it('is the JSON envelope the Worker answers, never a bare text 404', async () => {
    for (const [method, path] of [
      ['POST', '/somewhere'],
      ['DELETE', '/news/1'],
      ['PUT', '/'],
    ] as const) {
      const res = await app.request(path, { method });
      expect([method, path, res.status]).toEqual([method, path, 404]);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});

describe('Vary', () => {
  it('says Accept-Encoding, once, on every answer, compressed or not', async () => {
    for (const path of [
      '/',
      '/news',
      '/assets/index-abc123.js',
      '/api/places',
      '/api/health',
      '/feeds/news.rss',
      '/api/nothing',
    ]) {
      for (const encoding of ['br, gzip', 'gzip', '']) {
        const res = await app.request(path, { headers: encoding ? { 'Accept-Encoding': encoding } : {} });
        expect([path, encoding, res.headers.get('vary')]).toEqual([path, encoding, 'Accept-Encoding']);
      }
    }
  });
});

describe('a hashed file that is not there', () => {
  it('is a 404 that no one caches, not the app page marked immutable', async () => {
    for (const path of ['/assets/index-old999.js', '/assets/anything.css', '/assets/']) {
      const res = await app.request(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const real = await app.request('/assets/index-abc123.js');
    expect(real.status).toBe(200);
    expect(real.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('Node server timeouts', () => {
  /** Opens a raw connection, sends `data`, and resolves with how long the server kept it open. */
  async function heldFor(port: number, data: string): Promise<{ ms: number; answer: string }> {
    const { connect } = await import('node:net');
    const started = Date.now();
    return new Promise((resolve, reject) => {
      let answer = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(data));
      socket.setEncoding('utf8').on('data', (chunk) => (answer += chunk));
      socket.on('close', () => resolve({ ms: Date.now() - started, answer }));
      socket.on('error', reject);
      setTimeout(() => {
        socket.destroy();
        resolve({ ms: Infinity, answer });
      }, 5_000).unref();
    });
  }

  it('closes connections whose headers or body never finish, and keeps the defaults it documents', async () => {
    expect(serverTimeouts).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 60_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 2_000,
    });
    const short = { headersTimeout: 300, requestTimeout: 600, keepAliveTimeout: 300, connectionsCheckingInterval: 100 };
    const server = listen(app, { hostname: '127.0.0.1', port: 0 }, undefined, short);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const [slowHeaders, slowBody] = await Promise.all([
        heldFor(port, 'GET / HTTP/1.1\r\nHost: linli.example\r\nX-Slow: '),
        heldFor(
          port,
          'POST /api/tickets HTTP/1.1\r\nHost: linli.example\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a"',
        ),
      ]);
      expect(slowHeaders.ms).toBeLessThan(3_000);
      expect(slowHeaders.answer).toMatch(/^HTTP\/1\.1 408/);
      expect(slowBody.ms).toBeLessThan(3_000);
    } finally {
      server.close();
    }
  });
});
