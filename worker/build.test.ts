import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const outdir = mkdtempSync(join(tmpdir(), 'linli-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('Worker build', () => {
  it('bundles with wrangler deploy --dry-run, runtime-neutral and small', () => {
    const wrangler = join(createRequire(import.meta.url).resolve('wrangler/package.json'), '..', 'bin', 'wrangler.js');
    execFileSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--minify', '--outdir', outdir], {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      stdio: 'pipe',
    });
    const bundle = readFileSync(join(outdir, 'index.js'));
    const gzipped = gzipSync(bundle, { level: 9 }).length;
    console.log(`Worker bundle: ${(bundle.length / 1024).toFixed(1)} KiB raw, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
    // Nothing Node-only or native may reach the Workers bundle.
    const text = bundle.toString('utf8');
    for (const forbidden of ['@hono/node-server', 'libsql/linux', 'node:fs', 'better-sqlite3']) {
      expect(text, forbidden).not.toContain(forbidden);
    }
    // The Worker reaches libSQL over HTTP only; the WebSocket client (named by its subprotocol) stays out.
    expect(text, 'libSQL WebSocket client').not.toContain('hrana3-protobuf');
    // The Workers free plan takes scripts up to 3 MiB gzipped.
    expect(gzipped).toBeLessThan(3 * 1024 * 1024);
  });
});
