import { desc, eq, lt } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { auditLog, staff } from '../../schema/index.ts';
import { requireStaff } from './middleware.ts';
import { authorizeRole } from './policy.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';

const auditQuery = z.object({
  before: z.optional(z.coerce.number().check(z.int(), z.positive())),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});

/** The audit log, newest first, for admins; `before` pages back by entry id. */
export const audit = new Hono<AppEnv>().use(requireStaff).get('/', validate('query', auditQuery), async (c) => {
  authorizeRole(c.var.staff, 'audit.read');
  const { before, limit } = c.req.valid('query');
  const entries = await c.var.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      detail: auditLog.detail,
      staffLogin: staff.login,
    })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
  c.header('Cache-Control', 'no-store');
  return c.json({ entries, nextBefore: entries.length === limit ? entries.at(-1)!.id : null }, 200);
});
