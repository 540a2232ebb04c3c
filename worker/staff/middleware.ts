import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../lib/errors.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { findSession, readToken } from './session.ts';

/**
 * Puts the signed-in staff member in `c.var.staff`, or answers 401. An expired session gets its
 * own code so the web app can say so before asking to sign in again.
 * @example app.use('/api/staff/*', requireStaff)
 */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  const presented = readToken(c);
  if (!presented) throw new ApiError(401, 'unauthorized', 'Sign in first.');
  const found = await findSession(c.var.db, presented.token, c.var.platform.now());
  if (found === 'expired')
    throw new ApiError(401, 'session_expired', 'Your session has expired. Please sign in again.');
  if (found === 'invalid') throw new ApiError(401, 'unauthorized', 'Sign in first.');
  c.set('staff', found.staff);
  await next();
});

/** The signed-in staff member if the request carries a live session, else null (no 401). */
export async function currentStaff(c: Context<AppEnv>) {
  const presented = readToken(c);
  if (!presented) return null;
  const found = await findSession(c.var.db, presented.token, c.var.platform.now());
  return typeof found === 'object' ? found.staff : null;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a write that carries the session cookie (or signs in, which would set one) must come
 * from our own origin. Hono's `csrf` checks only form-like content types; this checks every
 * such write whatever its Content-Type, or none. Bearer tokens are not ambient, so they pass.
 */
export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (safeMethods.has(c.req.method)) return next();
  if (readToken(c)?.via === 'cookie' || c.req.path === '/api/auth/login') {
    const origin = c.req.header('origin');
    const sameOrigin = origin ? origin === publicOrigin(c) : c.req.header('sec-fetch-site') === 'same-origin';
    if (!sameOrigin) throw new ApiError(403, 'cross_origin', 'Cross-origin writes are not accepted.');
  }
  await next();
});
