import type { Context, Env, Hono } from 'hono';
import { ApiError, notFound } from './errors.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods some route of the app answers at this path; HEAD goes wherever GET does. */
export function allowedMethods<E extends Env>(app: Hono<E>, path: string): string[] {
  const takes = (method: string) => app.router.match(method, path)[0].some(([[, route]]) => route.method === method);
  const allowed: string[] = METHODS.filter(takes);
  return allowed.includes('GET') ? ['GET', 'HEAD', ...allowed.slice(1)] : allowed;
}

/**
 * The answer when no route took the request: OPTIONS says which methods the path takes (204,
 * `Allow`), another method of a known path is a 405 with `Allow`, and anything else is the JSON 404.
 * @example app.notFound(unmatched(app))
 */
export function unmatched<E extends Env>(app: Hono<E>) {
  return (c: Context) => {
    const allowed = allowedMethods(app, c.req.path);
    if (!allowed.length) return notFound(c);
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
    throw new ApiError(
      405,
      'method_not_allowed',
      `${c.req.method} is not taken here; use ${allowed.join(', ')}.`,
      undefined,
      { Allow: allow },
    );
  };
}
