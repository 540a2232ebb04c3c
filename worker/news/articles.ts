import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { articles, communities, subdistricts } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { isPhotoKey } from '../lib/photos.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { formatCredits } from './credits.ts';

/** Our own photo store is the only place article images may come from. */
export const photoUrl = (key: string) => `/photos/${key}`;
export const isOurPhotoUrl = (url: string) => url.startsWith('/photos/') && isPhotoKey(url.slice('/photos/'.length));

/** Where a reader stands: a community sees its own, its sub-district's and district-wide news. */
export async function readerScope(db: Db, where: { community?: string; subdistrict?: string }): Promise<SQL | undefined | null> {
  const districtWide = and(isNull(articles.subdistrictId), isNull(articles.communityId));
  if (where.community) {
    const [c] = await db.select().from(communities).where(eq(communities.slug, where.community));
    if (!c) return null;
    return or(eq(articles.communityId, c.id), and(isNull(articles.communityId), eq(articles.subdistrictId, c.subdistrictId)), districtWide);
  }
  if (where.subdistrict) {
    const [s] = await db.select().from(subdistricts).where(eq(subdistricts.slug, where.subdistrict));
    if (!s) return null;
    return or(eq(articles.subdistrictId, s.id), districtWide);
  }
  return undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Full-text search that works for Chinese: terms of three or more characters go through the
 * FTS5 trigram index, shorter ones (课堂, 物业) through LIKE; all terms must match.
 */
export function searchCondition(q: string): SQL | undefined {
  const terms = q.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (!terms.length) return undefined;
  return and(
    ...terms.map((term) =>
      [...term].length >= 3
        ? sql`${articles.id} in (select rowid from articles_fts where articles_fts match ${`"${term.replaceAll('"', '""')}"`})`
        : or(sql`${articles.headline} like ${`%${escapeLike(term)}%`} escape '\\'`, sql`${articles.body} like ${`%${escapeLike(term)}%`} escape '\\'`),
    ),
  );
}

/** A page of article summaries, newest first; `before` is the cursor of the last one seen. */
export async function listArticles(db: Db, where: SQL | undefined, limit: number, before?: { publishedAt: number; id: number }) {
  const rows = await db
    .select({
      id: articles.id,
      headline: articles.headline,
      kicker: articles.kicker,
      summary: articles.summary,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      leadPhotoKey: articles.leadPhotoKey,
      credits: articles.credits,
      subdistrict: { slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn },
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
    })
    .from(articles)
    .leftJoin(subdistricts, eq(subdistricts.id, articles.subdistrictId))
    .leftJoin(communities, eq(communities.id, articles.communityId))
    .where(
      and(
        where,
        before
          ? or(lt(articles.publishedAt, before.publishedAt), and(eq(articles.publishedAt, before.publishedAt), lt(articles.id, before.id)))
          : undefined,
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map(({ leadPhotoKey, ...r }) => ({
    ...r,
    creditLine: formatCredits(r.credits),
    subdistrict: r.subdistrict?.slug ? r.subdistrict : null,
    community: r.community?.slug ? r.community : null,
    leadPhoto: leadPhotoKey ? photoUrl(leadPhotoKey) : null,
  }));
}

/** One article as residents read it: body rendered to safe HTML, credits as the paper prints them. */
export async function articleView(db: Db, id: number) {
  const [row] = await listArticles(db, eq(articles.id, id), 1);
  if (!row) return undefined;
  const [full] = await db
    .select({ body: articles.body, leadPhotoKey: articles.leadPhotoKey, leadPhotoCaption: articles.leadPhotoCaption, photos: articles.photos, version: articles.version })
    .from(articles)
    .where(eq(articles.id, id));
  return {
    ...row,
    body: full!.body,
    version: full!.version,
    bodyHtml: renderMarkdown(full!.body, { isAllowedImage: isOurPhotoUrl }),
    leadPhoto: full!.leadPhotoKey ? { key: full!.leadPhotoKey, url: photoUrl(full!.leadPhotoKey), caption: full!.leadPhotoCaption } : null,
    photos: full!.photos.map((p) => ({ ...p, url: photoUrl(p.key) })),
  };
}
export type ArticleView = NonNullable<Awaited<ReturnType<typeof articleView>>>;
