import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from '../app.ts';
import type { Platform } from '../lib/platform.ts';

/** The built web app (`npm run build`). */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Compresses the app's own answers (JSON, the article pages, feeds) for clients that take gzip
 * or deflate. Built files are not compressed here: the build wrote .br and .gz copies beside them.
 * A client that takes neither gets the answer untouched (no Vary added), because changing the
 * headers of a finished answer makes Hono copy it, which costs the API its fast path on Node.
 */
function compressAnswers(): MiddlewareHandler {
  const gzip = compress();
  return (c, next) => (/\b(?:gzip|deflate)\b/i.test(c.req.header('accept-encoding') ?? '') ? gzip(c, next) : next());
}

/**
 * The Linli app plus the built web app with SPA fallback, as the Node entry serves it.
 * (On Workers the same job is done by Static Assets, which compress by themselves.)
 */
export function createNodeApp(platform: Platform, webRoot = defaultWebRoot) {
  const app = new Hono();
  app.use('*', compressAnswers());
  app.route('/', createApp(platform));
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.ok || c.req.path.startsWith('/api/')) return;
    // Vite puts content-hashed files under /assets: they never change, so phones may keep them.
    // The HTML shell must be revalidated so a new release reaches phones at once.
    if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    else if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', serveStatic({ root: webRoot, precompressed: true }));
  // Resident pages built with their own preloads: /news is news.html (as on Workers Static Assets).
  app.get('*', serveStatic({ root: webRoot, precompressed: true, rewriteRequestPath: (path) => `${path}.html` }));
  // Every other page is a route of the single-page app.
  app.get('*', serveStatic({ root: webRoot, path: 'index.html', precompressed: true }));
  return app;
}
