import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { apiDescription } from './scripts/build/api-description.ts';
import { precompress } from './scripts/build/precompress.ts';
import { routePages } from './scripts/build/route-pages.ts';
import { serviceWorker } from './scripts/build/service-worker.ts';
import { IMMUTABLE } from './worker/lib/http-cache.ts';
import { contentSecurityPolicy } from './worker/lib/security.ts';

/**
 * On Workers, Static Assets serve the pages without the Worker, so their security headers come
 * from a `_headers` file, written here from the same policy the app sends.
 */
const assetHeaders = {
  name: 'linli-asset-headers',
  generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): void }) {
    const headers = [
      `Content-Security-Policy: ${contentSecurityPolicy}`,
      'X-Content-Type-Options: nosniff',
      'X-Frame-Options: SAMEORIGIN',
      'Referrer-Policy: no-referrer',
      'Strict-Transport-Security: max-age=31536000; includeSubDomains',
    ];
    // The service worker and the manifest change with each deploy under the same name: ask each time.
    const source = `/*\n${headers.map((h) => `  ${h}`).join('\n')}\n/assets/*\n  Cache-Control: ${IMMUTABLE}\n/sw.js\n  Cache-Control: no-cache\n/manifest.webmanifest\n  Cache-Control: no-cache\n`;
    this.emitFile({ type: 'asset', fileName: '_headers', source });
  },
};

export default defineConfig({
  root: 'web',
  plugins: [
    solid(),
    assetHeaders,
    // The resident pages people open from a shared link or a bookmark; keep in step with routes.ts.
    routePages(
      [
        { file: 'news.html', module: 'src/pages/news/index.tsx', fetches: ['/api/places'] },
        { file: 'events.html', module: 'src/pages/events/index.tsx', fetches: ['/api/places'] },
        { file: 'desk.html', module: 'src/pages/desk/index.tsx', fetches: ['/api/places'] },
        { file: 'home-visits.html', module: 'src/pages/home-visits/index.tsx', fetches: ['/api/places'] },
      ],
      { article: 'src/pages/news/article.tsx' },
      'src/early.ts',
    ),
    // After routePages: the page shells it writes are precached too.
    serviceWorker('src/sw.ts'),
    // /api/openapi.json, from the app's routes and validators (not precached: no resident page reads it).
    apiDescription(),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // The app, and the few lines every page runs before it (early.ts).
    rollupOptions: { input: { index: 'web/index.html', early: 'web/src/early.ts' } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787', '/feeds': 'http://127.0.0.1:8787', '/open311': 'http://127.0.0.1:8787' },
  },
});
