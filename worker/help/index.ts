import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { requireStaff } from '../staff/middleware.ts';
import { addEntry, addHousehold, helpStaff, readHousehold, readHouseholds, removeHousehold } from './households.ts';
import { HELP_RETENTION_DAYS, householdParam, newEntrySchema, newHouseholdSchema } from './input.ts';

/**
 * Neighbourly help (邻里帮扶) at /api/help: only the community's own staff, every read audited.
 * Nothing here is public, in a feed, a board or an export; other roles get 404s.
 */
const helpRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .use(async (c, next) => {
    helpStaff(c.var.staff);
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .get('/households', async (c) => {
    const households = await readHouseholds(c.var.db, c.var.staff, c.var.platform.now());
    return c.json({ households, retentionDays: HELP_RETENTION_DAYS }, 200);
  })
  .post('/households', limitBody(), validate('json', newHouseholdSchema), async (c) => {
    const { db, staff, platform } = c.var;
    const id = await addHousehold(db, staff, c.req.valid('json'), platform.now());
    return c.json({ household: await readHousehold(db, staff, id, platform.now()) }, 201);
  })
  .get('/households/:id', validate('param', householdParam), async (c) => {
    const household = await readHousehold(c.var.db, c.var.staff, c.req.valid('param').id, c.var.platform.now());
    return c.json({ household, retentionDays: HELP_RETENTION_DAYS }, 200);
  })
  .post(
    '/households/:id/entries',
    limitBody(),
    validate('param', householdParam),
    validate('json', newEntrySchema),
    async (c) => {
      const { db, staff, platform } = c.var;
      const id = c.req.valid('param').id;
      await addEntry(db, staff, id, c.req.valid('json'), platform.now());
      return c.json({ household: await readHousehold(db, staff, id, platform.now()) }, 201);
    },
  )
  .delete('/households/:id', validate('param', householdParam), async (c) => {
    await removeHousehold(c.var.db, c.var.staff, c.req.valid('param').id, c.var.platform.now());
    return c.json({ removed: true }, 200);
  });

export const helpApi = new Hono<AppEnv>().route('/help', helpRoutes);
