import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/platform.ts';

/**
 * After a write that succeeded, asks the entry for a delivery run soon (a change may have put a
 * message in the outbox in its batch). The entry decides how: Workers with waitUntil after the
 * answer, Node by waking its loop. Reads never kick.
 * @example app.use('/api/*', kickAfterWrites)
 */
export const kickAfterWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const kick = c.var.platform.kickMessages;
  if (kick && c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) kick(c);
});
