import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { idempotent } from '../lib/idempotency.ts';
import type { AppEnv } from '../lib/platform.ts';
import { countPublicWrite, neighbourKey } from '../lib/public-writes.ts';
import { limitBody, shareable } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { messageSettingsOf } from '../messages/settings.ts';
import { currentStaff } from '../staff/middleware.ts';
import { decide } from '../staff/policy.ts';
import {
  itemParam,
  newWishSchema,
  projectParam,
  projectsQuery,
  WISH_RETENTION_DAYS,
  wishParam,
  wishToken,
} from './input.ts';
import { itemNotFound, loadItem, loadProject, projectNotFound, projectPlace, projectsOfPlace } from './projects.ts';
import { loadProblem, problemNotFound } from './quality.ts';
import { projectPage, trackingView } from './views.ts';
import { problemParam } from './volunteer-input.ts';
import { fileWish, isOpenWish, loadWish, recordWishMeToo, wishForToken, wishNotFound, wishPhotoAt } from './wishes.ts';

/**
 * Residents' side of courtyard renovation, no account needed: the projects of a community or a
 * compound, a project's page, wishes and objections filed and followed with a private link, and
 * "me too" (我也希望) on a neighbour's wish.
 */
export const renovationRoutes = new Hono<AppEnv>()
  .get('/projects', validate('query', projectsQuery), async (c) => {
    const projects = await projectsOfPlace(c.var.db, c.req.valid('query'));
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ projects }, 200);
  })
  .get('/projects/:id', validate('param', projectParam), async (c) => {
    const project = await projectPage(c.var.db, c.req.valid('param').id, c.var.platform.now());
    if (!project) throw projectNotFound();
    c.header('Cache-Control', 'public, max-age=30');
    return c.json({ project, retentionDays: WISH_RETENTION_DAYS }, 200);
  })
  .post(
    '/projects/:id/wishes',
    limitBody(),
    validate('param', projectParam),
    validate('json', newWishSchema),
    async (c) => {
      const row = await loadProject(c.var.db, c.req.valid('param').id);
      if (!row) throw projectNotFound();
      const result = await idempotent(c, 'wishes', async (record) => {
        await countPublicWrite(c, 'wish');
        const filed = await fileWish(c.var.db, row, c.req.valid('json'), {
          now: c.var.platform.now(),
          channel: 'web',
          record,
          stopSecret: messageSettingsOf(c.var.platform).stopSecret,
        });
        return { status: 201 as const, body: filed };
      });
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body, 201);
    },
  )
  .get(
    '/wishes/:number',
    validate('param', wishParam),
    validate('query', z.object({ token: wishToken })),
    async (c) => {
      const view = await trackingView(c.var.db, c.req.valid('param').number, c.req.valid('query').token);
      c.header('Cache-Control', 'private, no-store');
      return c.json(view, 200);
    },
  )
  .post('/wishes/:number/me-too', limitBody(), validate('param', wishParam), async (c) => {
    const { db, platform } = c.var;
    const row = await loadWish(db, c.req.valid('param').number);
    if (!row?.wish.listed || row.wish.kind !== 'wish') throw wishNotFound();
    if (!isOpenWish(row.wish)) throw new ApiError(409, 'wish_closed', 'This wish has its final answer already.');
    await countPublicWrite(c, 'me-too');
    return c.json({ meToo: await recordWishMeToo(db, row.wish.id, await neighbourKey(c), platform.now()) }, 200);
  })
  .get(
    '/wishes/:number/photos/:position',
    validate('param', z.extend(wishParam, { position: z.coerce.number().check(z.int(), z.gte(0), z.lte(3)) })),
    validate('query', z.object({ token: z.optional(z.string().check(z.maxLength(64))) })),
    async (c) => {
      const { db, platform } = c.var;
      const { number, position } = c.req.valid('param');
      const token = c.req.valid('query').token;
      const row = token ? await wishForToken(db, number, token) : await loadWish(db, number);
      if (!row) throw wishNotFound();
      const staff = token ? null : await currentStaff(c);
      const privileged = !!token || (!!staff && decide(staff, 'renovation.read', projectPlace(row.wish)) === 'allow');
      if (!privileged && !(row.wish.photosPublic && row.wish.listed)) throw wishNotFound();
      const photo = await wishPhotoAt(db, row.wish.id, position);
      const stored = photo ? await platform.photos.get(photo.key) : null;
      if (!stored) throw new ApiError(404, 'photo_not_found', 'No such photo.');
      c.header('Cache-Control', privileged ? 'private, max-age=3600' : 'public, max-age=300');
      if (!privileged) shareable(c);
      c.header('Content-Type', stored.type);
      return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200);
    },
  )
  .get(
    '/items/:id/photos/:which',
    validate('param', z.extend(itemParam, { which: z.enum(['before', 'after']) })),
    async (c) => {
      const { id, which } = c.req.valid('param');
      const item = await loadItem(c.var.db, id);
      const key = item && (which === 'before' ? item.beforePhotoKey : item.afterPhotoKey);
      if (!key) throw itemNotFound();
      const stored = await c.var.platform.photos.get(key);
      if (!stored) throw new ApiError(404, 'photo_not_found', 'No such photo.');
      // Not immutable: staff may replace an item's photo under the same address.
      c.header('Cache-Control', 'public, max-age=300');
      shareable(c);
      c.header('Content-Type', stored.type);
      return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200);
    },
  )
  .get(
    '/problems/:id/photos/:position',
    validate('param', z.extend(problemParam, { position: z.coerce.number().check(z.int(), z.gte(0), z.lte(3)) })),
    async (c) => {
      const { id, position } = c.req.valid('param');
      const key = (await loadProblem(c.var.db, id))?.problem.photoKeys[position];
      const stored = key ? await c.var.platform.photos.get(key) : null;
      if (!stored) throw problemNotFound();
      c.header('Cache-Control', 'public, max-age=300');
      shareable(c);
      c.header('Content-Type', stored.type);
      return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200);
    },
  );
