import * as z from 'zod/mini';
import { Hono } from '#hono';
import { owners, serviceClocks } from '../../schema/index.ts';
import { numericId, plainText, slugWith } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { communityPlace, findCommunity } from '../places/places.ts';
import { authorize } from '../staff/policy.ts';
import { communityCategories, createCategory, findCategory, updateCategory } from './categories.ts';

const slug = slugWith('Use lower-case letters, digits and dashes.');
const fields = {
  name: plainText(z.minLength(1), z.maxLength(40)),
  nameEn: plainText(z.minLength(1), z.maxLength(60)),
  examples: plainText(z.maxLength(200)),
  examplesEn: plainText(z.maxLength(300)),
  owner: z.enum(owners),
  clock: z.enum(serviceClocks),
  serviceDays: z.number().check(z.int(), z.gte(1), z.lte(90)),
  // The urgent class counts hours around the clock: up to a week to fix, two days to respond.
  serviceHours: z.number().check(z.int(), z.gte(1), z.lte(168)),
  responseDays: z.number().check(z.int(), z.gte(1), z.lte(10)),
  responseHours: z.number().check(z.int(), z.gte(1), z.lte(48)),
  sortOrder: z.number().check(z.int(), z.gte(0), z.lte(999)),
  active: z.boolean(),
  homeVisits: z.boolean(),
};

/** Each community's staff keep its categories: names, examples, owner and service time. */
export const deskCategories = new Hono<AppEnv>()
  .get('/categories', validate('query', z.object({ community: slug })), async (c) => {
    const community = await findCommunity(c.var.db, c.req.valid('query').community);
    authorize(c.var.staff, 'ticket.read', communityPlace(community), 'community');
    return c.json({ categories: await communityCategories(c.var.db, community.id) }, 200);
  })
  .post(
    '/categories',
    limitBody(),
    validate(
      'json',
      z.object({
        community: slug,
        code: slug,
        ...fields,
        sortOrder: z._default(fields.sortOrder, 100),
        active: z._default(fields.active, true),
        homeVisits: z._default(fields.homeVisits, false),
        clock: z._default(fields.clock, 'working_days'),
        serviceHours: z._default(fields.serviceHours, 24),
        responseDays: z._default(fields.responseDays, 1),
        responseHours: z._default(fields.responseHours, 2),
        examples: z._default(fields.examples, ''),
        examplesEn: z._default(fields.examplesEn, ''),
      }),
    ),
    async (c) => {
      const { community: communitySlug, ...input } = c.req.valid('json');
      const community = await findCommunity(c.var.db, communitySlug);
      authorize(c.var.staff, 'category.manage', communityPlace(community), 'community');
      return c.json(
        { category: await createCategory(c.var.db, c.var.staff, community, input, c.var.platform.now()) },
        201,
      );
    },
  )
  .patch(
    '/categories/:id',
    limitBody(),
    validate('param', z.object({ id: numericId('Not a category id.') })),
    validate(
      'json',
      z
        .partial(z.object(fields))
        .check(z.refine((changes) => Object.keys(changes).length > 0, 'Change at least one field.')),
    ),
    async (c) => {
      const { db, staff } = c.var;
      const { category, community } = await findCategory(db, c.req.valid('param').id);
      authorize(staff, 'category.manage', communityPlace(community), 'category');
      return c.json(
        { category: await updateCategory(db, staff, category.id, c.req.valid('json'), c.var.platform.now()) },
        200,
      );
    },
  );
