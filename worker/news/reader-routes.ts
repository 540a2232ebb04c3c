import { and } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { numericId, plainText } from '../lib/fields.ts';
import { notModified, tagOf } from '../lib/http-cache.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { articleView, olderThan, summariesQuery, toSummary } from './articles.ts';
import { readSelection } from './selection.ts';

/**
 * A community's news (with its sub-district's and district-wide ones), a whole sub-district's,
 * or the whole district's (`district=1`, or no place at all as before).
 */
export const newsQuery = z
  .object({
    ...placeScopeFields,
    column: z.optional(plainText(z.minLength(1), z.maxLength(40))),
    q: z.optional(plainText(z.minLength(1, 'Type something to search for.'), z.maxLength(100))),
    before: z.optional(z.string().check(z.regex(/^\d+_\d+$/, 'Not a cursor.'))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
  })
  .check(onePlace({ optional: true }));

/** A validator that changes whenever an article in the selection is published, edited or withdrawn. */
export function selectionTag(stats: { n: number; latest: number | null }, ...parts: string[]) {
  return { etag: tagOf(...parts, stats.n, stats.latest), latest: stats.latest ?? undefined };
}

export const newsRoutes = new Hono<AppEnv>()
  .get('/', validate('query', newsQuery), async (c) => {
    const q = c.req.valid('query');
    const [publishedAt, id] = q.before?.split('_').map(Number) ?? [];
    const before = q.before ? olderThan({ publishedAt: publishedAt!, id: id! }) : undefined;
    const found = await readSelection(c.var.db, q, (where) => summariesQuery(c.var.db, and(where, before), q.limit));
    if (!found) throw new ApiError(404, 'place_not_found', 'No such community or sub-district.');
    const { etag, latest } = selectionTag(found.stats, 'list', new URL(c.req.url).search);
    if (notModified(c, etag, latest)) return c.body(null, 304);
    const rows = found.rows.map(toSummary);
    const last = rows.at(-1);
    return c.json(
      {
        articles: rows,
        nextBefore: rows.length === q.limit && last ? `${last.publishedAt}_${last.id}` : null,
      },
      200,
    );
  })
  .get('/:id', validate('param', z.object({ id: numericId('Not an article id.') })), async (c) => {
    const article = await articleView(c.var.db, c.req.valid('param').id);
    if (article?.status !== 'published') throw new ApiError(404, 'article_not_found', 'No such article.');
    if (notModified(c, tagOf('article', article.id, article.version, article.updatedAt), article.updatedAt))
      return c.body(null, 304);
    const { body: _, version: __, ...view } = article;
    return c.json(view, 200);
  });
