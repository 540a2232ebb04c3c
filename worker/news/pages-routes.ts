import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { numericId } from '../lib/fields.ts';
import { IMMUTABLE } from '../lib/http-cache.ts';
import { publicOrigin } from '../lib/origin.ts';
import { isPhotoKey } from '../lib/photos.ts';
import type { AppEnv } from '../lib/platform.ts';
import { shareable } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { currentStaff } from '../staff/middleware.ts';
import { articleView } from './articles.ts';
import { photoAudience } from './photos.ts';
import { injectShareMeta } from './share-page.ts';

const articleId = numericId('Not an article id.');

/**
 * Pages and files the server itself answers outside the API: article pages with share cards,
 * and news photos (public once an article that shows them is published).
 */
export const publicPages = new Hono<AppEnv>()
  .get('/news/:id{[0-9]+}', async (c, next) => {
    const shell = await c.var.platform.shell();
    if (!shell) return next();
    const id = z.safeParse(articleId, c.req.param('id'));
    const article = id.success ? await articleView(c.var.db, id.data) : undefined;
    // The web app says "not found" itself; the status tells crawlers.
    if (article?.status !== 'published') return c.html(shell, 404);
    c.header('Cache-Control', 'public, no-cache');
    return c.html(injectShareMeta(shell, article, publicOrigin(c)), 200);
  })
  .get(
    '/photos/:key{.+}',
    validate('param', z.object({ key: z.string().check(z.refine(isPhotoKey, 'Not a photo key.')) })),
    async (c) => {
      const key = c.req.valid('param').key;
      const { db, platform } = c.var;
      const audience = await photoAudience(db, key, () => currentStaff(c));
      if (!audience) throw new ApiError(404, 'photo_not_found', 'No such photo.');
      const stored = await platform.photos.get(key);
      if (!stored) throw new ApiError(404, 'photo_not_found', 'No such photo.');
      c.header('Cache-Control', audience === 'public' ? IMMUTABLE : 'private, max-age=300');
      if (audience === 'public') shareable(c);
      c.header('Content-Type', stored.type);
      return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200);
    },
  );
