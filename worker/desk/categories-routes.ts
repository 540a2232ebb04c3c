import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { communities, owners, ticketCategories } from '../../schema/index.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorize } from '../staff/policy.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';

const slug = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Use lower-case letters, digits and dashes.'));
const fields = {
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  nameEn: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)),
  examples: z.string().check(z.trim(), z.maxLength(200)),
  examplesEn: z.string().check(z.trim(), z.maxLength(300)),
  owner: z.enum(owners),
  serviceDays: z.number().check(z.int(), z.gte(1), z.lte(90)),
  sortOrder: z.number().check(z.int(), z.gte(0), z.lte(999)),
  active: z.boolean(),
};

async function communityBySlug(c: { var: AppEnv['Variables'] }, slugValue: string) {
  const [community] = await c.var.db.select().from(communities).where(eq(communities.slug, slugValue));
  if (!community) throw new ApiError(404, 'community_not_found', 'No such community.');
  return community;
}

/** Each community's staff keep its categories: names, examples, owner and service time. */
export const deskCategories = new Hono<AppEnv>()
  .get('/categories', validate('query', z.object({ community: slug })), async (c) => {
    const community = await communityBySlug(c, c.req.valid('query').community);
    authorize(c.var.staff, 'ticket.read', { subdistrictId: community.subdistrictId, communityId: community.id }, 'community');
    const categories = await c.var.db.select().from(ticketCategories).where(eq(ticketCategories.communityId, community.id)).orderBy(asc(ticketCategories.sortOrder), asc(ticketCategories.id));
    return c.json({ categories }, 200);
  })
  .post('/categories', limitBody(), validate('json', z.object({ community: slug, code: slug, ...fields, sortOrder: z._default(fields.sortOrder, 100), active: z._default(fields.active, true), examples: z._default(fields.examples, ''), examplesEn: z._default(fields.examplesEn, '') })), async (c) => {
    const { community: communitySlug, ...input } = c.req.valid('json');
    const community = await communityBySlug(c, communitySlug);
    authorize(c.var.staff, 'category.manage', { subdistrictId: community.subdistrictId, communityId: community.id }, 'community');
    const now = c.var.platform.now();
    const [result] = await c.var.db.batch([
      c.var.db.insert(ticketCategories).values({ ...input, communityId: community.id }).onConflictDoNothing().returning(),
      auditEntry(c.var.db, c.var.staff, 'category.create', 'ticket_category', `${community.slug}/${input.code}`, now, input),
    ]);
    if (!result.length) throw new ApiError(409, 'category_exists', 'This community already has a category with this code.', { code: 'Taken.' });
    return c.json({ category: result[0]! }, 201);
  })
  .patch('/categories/:id', limitBody(), validate('param', z.object({ id: z.coerce.number().check(z.int(), z.positive()) })), validate('json', z.partial(z.object(fields)).check(z.refine((changes) => Object.keys(changes).length > 0, 'Change at least one field.'))), async (c) => {
    const { db, staff } = c.var;
    const [category] = await db.select().from(ticketCategories).where(eq(ticketCategories.id, c.req.valid('param').id));
    if (!category) throw new ApiError(404, 'category_not_found', 'No such category.');
    const [community] = await db.select().from(communities).where(eq(communities.id, category.communityId));
    authorize(staff, 'category.manage', { subdistrictId: community!.subdistrictId, communityId: community!.id }, 'category');
    const changes = c.req.valid('json');
    const [updated] = await db.batch([
      db.update(ticketCategories).set(changes).where(and(eq(ticketCategories.id, category.id))).returning(),
      auditEntry(db, staff, 'category.update', 'ticket_category', category.id, c.var.platform.now(), changes),
    ]);
    return c.json({ category: updated[0]! }, 200);
  });
