import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
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

/** Security headers for every answer; HSTS only where the request came over https. */
export function hardening(options: { isHttps: (req: Request) => boolean }) {
  const headers = secureHeaders({ strictTransportSecurity: false, crossOriginEmbedderPolicy: false });
  return createMiddleware(async (c, next) => {
    await headers(c, async () => {
      await next();
      c.header('Content-Security-Policy', contentSecurityPolicy);
      if (options.isHttps(c.req.raw)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    });
  });
}

/**
 * Caps request bodies; too large → 413 in the JSON envelope.
 * @example app.post('/photos', limitBody(5 * 1024 * 1024), handler)
 */
export function limitBody(maxSize = DEFAULT_BODY_LIMIT) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body may be at most ${Math.round(maxSize / 1024)} KiB.`);
    },
  });
}
