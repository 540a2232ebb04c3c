import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors.ts';

/**
 * The Content-Security-Policy of every page and answer. The Solid app needs no inline script or
 * style element; photos may come as blob: previews before upload.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Largest JSON body a write route takes unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** The headers every answer carries (hono's secure-headers defaults, with our CSP). */
const securityHeaders: [string, string][] = [
  ['Content-Security-Policy', contentSecurityPolicy],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Security headers for every answer; HSTS only where the request came over https.
 * They are set before the handler runs, so `c.json()` and `c.body()` build the answer with them
 * at once: touching headers of a finished answer makes Hono copy it, and on Node that turns the
 * body into a stream. Only an answer a handler built as its own `Response` gets them afterwards.
 */
export function hardening(options: { isHttps: (req: Request) => boolean }) {
  return createMiddleware(async (c, next) => {
    const hsts = options.isHttps(c.req.raw);
    const set = () => {
      for (const [name, value] of securityHeaders) c.header(name, value);
      if (hsts) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    };
    set();
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) set();
  });
}

/**
 * For a public image (a published article's photo, a ticket photo its resident made public, the
 * share card): feed readers and other sites may show it, which `same-origin` would forbid.
 * @example if (audience === 'public') shareable(c)
 */
export function shareable(c: { header: (name: string, value: string) => void }): void {
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
}

/**
 * Caps request bodies; too large → 413 in the JSON envelope. A declared length is trusted (the
 * runtime holds the body to it); a body sent without one is read up to the cap and handed on.
 * @example app.post('/photos', limitBody(5 * 1024 * 1024), handler)
 */
export function limitBody(maxSize = DEFAULT_BODY_LIMIT) {
  const tooLarge = () =>
    new ApiError(413, 'payload_too_large', `The request body may be at most ${Math.round(maxSize / 1024)} KiB.`);
  return createMiddleware(async (c, next) => {
    // Headers first: on Node, touching the body makes a full Request, which reading it directly skips.
    const raw = c.req.raw;
    const length = raw.headers.get('content-length');
    if (length !== null && !raw.headers.has('transfer-encoding')) {
      if (Number(length) > maxSize) throw tooLarge();
      return next();
    }
    if (!raw.body) return next();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of raw.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxSize) throw tooLarge();
      chunks.push(chunk);
    }
    c.req.raw = new Request(raw, { body: new Blob(chunks as BlobPart[]) });
    return next();
  });
}
