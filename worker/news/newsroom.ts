import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type ArticleStatus, articleRevisions, articles, staff as staffTable } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import type { StaffMember } from '../staff/policy.ts';
import { listArticles } from './articles.ts';

/** The articles a staff member's place covers (the policy's `seesPlace`, as SQL for lists). */
function newsroomScope(staff: StaffMember): SQL | undefined {
  if (staff.role === 'admin') return undefined;
  if (staff.communityId !== null) return eq(articles.communityId, staff.communityId);
  if (staff.subdistrictId !== null) return eq(articles.subdistrictId, staff.subdistrictId);
  return inArray(articles.id, []);
}

/** The newsroom's list: drafts first (they have no publication time; by their last change), then the rest. */
export async function newsroomArticles(db: Db, staff: StaffMember, status: ArticleStatus | undefined) {
  const rows = await listArticles(db, and(newsroomScope(staff), status ? eq(articles.status, status) : undefined), 200);
  const drafts = rows.filter((r) => r.publishedAt === null);
  return [...drafts, ...rows.filter((r) => r.publishedAt !== null)];
}

/** An article as stored, or the 404 `article_not_found` (the caller authorises). */
export async function findArticle(db: Db, id: number) {
  const [article] = await db.select().from(articles).where(eq(articles.id, id));
  if (!article) throw new ApiError(404, 'article_not_found', 'No such article.');
  return article;
}

/** An article's revisions, newest first, with who made each. */
export async function articleRevisionsOf(db: Db, articleId: number) {
  return db
    .select({
      id: articleRevisions.id,
      at: articleRevisions.at,
      headline: articleRevisions.headline,
      staffName: staffTable.displayName,
    })
    .from(articleRevisions)
    .leftJoin(staffTable, eq(staffTable.id, articleRevisions.staffId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.id));
}
