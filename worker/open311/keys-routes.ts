import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { numericId, plainText } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorizeRole } from '../staff/policy.ts';
import { createKey, listKeys, revokeKey } from './keys.ts';

const newKeySchema = z.object({
  app: plainText(z.minLength(2, 'Name the partner app.'), z.maxLength(60)),
  hourlyLimit: z._default(z.number().check(z.int('Give a whole number.'), z.gte(1), z.lte(1000)), 60),
});

/**
 * Partner apps' Open311 API keys at /open311/keys, for the district admin: list them, issue one
 * (its key shown in this answer only) and revoke one. Every change is audited.
 */
export const open311Keys = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/keys', async (c) => {
    authorizeRole(c.var.staff, 'open311.manage');
    c.header('Cache-Control', 'no-store');
    return c.json({ keys: await listKeys(c.var.db) }, 200);
  })
  .post('/keys', limitBody(), validate('json', newKeySchema), async (c) => {
    authorizeRole(c.var.staff, 'open311.manage');
    const key = await createKey(c.var.db, c.var.staff, c.req.valid('json'), c.var.platform.now());
    c.header('Cache-Control', 'no-store');
    return c.json({ key }, 201);
  })
  .post('/keys/:id/revoke', limitBody(), validate('param', z.object({ id: numericId('Not a key id.') })), async (c) => {
    authorizeRole(c.var.staff, 'open311.manage');
    if (!(await revokeKey(c.var.db, c.var.staff, c.req.valid('param').id, c.var.platform.now())))
      throw new ApiError(404, 'open311_key_not_found', 'No such live key.');
    return c.json({ keys: await listKeys(c.var.db) }, 200);
  });
