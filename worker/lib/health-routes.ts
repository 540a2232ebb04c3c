import { Hono } from '#hono';
import { checkHealth } from './health.ts';
import type { AppEnv } from './platform.ts';

export const health = new Hono<AppEnv>().get('/', async (c) => {
  const result = await checkHealth(c.var.db);
  c.header('Cache-Control', 'no-store');
  return result.ok ? c.json(result, 200) : c.json(result, 503);
});
