/**
 * `npm run build:node`: bundles the Node entry (worker/node.ts) into worker/dist/node.js, which
 * `npm start` runs. Packages stay outside the bundle and load from node_modules as usual, but for
 * drizzle, which is bundled with its swap (scripts/build/swaps.ts). What the bundle saves is Node
 * stripping the types of some three hundred source files at every start, about 80 MiB of resident
 * memory and a good part of a second.
 *
 * Modules that find files beside themselves (`new URL('./news/…', import.meta.url)`) find them
 * from the bundle's folder: each one's `import.meta.url` is rewritten to its own source file's
 * address, relative to the bundle, so the bundle may move with the project, not without it.
 */
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { applySwaps, drizzleIsByInstanceof } from './swaps.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles `input` (relative to the project) into `file`.
 * @example await buildNode('bench/api-server.ts', 'bench/dist/api-server.js')
 */
export async function buildNode(input = 'worker/node.ts', file = 'worker/dist/node.js'): Promise<string> {
  const out = `${root}${file}`;
  const outDir = dirname(out);
  await build({
    input: `${root}${input}`,
    platform: 'node',
    cwd: root,
    logLevel: 'warn',
    // Every package but drizzle (and Node's own modules, and `#hono`) is imported at run time.
    external: (id) =>
      !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !id.startsWith('drizzle-orm'),
    plugins: [
      {
        name: 'swaps',
        transform(code, id) {
          return drizzleIsByInstanceof.file.test(id) ? applySwaps([drizzleIsByInstanceof], code, id) : null;
        },
      },
      {
        name: 'own-import-meta-url',
        transform(code, id) {
          if (!code.includes('import.meta.url')) return null;
          const from = relative(outDir, id).split('\\').join('/');
          return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`) };
        },
      },
    ],
    output: { file: out, format: 'esm' },
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildNode();
