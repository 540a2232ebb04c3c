import type { Context } from 'hono';
import type { AppEnv } from './platform.ts';

/**
 * The origin residents open, for every absolute link the server writes (share cards, feeds,
 * calendars) and for the same-origin check: PUBLIC_ORIGIN when set; else the request's own,
 * or behind a trusted proxy the one it forwarded (X-Forwarded-Proto and -Host).
 * @example const url = `${publicOrigin(c)}/news/${id}`
 */
export function publicOrigin(c: Context<AppEnv>): string {
  const { publicOrigin: configured, trustProxy } = c.var.platform;
  if (configured) return configured;
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    return `${proto || url.protocol.slice(0, -1)}://${host || url.host}`;
  }
  return url.origin;
}

/**
 * PUBLIC_ORIGIN as configured: an http(s) origin without path, or undefined when unset. A value
 * that is not one is a mistake the server refuses to start with.
 * @example const origin = parsePublicOrigin(process.env.PUBLIC_ORIGIN)
 */
export function parsePublicOrigin(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname.replace(/\/$/, '') || url.search || url.hash) {
    throw new Error(`PUBLIC_ORIGIN must be an origin such as https://linli.example, not ${JSON.stringify(value)}.`);
  }
  return url.origin;
}
