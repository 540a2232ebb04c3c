import { and, eq, inArray, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import {
  type ArticleStatus,
  articleRevisions,
  articles,
  creditContributions,
  creditRoles,
  photos,
} from '../../schema/index.ts';
import { ApiError, versionConflict } from '../lib/errors.ts';
import { plainText, slug } from '../lib/fields.ts';
import { markdownToText } from '../lib/markdown.ts';
import { isPhotoKey } from '../lib/photos.ts';
import type { Db } from '../lib/platform.ts';
import { unclaimed } from '../lib/uploads.ts';
import { communityBySlug, communityPlace, subdistrictBySlug } from '../places/places.ts';
import { auditEntry } from '../staff/audit.ts';
import { authorize, type PlaceRef, type StaffMember } from '../staff/policy.ts';

const photoKey = z.string().check(z.refine(isPhotoKey, 'Not a photo key.'));
const caption = z._default(z.nullable(plainText(z.maxLength(200))), null);

export const articleInput = z.object({
  headline: plainText(z.minLength(2, 'Give a headline.'), z.maxLength(80)),
  kicker: z._default(z.nullable(plainText(z.maxLength(20))), null),
  /** A community or sub-district slug; none for district-wide news. */
  place: z._default(z.nullable(slug), null),
  body: plainText(z.minLength(1, 'Write the report.'), z.maxLength(20000)),
  credits: z._default(
    z
      .array(
        z.object({
          name: plainText(z.minLength(1, 'Name the person.'), z.maxLength(20)),
          role: z.enum(creditRoles),
          contribution: z.enum(creditContributions),
        }),
      )
      .check(z.maxLength(10)),
    [],
  ),
  leadPhoto: z._default(z.nullable(z.object({ key: photoKey, caption })), null),
  photos: z._default(z.array(z.object({ key: photoKey, caption })).check(z.maxLength(12)), []),
});
export type ArticleInput = z.infer<typeof articleInput>;

/** The place columns of an article from a slug: a community (with its sub-district) or a sub-district. */
async function resolvePlace(
  db: Db,
  slug: string | null,
): Promise<{ subdistrictId: number | null; communityId: number | null }> {
  if (!slug) return { subdistrictId: null, communityId: null };
  const community = await communityBySlug(db).get({ slug });
  if (community) return communityPlace(community);
  const subdistrict = await subdistrictBySlug(db).get({ slug });
  if (subdistrict) return { subdistrictId: subdistrict.id, communityId: null };
  throw new ApiError(400, 'invalid_input', 'No community or sub-district with this code.', { place: 'No such place.' });
}

/** Photos must have been uploaded to our store before an article can show them. */
async function checkPhotos(db: Db, input: ArticleInput) {
  const keys = [...(input.leadPhoto ? [input.leadPhoto.key] : []), ...input.photos.map((p) => p.key)];
  if (!keys.length) return;
  const found = await db
    .select({ key: photos.key })
    .from(photos)
    .where(and(inArray(photos.key, keys), unclaimed()));
  if (found.length !== new Set(keys).size)
    throw new ApiError(400, 'invalid_input', 'A photo was not uploaded.', { photos: 'Upload the photo first.' });
}

/** The start of the body as plain text, for lists, feeds and share cards. */
export const summaryOf = (body: string) => {
  const text = markdownToText(body).replace(/\s+/g, ' ').trim();
  return [...text].length > 120 ? `${[...text].slice(0, 118).join('')}…` : text;
};

function columns(
  input: ArticleInput,
  place: { subdistrictId: number | null; communityId: number | null },
  now: number,
) {
  return {
    headline: input.headline,
    kicker: input.kicker || null,
    ...place,
    body: input.body,
    summary: summaryOf(input.body),
    credits: input.credits,
    leadPhotoKey: input.leadPhoto?.key ?? null,
    leadPhotoCaption: input.leadPhoto?.caption ?? null,
    photos: input.photos,
    updatedAt: now,
  };
}

const revision = (db: Db, articleId: number | SQLId, input: ArticleInput, staff: StaffMember, now: number) =>
  db.insert(articleRevisions).values({
    articleId,
    at: now,
    staffId: staff.id,
    headline: input.headline,
    kicker: input.kicker || null,
    body: input.body,
    credits: input.credits,
  });
type SQLId = ReturnType<typeof sql>;

/** Creates a draft in a place the staff member may draft for; the first revision and the audit entry come with it. */
export async function createArticle(db: Db, input: ArticleInput, staff: StaffMember, now: number): Promise<number> {
  const place = await resolvePlace(db, input.place);
  authorize(staff, 'news.draft', place, 'place');
  await checkPhotos(db, input);
  const [[created]] = await db.batch([
    db
      .insert(articles)
      .values({ ...columns(input, place, now), status: 'draft', createdByStaffId: staff.id, createdAt: now })
      .returning({ id: articles.id }),
    revision(db, sql`last_insert_rowid()`, input, staff, now),
    auditEntry(db, staff, 'article.create', 'article', sql`(select max(id) from ${articles})`, now, {
      headline: input.headline,
    }),
  ]);
  return created!.id;
}

type ArticleRow = typeof articles.$inferSelect;
export const articlePlace = (a: Pick<ArticleRow, 'subdistrictId' | 'communityId'>): PlaceRef => ({
  subdistrictId: a.subdistrictId,
  communityId: a.communityId,
});

/** Published news is changed only by those who may publish; drafts also by correspondents. */
export const editAction = (status: ArticleStatus) =>
  status === 'draft' ? ('news.draft' as const) : ('news.publish' as const);

/**
 * Saves an edit if nobody saved since `version` was read: the article, a revision and the
 * audit entry in one batch, the last two only if the first changed the row.
 */
export async function updateArticle(
  db: Db,
  article: ArticleRow,
  input: ArticleInput,
  version: number,
  staff: StaffMember,
  now: number,
) {
  authorize(staff, editAction(article.status), articlePlace(article), 'article');
  const place = await resolvePlace(db, input.place);
  authorize(staff, editAction(article.status), place, 'place');
  await checkPhotos(db, input);
  if (version !== article.version) throw versionConflict('article');
  const [updated] = await db.batch([
    db
      .update(articles)
      .set({ ...columns(input, place, now), version: sql`${articles.version} + 1` })
      .where(and(eq(articles.id, article.id), eq(articles.version, version))),
    db.run(sql`insert into ${articleRevisions} (article_id, at, staff_id, headline, kicker, body, credits)
      select ${article.id}, ${now}, ${staff.id}, ${input.headline}, ${input.kicker || null}, ${input.body}, ${JSON.stringify(input.credits)} where changes() = 1`),
    db.run(
      sql`insert into audit_log (staff_id, action, object_type, object_id, at) select ${staff.id}, 'article.update', 'article', ${String(article.id)}, ${now} where changes() = 1`,
    ),
  ]);
  if (updated.rowsAffected !== 1) throw versionConflict('article');
}

/** Publishes or withdraws an article; publishing keeps the first publication time. */
export async function setArticleStatus(
  db: Db,
  article: ArticleRow,
  status: 'published' | 'unpublished',
  version: number,
  staff: StaffMember,
  now: number,
) {
  authorize(staff, 'news.publish', articlePlace(article), 'article');
  if (article.status === status) throw new ApiError(409, 'invalid_transition', `The article is already ${status}.`);
  if (version !== article.version) throw versionConflict('article');
  const [updated] = await db.batch([
    db
      .update(articles)
      .set({
        status,
        publishedAt: status === 'published' ? (article.publishedAt ?? now) : article.publishedAt,
        updatedAt: now,
        version: sql`${articles.version} + 1`,
      })
      .where(and(eq(articles.id, article.id), eq(articles.version, version))),
    db.run(
      sql`insert into audit_log (staff_id, action, object_type, object_id, at) select ${staff.id}, ${`article.${status === 'published' ? 'publish' : 'unpublish'}`}, 'article', ${String(article.id)}, ${now} where changes() = 1`,
    ),
  ]);
  if (updated.rowsAffected !== 1) throw versionConflict('article');
}
