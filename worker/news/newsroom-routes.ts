import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { articleRevisions, articles, articleStatuses, staff as staffTable } from '../../schema/index.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorize, authorizeRole, type StaffMember } from '../staff/policy.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { articleView, listArticles } from './articles.ts';
import { articleInput, articlePlace, createArticle, setArticleStatus, updateArticle } from './editing.ts';

const idParam = z.object({ id: z.coerce.number().check(z.int(), z.positive('Not an article id.')) });
const versionBody = z.object({ version: z.number().check(z.int(), z.positive()) });

/** The articles a staff member's place covers (the policy's `seesPlace`, as SQL for lists). */
function newsroomScope(staff: StaffMember): SQL | undefined {
  if (staff.role === 'admin') return undefined;
  if (staff.communityId !== null) return eq(articles.communityId, staff.communityId);
  if (staff.subdistrictId !== null) return eq(articles.subdistrictId, staff.subdistrictId);
  return inArray(articles.id, []);
}

async function loadArticle(c: { var: AppEnv['Variables'] }, id: number) {
  const [article] = await c.var.db.select().from(articles).where(eq(articles.id, id));
  if (!article) throw new ApiError(404, 'article_not_found', 'No such article.');
  authorize(c.var.staff, 'news.draft', articlePlace(article), 'article');
  return article;
}

/** The staff side of news: drafts, edits kept as revisions, publishing. */
export const newsroomRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/articles', validate('query', z.object({ status: z.optional(z.enum(articleStatuses)) })), async (c) => {
    authorizeRole(c.var.staff, 'news.draft');
    const status = c.req.valid('query').status;
    const rows = await listArticles(c.var.db, and(newsroomScope(c.var.staff), status ? eq(articles.status, status) : undefined), 200);
    // Drafts have no publication time; list them by their last change.
    const drafts = rows.filter((r) => r.publishedAt === null);
    c.header('Cache-Control', 'no-store');
    return c.json({ articles: [...drafts, ...rows.filter((r) => r.publishedAt !== null)] }, 200);
  })
  .get('/articles/:id', validate('param', idParam), async (c) => {
    await loadArticle(c, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ article: (await articleView(c.var.db, c.req.valid('param').id))! }, 200);
  })
  .get('/articles/:id/revisions', validate('param', idParam), async (c) => {
    const article = await loadArticle(c, c.req.valid('param').id);
    const revisions = await c.var.db
      .select({ id: articleRevisions.id, at: articleRevisions.at, headline: articleRevisions.headline, staffName: staffTable.displayName })
      .from(articleRevisions)
      .leftJoin(staffTable, eq(staffTable.id, articleRevisions.staffId))
      .where(eq(articleRevisions.articleId, article.id))
      .orderBy(desc(articleRevisions.id));
    return c.json({ revisions }, 200);
  })
  .post('/articles', limitBody(256 * 1024), validate('json', articleInput), async (c) => {
    const id = await createArticle(c.var.db, c.req.valid('json'), c.var.staff, c.var.platform.now());
    return c.json({ article: (await articleView(c.var.db, id))! }, 201);
  })
  .put('/articles/:id', limitBody(256 * 1024), validate('param', idParam), validate('json', z.extend(articleInput, versionBody.shape)), async (c) => {
    const article = await loadArticle(c, c.req.valid('param').id);
    const { version, ...input } = c.req.valid('json');
    await updateArticle(c.var.db, article, input, version, c.var.staff, c.var.platform.now());
    return c.json({ article: (await articleView(c.var.db, article.id))! }, 200);
  })
  .post('/articles/:id/:action{publish|unpublish}', limitBody(), validate('param', z.extend(idParam, { action: z.enum(['publish', 'unpublish']) })), validate('json', versionBody), async (c) => {
    const { id, action } = c.req.valid('param');
    const article = await loadArticle(c, id);
    await setArticleStatus(c.var.db, article, action === 'publish' ? 'published' : 'unpublished', c.req.valid('json').version, c.var.staff, c.var.platform.now());
    return c.json({ article: (await articleView(c.var.db, id))! }, 200);
  });
