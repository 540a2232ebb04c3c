import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeApp } from './server.ts';
import { freshDatabase, testPlatform } from './test-database.ts';

let t: Awaited<ReturnType<typeof freshDatabase>>;
let app: ReturnType<typeof createNodeApp>;
const webRoot = mkdtempSync(join(tmpdir(), 'linli-web-'));

beforeAll(async () => {
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Linli shell</title>');
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1)');
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

  it('serves hashed assets with a long cache life', async () => {
    const res = await app.request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
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
});
