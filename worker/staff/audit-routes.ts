import * as z from 'zod/mini';
import { Hono } from '#hono';
import { numericId } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { auditPage } from './audit.ts';
import { requireStaff } from './middleware.ts';
import { authorizeRole } from './policy.ts';

const auditQuery = z.object({
  before: z.optional(numericId('Not an entry id.')),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});

/** The audit log, newest first, for admins; `before` pages back by entry id. */
export const audit = new Hono<AppEnv>().use(requireStaff).get('/', validate('query', auditQuery), async (c) => {
  authorizeRole(c.var.staff, 'audit.read');
  const { before, limit } = c.req.valid('query');
  const page = await auditPage(c.var.db, before, limit);
  c.header('Cache-Control', 'no-store');
  return c.json(page, 200);
});
