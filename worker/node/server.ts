import type { ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { createApp } from '../app.ts';
import { notFound, onError } from '../lib/errors.ts';
import { apiDescription, IMMUTABLE } from '../lib/http-cache.ts';
import type { Platform } from '../lib/platform.ts';
import { shareable } from '../lib/security.ts';

/** The built web app (`npm run build`). */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Compresses the app's own answers (JSON, the article pages, feeds) for clients that take gzip
 * or deflate. Built files are not compressed here: the build wrote .br and .gz copies beside them.
 * A client that takes neither gets the answer untouched. Headers are set before the handler,
 * because changing the headers of a finished answer makes Hono copy it, which costs the API its
 * fast path on Node.
 */
function compressAnswers(): MiddlewareHandler {
  const gzip = compress();
  return (c, next) => {
    // Every answer depends on Accept-Encoding (compressed or not), so caches must keep them apart.
    // Set before the handler runs, so the answer is built with it.
    c.header('Vary', 'Accept-Encoding');
    return /\b(?:gzip|deflate)\b/i.test(c.req.header('accept-encoding') ?? '') ? gzip(c, next) : next();
  };
}

/**
 * The Linli app plus the built web app with SPA fallback, as the Node entry serves it.
 * (On Workers the same job is done by Static Assets, which compress by themselves.)
 */
export function createNodeApp(platform: Platform, webRoot = defaultWebRoot) {
  const app = new Hono();
  app.use('*', compressAnswers());
  // The API description is a file of the build under /api, where the app would answer 404.
  app.get(
    apiDescription.path,
    async (c, next) => {
      await next();
      if (!c.res.ok) return;
      c.header('Cache-Control', apiDescription.cacheControl);
      // serveStatic appends its own Vary to ours.
      c.header('Vary', 'Accept-Encoding');
    },
    serveStatic({ root: webRoot, precompressed: true }),
  );
  app.route('/', createApp(platform));
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.ok || c.req.path.startsWith('/api/')) return;
    // serveStatic appends its own Vary to ours.
    if (c.res.headers.get('vary')?.includes(',')) c.header('Vary', 'Accept-Encoding');
    // Vite puts content-hashed files under /assets: they never change, so phones may keep them.
    // The HTML shell must be revalidated so a new release reaches phones at once.
    if (c.req.path.startsWith('/assets/')) c.header('Cache-Control', IMMUTABLE);
    // The service worker and the manifest keep their names across deploys: phones must ask each time.
    else if (c.req.path === '/sw.js' || c.req.path === '/manifest.webmanifest') c.header('Cache-Control', 'no-cache');
    if (c.res.headers.get('content-type')?.startsWith('image/')) shareable(c);
    else if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', serveStatic({ root: webRoot, precompressed: true }));
  // A hashed file that is not there (an old chunk after a deploy) is a 404, never the app's page.
  app.all('/assets/*', notFound);
  // Resident pages built with their own preloads: /news is news.html (as on Workers Static Assets).
  app.get('*', serveStatic({ root: webRoot, precompressed: true, rewriteRequestPath: (path) => `${path}.html` }));
  // Every other page is a route of the single-page app.
  app.get('*', serveStatic({ root: webRoot, path: 'index.html', precompressed: true }));
  // Anything else gets the API's envelope, as the Worker answers it.
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

/**
 * How long a client may take: 10 s for its headers, 60 s for the whole request (a 5 MiB photo
 * on a 1 Mbit/s line takes 42 s), 5 s idle between keep-alive requests; checked every 2 s. Node's
 * own defaults (60 s, 300 s, checked every 30 s) let hundreds of slow clients hold connections.
 */
export const serverTimeouts = {
  headersTimeout: 10_000,
  requestTimeout: 60_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 2_000,
} satisfies ServerOptions;

/**
 * Serves an app on Node with the timeouts above.
 * @example listen(createNodeApp(platform), { hostname: '127.0.0.1', port: 8787 }, (info) => console.log(info.port))
 */
export function listen(
  app: { fetch: (req: Request) => Response | Promise<Response> },
  at: { hostname: string; port: number },
  onListening?: (info: AddressInfo) => void,
  timeouts: ServerOptions = serverTimeouts,
) {
  return serve({ fetch: app.fetch, ...at, serverOptions: timeouts }, onListening);
}
