import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode } from './node.ts';

// `npm start` runs the bundle: built here as the build makes it, started on an empty file.
const dir = mkdtempSync(join(tmpdir(), 'linli-node-bundle-'));
let server: ChildProcess | undefined;
let origin = '';

beforeAll(async () => {
  const bundle = await buildNode('worker/node.ts', 'worker/dist/node-test.js');
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'linli.db')}`, AUTH_PEPPER: 'bundle-test', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const at = /at (http:\/\/[^/]+)\//.exec(out)?.[1];
      if (at) resolve(at);
    });
    child.on('exit', (code) => reject(new Error(`bundle exited (${code}): ${out}`)));
  });
}, 60_000);

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('the Node entry, bundled', () => {
  it('migrates, loads the demo from the files beside its sources, and serves the API and the web app', async () => {
    const health = await (await fetch(`${origin}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, schema: { current: true } });
    // The demo's articles are Markdown files read relative to the module that reads them.
    const news = (await (await fetch(`${origin}/api/news?community=yongan`)).json()) as { articles: unknown[] };
    expect(news.articles.length).toBeGreaterThan(0);
    // The built web app, found from the bundle's folder (`npm test` builds it first).
    if (existsSync('web/dist/index.html')) {
      const page = await fetch(`${origin}/news`);
      expect(page.status).toBe(200);
      const entry = /<script[^>]+src="([^"]+)"/.exec(readFileSync('web/dist/index.html', 'utf8'))![1]!;
      expect(await page.text()).toContain(entry);
    }
  });
});
