import * as z from 'zod/mini';
import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { DAY_MS, zhengzhouDay } from '../lib/time.ts';
import { validate } from '../lib/validate.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { boardFigures, MIN_CASES_TO_RANK } from './figures.ts';
import { periodBounds } from './rates.ts';
import { reportPlace } from './report-place.ts';

const figuresQuery = z
  .object({
    ...placeScopeFields,
    days: z._default(z.coerce.number().check(z.int('Give a whole number.'), z.gte(1), z.lte(366)), 90),
  })
  .check(onePlace());

/**
 * The public board's honest figures for a community, a sub-district or the district over the
 * last `days` Zhengzhou days (today included): per community fixed, closed but not fixed,
 * overdue and open, and a ranking only where there are enough cases to rank.
 */
export const boardFigureRoutes = new Hono<AppEnv>().get('/figures', validate('query', figuresQuery), async (c) => {
  const { db, platform } = c.var;
  const q = c.req.valid('query');
  const now = platform.now();
  const place = await reportPlace(db, q);
  const to = zhengzhouDay(now);
  const from = zhengzhouDay(now - (q.days - 1) * DAY_MS);
  const communities = await boardFigures(db, place, periodBounds(from, to), now);
  c.header('Cache-Control', 'public, max-age=300');
  return c.json({ place: place.label, days: q.days, from, to, minCasesToRank: MIN_CASES_TO_RANK, communities }, 200);
});
