import * as z from 'zod/mini';
import { Hono } from '#hono';
import { articleStatuses } from '../../schema/index.ts';
import { numericId, version } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { articleView } from './articles.ts';
import { articleInput, articlePlace, createArticle, setArticleStatus, updateArticle } from './editing.ts';
import { articleRevisionsOf, findArticle, newsroomArticles } from './newsroom.ts';

const idParam = z.object({ id: numericId('Not an article id.') });
const versionBody = z.object({ version });

async function loadArticle(c: { var: AppEnv['Variables'] }, id: number) {
  const article = await findArticle(c.var.db, id);
  authorize(c.var.staff, 'news.draft', articlePlace(article), 'article');
  return article;
}

/** The staff side of news: drafts, edits kept as revisions, publishing. */
export const newsroomRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/articles', validate('query', z.object({ status: z.optional(z.enum(articleStatuses)) })), async (c) => {
    authorizeRole(c.var.staff, 'news.draft');
    const articles = await newsroomArticles(c.var.db, c.var.staff, c.req.valid('query').status);
    c.header('Cache-Control', 'no-store');
    return c.json({ articles }, 200);
  })
  .get('/articles/:id', validate('param', idParam), async (c) => {
    await loadArticle(c, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ article: (await articleView(c.var.db, c.req.valid('param').id))! }, 200);
  })
  .get('/articles/:id/revisions', validate('param', idParam), async (c) => {
    const article = await loadArticle(c, c.req.valid('param').id);
    return c.json({ revisions: await articleRevisionsOf(c.var.db, article.id) }, 200);
  })
  .post('/articles', limitBody(256 * 1024), validate('json', articleInput), async (c) => {
    const id = await createArticle(c.var.db, c.req.valid('json'), c.var.staff, c.var.platform.now());
    return c.json({ article: (await articleView(c.var.db, id))! }, 201);
  })
  .put(
    '/articles/:id',
    limitBody(256 * 1024),
    validate('param', idParam),
    validate('json', z.extend(articleInput, versionBody.shape)),
    async (c) => {
      const article = await loadArticle(c, c.req.valid('param').id);
      const { version, ...input } = c.req.valid('json');
      await updateArticle(c.var.db, article, input, version, c.var.staff, c.var.platform.now());
      return c.json({ article: (await articleView(c.var.db, article.id))! }, 200);
    },
  )
  .post(
    '/articles/:id/:action{publish|unpublish}',
    limitBody(),
    validate('param', z.extend(idParam, { action: z.enum(['publish', 'unpublish']) })),
    validate('json', versionBody),
    async (c) => {
      const { id, action } = c.req.valid('param');
      const article = await loadArticle(c, id);
      await setArticleStatus(
        c.var.db,
        article,
        action === 'publish' ? 'published' : 'unpublished',
        c.req.valid('json').version,
        c.var.staff,
        c.var.platform.now(),
      );
      return c.json({ article: (await articleView(c.var.db, id))! }, 200);
    },
  );
