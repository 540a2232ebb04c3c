import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { loadPlaceTree } from './places.ts';

export const places = new Hono<AppEnv>().get('/', async (c) => {
  c.header('Cache-Control', 'public, max-age=60');
  return c.json({ subdistricts: await loadPlaceTree(c.var.db) }, 200);
});
