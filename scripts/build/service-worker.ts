import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the service worker (`web/src/sw.ts`) as `/sw.js`, a classic script with a fixed name,
 * and writes into it what this version precaches and a hash of all of it: a deploy that
 * changes any file changes /sw.js, which is how phones learn of it. Precached: the page shells,
 * the manifest and icons, and every chunk a resident's page can load (the entries and what
 * they import, statically or lazily, except staff pages, which are kept only once opened).
 */
type OutputChunk = {
  type: 'chunk';
  fileName: string;
  name: string;
  code: string;
  isEntry: boolean;
  moduleIds: string[];
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
};
type OutputAsset = { type: 'asset'; fileName: string; source: string | Uint8Array };
type Bundle = Record<string, OutputChunk | OutputAsset>;

/** Static files (web/public) worth having offline; share cards and the like stay online. */
const publicFiles = ['/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/apple-touch-icon.png'];
const staffPage = /\/web\/src\/pages\/staff\//;
/**
 * A lazily loaded chunk of staff pages (a shared one has no facade, so look at its modules).
 * A resident page that needs such a chunk imports it statically, and then it is precached anyway.
 */
const staffChunk = (chunk: OutputChunk | OutputAsset | undefined) =>
  chunk?.type === 'chunk' && chunk.moduleIds.some((id) => staffPage.test(id.replace(/\\/g, '/')));

/**
 * @example export default defineConfig({ plugins: [solid(), routePages([...]), serviceWorker('src/sw.ts')] })
 */
export function serviceWorker(source: string) {
  const fileName = 'sw.js';
  let publicDir = '';
  return {
    name: 'linli-service-worker',
    apply: 'build' as const,
    enforce: 'post' as const,
    configResolved(config: { publicDir: string }) {
      publicDir = config.publicDir;
    },
    buildStart(this: { emitFile(file: { type: 'chunk'; id: string; fileName: string }): string }) {
      this.emitFile({ type: 'chunk', id: source, fileName });
    },
    generateBundle(this: { error(message: string): never }, _options: unknown, bundle: Bundle) {
      const sw = bundle[fileName];
      if (sw?.type !== 'chunk') this.error('service worker: sw.js is not in the bundle');
      if (sw.imports.length > 0 || /^\s*(?:import|export)\b/m.test(sw.code))
        this.error('service worker: sw.ts must import and export nothing (it runs as a classic script)');
      const resident = new Set<string>();
      const visit = (name: string) => {
        const chunk = bundle[name];
        if (resident.has(name) || chunk?.type !== 'chunk') return;
        resident.add(name);
        for (const css of chunk.viteMetadata?.importedCss ?? []) resident.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) resident.add(asset);
        for (const imported of chunk.imports) visit(imported);
        for (const lazy of chunk.dynamicImports) if (!staffChunk(bundle[lazy])) visit(lazy);
      };
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.fileName !== fileName) visit(chunk.fileName);
      const pages = Object.keys(bundle).filter((f) => f.endsWith('.html'));
      const files = [...pages, ...[...resident].sort()].map((f) => `/${f}`).concat(publicFiles);
      // The pages' words are part of the version (they are not hashed names), and so is the worker.
      const hash = createHash('sha256').update(sw.code);
      for (const f of [...pages, ...resident].sort()) {
        const item = bundle[f]!;
        hash.update(f).update(item.type === 'chunk' ? '' : item.source);
      }
      for (const f of publicFiles) hash.update(f).update(readFileSync(join(publicDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      sw.code = sw.code
        .replace(/__LINLI_PRECACHE__/g, JSON.stringify(files))
        .replace(/__LINLI_VERSION__/g, JSON.stringify(version));
    },
  };
}
