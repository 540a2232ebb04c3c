import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const outdir = mkdtempSync(join(tmpdir(), 'linli-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('Worker build', () => {
  it('bundles with wrangler deploy --dry-run, runtime-neutral and small', () => {
    const wrangler = join(createRequire(import.meta.url).resolve('wrangler/package.json'), '..', 'bin', 'wrangler.js');
    execFileSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outdir], {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      stdio: 'pipe',
    });
    const bundle = readFileSync(join(outdir, 'index.js'));
    const gzipped = gzipSync(bundle, { level: 9 }).length;
    console.log(
      `Worker bundle: ${(bundle.length / 1024).toFixed(1)} KiB raw, ${(gzipped / 1024).toFixed(1)} KiB gzipped`,
    );
    // Nothing Node-only or native may reach the Workers bundle.
    const text = bundle.toString('utf8');
    for (const forbidden of ['@hono/node-server', 'libsql/linux', 'node:fs', 'better-sqlite3']) {
      expect(text, forbidden).not.toContain(forbidden);
    }
    // The Worker reaches libSQL over HTTP only; the WebSocket client (named by its subprotocol) stays out.
    expect(text, 'libSQL WebSocket client').not.toContain('hrana3-protobuf');
    // Routers are built with `#hono`, which is Hono's smaller preset on Workers (package.json "imports"):
    // one `new Hono()` from 'hono' anywhere would bring the default router's ~2.5 KiB back.
    expect(text, "a router built from 'hono' instead of '#hono'").not.toContain('SmartRouter');
    // The budget, measured as bench/worker.ts measures it: the minified bundle wrangler uploads, gzip level 9.
    expect(gzipped).toBeLessThanOrEqual(128 * 1024);
  });
});

/** The built web app (`npm test` builds it first, in `pretest`). */
const webDist = join(dirname(new URL(import.meta.url).pathname), '..', 'web', 'dist');

/** The scripts a built page runs at once: its module script, its modulepreloads, and what they import statically. */
function eagerScripts(page: string): string[] {
  const html = readFileSync(join(webDist, page), 'utf8');
  const seen = new Set<string>();
  const queue = [
    ...html.matchAll(
      /<script type="module"[^>]* src="\/(assets\/[^"]+\.js)"|<link rel="modulepreload"[^>]* href="\/(assets\/[^"]+\.js)"/g,
    ),
  ].map((m) => (m[1] ?? m[2])!);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(webDist, file), 'utf8');
    // Static imports only (`import("…")` is a page loaded when visited).
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

describe('Web build', () => {
  it('the first page (index.html, home included) loads at most 50 KiB of JS gzipped', () => {
    const scripts = eagerScripts('index.html');
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(webDist, file))).length, 0);
    console.log(`First-page JS: ${scripts.join(', ')}: ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
    expect(
      scripts.some((f) => f.startsWith('assets/index-')),
      'the app entry',
    ).toBe(true);
    // The budget, measured as bench/pages.ts measures it: each script gzipped at the default level.
    expect(gzipped).toBeLessThanOrEqual(50 * 1024);
  });
});
