import { Hono } from 'hono';
import * as z from 'zod';
import { articleView } from '../news/articles.ts';
import { readerSelection, type Selection } from '../news/selection.ts';
import { ApiError } from '../lib/errors.ts';
import { notModified, tagOf } from '../lib/http-cache.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Not a valid code.');
export const newsQuery = z.object({
  community: slug.optional(),
  subdistrict: slug.optional(),
  column: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().min(1, 'Type something to search for.').max(100).optional(),
  before: z.string().regex(/^\d+_\d+$/, 'Not a cursor.').optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A validator that changes whenever an article in the selection is published, edited or withdrawn. */
export async function selectionTag(selection: Selection, ...parts: string[]) {
  const stats = await selection.stats();
  return { etag: tagOf(...parts, stats.n, stats.latest), latest: stats.latest ?? undefined };
}

export const newsRoutes = new Hono<AppEnv>()
  .get('/', validate('query', newsQuery), async (c) => {
    const q = c.req.valid('query');
    const selection = await readerSelection(c.var.db, q);
    if (!selection) throw new ApiError(404, 'place_not_found', 'No such community or sub-district.');
    const { etag, latest } = await selectionTag(selection, 'list', new URL(c.req.url).search);
    if (notModified(c, etag, latest)) return c.body(null, 304);
    const [publishedAt, id] = q.before?.split('_').map(Number) ?? [];
    const rows = await selection.page(q.limit, q.before ? { publishedAt: publishedAt!, id: id! } : undefined);
    const last = rows.at(-1);
    return c.json(
      {
        articles: rows,
        nextBefore: rows.length === q.limit && last ? `${last.publishedAt}_${last.id}` : null,
      },
      200,
    );
  })
  .get('/:id', validate('param', z.object({ id: z.coerce.number().int().positive('Not an article id.') })), async (c) => {
    const article = await articleView(c.var.db, c.req.valid('param').id);
    if (!article || article.status !== 'published') throw new ApiError(404, 'article_not_found', 'No such article.');
    if (notModified(c, tagOf('article', article.id, article.version, article.updatedAt), article.updatedAt)) return c.body(null, 304);
    const { body: _, version: __, ...view } = article;
    return c.json(view, 200);
  });
