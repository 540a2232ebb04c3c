import * as z from 'zod/mini';
import { Hono } from '#hono';
import { slug } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { communityPlace, findCommunity } from '../places/places.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { communityStats } from './stats.ts';

/** A community's desk in figures: open, overdue, time to resolve, rating, and the last 8 weeks. */
export const deskStats = new Hono<AppEnv>().get(
  '/stats',
  validate('query', z.object({ community: slug })),
  async (c) => {
    const community = await findCommunity(c.var.db, c.req.valid('query').community);
    authorize(c.var.staff, 'ticket.read', communityPlace(community), 'community');
    // After the place check, so whoever may not know the community still gets the 404.
    authorizeRole(c.var.staff, 'stats.read');
    const stats = await communityStats(c.var.db, community, c.var.platform.now());
    c.header('Cache-Control', 'no-store');
    return c.json(stats, 200);
  },
);
