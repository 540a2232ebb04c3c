/**
 * A page per resident route that lists, in its <head>, the route's own code and stylesheet and
 * the API answers every such page needs, so the phone fetches them together with the app's
 * main code instead of one round trip after it (on Slow 4G each trip is ~150 ms or more). Every
 * page, the shell's too, runs the `early` module before the app: it starts the page's own
 * data, which depends on the address and on the phone's storage.
 * `news.html` is what the Node entry and Workers Static Assets answer for /news; every other
 * path still gets index.html. The data that depends on the resident's community cannot be
 * named here (it lives in the phone's storage): the route table's preloads fetch it.
 */
type OutputChunk = {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
};
type OutputAsset = { type: 'asset'; fileName: string; source: string | Uint8Array };
type Bundle = Record<string, OutputChunk | OutputAsset>;

export type RoutePage = {
  /** The file to write, e.g. `news.html` for /news. */
  file: string;
  /** The route's lazy page module, relative to the web root, e.g. `src/pages/news/index.tsx`. */
  module: string;
  /** Same-origin API answers the page always reads (fetched with `crossorigin`, as fetch() asks). */
  fetches?: string[];
};

/** Every chunk a chunk needs before it runs (its static imports, all the way down). */
function staticGraph(bundle: Bundle, fileName: string, seen = new Set<string>()): Set<string> {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const imported of chunk.imports) staticGraph(bundle, imported, seen);
  return seen;
}

const chunkOf = (bundle: Bundle, module: string) =>
  Object.values(bundle).find(
    (c): c is OutputChunk => c.type === 'chunk' && !!c.facadeModuleId?.replace(/\\/g, '/').endsWith(`/${module}`),
  );

/**
 * `serverPages` names the route modules of pages the server builds from index.html itself
 * (article pages with share cards): their code is listed in the shell as an inert
 * `<meta name="linli-modules-NAME" content="/assets/a.js /assets/b.js">`, which the server
 * turns into modulepreload links for that page (no other page fetches anything for it).
 * `early` is a tiny module (a build input of its own, no imports) that every page runs first.
 * @example routePages([{ file: 'news.html', module: 'src/pages/news/index.tsx', fetches: ['/api/places'] }], { article: 'src/pages/news/article.tsx' }, 'src/early.ts')
 */
export function routePages(pages: RoutePage[], serverPages: Record<string, string> = {}, early?: string) {
  return {
    name: 'linli-route-pages',
    apply: 'build' as const,
    enforce: 'post' as const,
    generateBundle(
      this: {
        emitFile(file: { type: 'asset'; fileName: string; source: string }): void;
        error(message: string): never;
      },
      _options: unknown,
      bundle: Bundle,
    ) {
      const shell = bundle['index.html'];
      if (shell?.type !== 'asset') this.error('route pages: index.html is not in the bundle');
      let html = String(shell.source);
      const entry = Object.values(bundle).find(
        (c): c is OutputChunk => c.type === 'chunk' && c.isEntry && html.includes(`/${c.fileName}"`),
      );
      if (!entry) this.error('route pages: no entry script in index.html');
      const earlyChunk = early ? chunkOf(bundle, early) : undefined;
      if (early && !earlyChunk) this.error(`route pages: no chunk for ${early}`);
      // Module scripts run in document order: put before the app's, it always runs first.
      if (earlyChunk)
        html = html.replace(
          '<script type="module"',
          `<script type="module" crossorigin src="/${earlyChunk.fileName}"></script>\n    <script type="module"`,
        );
      const loaded = staticGraph(bundle, entry.fileName);
      /** A route's chunks that the app's main code does not bring. */
      const routeScripts = (module: string) => {
        const chunk = chunkOf(bundle, module);
        if (!chunk) this.error(`route pages: no chunk for ${module}`);
        return [...staticGraph(bundle, chunk.fileName)].filter((f) => !loaded.has(f));
      };
      for (const page of pages) {
        const scripts = routeScripts(page.module);
        const styles = scripts.flatMap((f) => {
          const c = bundle[f];
          return c?.type === 'chunk' ? [...(c.viteMetadata?.importedCss ?? [])] : [];
        });
        const links = [
          ...(page.fetches ?? []).map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`),
          ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
          ...[...new Set(styles)].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
        ];
        const source = html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
        this.emitFile({ type: 'asset', fileName: page.file, source });
      }
      const hints = Object.entries(serverPages).map(
        ([name, module]) =>
          `<meta name="linli-modules-${name}" content="${routeScripts(module)
            .map((f) => `/${f}`)
            .join(' ')}">`,
      );
      shell.source = hints.length ? html.replace('</head>', `  ${hints.join('\n    ')}\n  </head>`) : html;
    },
  };
}
