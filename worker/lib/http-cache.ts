import type { Context } from 'hono';

/** For files whose name changes with their content: phones may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The API description, a built file under the API's path: it changes only with a deploy. */
export const apiDescription = { path: '/api/openapi.json', cacheControl: 'public, max-age=300' };

/**
 * Sets a validator and says whether the client already has this version (then answer 304).
 * Published news uses `no-cache`: phones and CDNs keep a copy but ask each time, so a publish
 * or an edit is visible at once and an unchanged page costs a few hundred bytes.
 * @example if (notModified(c, etag, latest)) return c.body(null, 304);
 */
export function notModified(c: Context, etag: string, lastModified?: number): boolean {
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, no-cache');
  if (lastModified) c.header('Last-Modified', new Date(lastModified).toUTCString());
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) {
    // If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/"x"` and `"x"` match.
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  const ifModifiedSince = Date.parse(c.req.header('if-modified-since') ?? '');
  return (
    !!lastModified &&
    !Number.isNaN(ifModifiedSince) &&
    Math.floor(lastModified / 1000) <= Math.floor(ifModifiedSince / 1000)
  );
}

/** A short, stable tag for a list of values (FNV-1a, not a secret). */
export function tagOf(...parts: (string | number | null | undefined)[]): string {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `W/"${(h >>> 0).toString(36)}"`;
}
