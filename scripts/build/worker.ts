/**
 * `npm run build:worker`: bundles the Workers entry into worker/dist/index.js, which wrangler
 * uploads as it is (`no_bundle`; wrangler runs this as its custom build first).
 *
 * Why not wrangler's own bundling: rolldown (already here as Vite's bundler) minifies the same
 * code ~3 % smaller than wrangler's esbuild, about 4 KiB gzipped of the Worker's 128 KiB budget.
 * The resolution is the one wrangler uses for Workers (the `workerd` condition first), so `#hono`
 * is Hono's small preset here and the default one on Node.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const workerBundle = `${root}worker/dist/index.js`;

/**
 * Writes the minified Worker bundle; returns its path and each input module's rendered size
 * (before minifying), for the bench's "where the bytes come from".
 * @example const { file } = await buildWorker()
 */
export async function buildWorker(file = workerBundle): Promise<{ file: string; inputs: Record<string, number> }> {
  const bundle = await rolldown({
    input: `${root}worker/index.ts`,
    platform: 'neutral',
    cwd: root,
    resolve: {
      conditionNames: ['workerd', 'worker', 'browser', 'import', 'default'],
      mainFields: ['module', 'main'],
      // The libSQL client's base64 package, replaced by the runtime's own atob/btoa.
      alias: { 'js-base64': `${root}worker/lib/base64.ts` },
    },
    external: [/^cloudflare:/],
    logLevel: 'warn',
  });
  rmSync(`${file}.map`, { force: true });
  const { output } = await bundle.write({ file, format: 'esm', minify: true, sourcemap: true });
  await bundle.close();
  const inputs = Object.fromEntries(Object.entries(output[0].modules).map(([id, m]) => [id, m.renderedLength]));
  return { file, inputs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorker();
