import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing: text. Pictures and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;
/** Below this a compressed copy saves less than the header costs. */
const minimumBytes = 512;

/**
 * Writes `name.br` and `name.gz` beside every text file of the build, compressed once at the
 * best level, so the Node entry sends them as they are (serveStatic `precompressed`) instead of
 * compressing each answer. Workers Static Assets compress by themselves, so `.assetsignore`
 * keeps the copies out of an upload.
 * @example export default defineConfig({ plugins: [solid(), precompress()] })
 */
export function precompress() {
  let outDir = '';
  return {
    name: 'linli-precompress',
    apply: 'build' as const,
    configResolved(config: { root: string; build: { outDir: string } }) {
      outDir = join(config.root, config.build.outDir);
    },
    generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): void }) {
      this.emitFile({ type: 'asset', fileName: '.assetsignore', source: '*.br\n*.gz\n' });
    },
    writeBundle(_options: unknown, bundle: Record<string, unknown>) {
      for (const fileName of Object.keys(bundle)) {
        if (!compressible.test(fileName)) continue;
        const path = join(outDir, fileName);
        const raw = readFileSync(path);
        if (raw.length < minimumBytes) continue;
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${path}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
      }
    },
  };
}
