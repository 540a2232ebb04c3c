import { and, desc, eq, isNull, lt, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { articles, communities, subdistricts } from '../../schema/index.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { isPhotoKey } from '../lib/photos.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';
import { communityIdOf, communitySubdistrictIdOf, subdistrictIdOf } from '../places/places.ts';
import { formatCredits } from './credits.ts';

/** Our own photo store is the only place article images may come from. */
export const photoUrl = (key: string) => `/photos/${key}`;
export const isOurPhotoUrl = (url: string) => url.startsWith('/photos/') && isPhotoKey(url.slice('/photos/'.length));

const published = eq(articles.status, 'published');
const districtWide = and(published, isNull(articles.subdistrictId), isNull(articles.communityId));

/**
 * The published news a community's residents read: its own, its sub-district's and district-wide.
 * Each part names the status itself, so SQLite reads each part from an index (the place's own
 * articles only) instead of every published article of the district.
 */
export const communityScope = (communityId: number | SQL, subdistrictId: number | SQL) =>
  or(
    and(published, eq(articles.communityId, communityId)),
    and(published, isNull(articles.communityId), eq(articles.subdistrictId, subdistrictId)),
    districtWide,
  )!;

/** The published news where a reader stands: a community (see `communityScope`), a sub-district with district-wide news, or everything. */
export function readerScope(where: { community?: string; subdistrict?: string }): SQL {
  // The place by subqueries, so the read needs no lookup first (the caller asks whether it exists).
  if (where.community) return communityScope(communityIdOf(where.community), communitySubdistrictIdOf(where.community));
  if (where.subdistrict)
    return or(and(published, eq(articles.subdistrictId, subdistrictIdOf(where.subdistrict))), districtWide)!;
  return published;
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
        : or(
            sql`${articles.headline} like ${`%${escapeLike(term)}%`} escape '\\'`,
            sql`${articles.body} like ${`%${escapeLike(term)}%`} escape '\\'`,
          ),
    ),
  );
}

/** The columns of an article summary, with its places. */
const summaryColumns = {
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
};
type JoinedPlace = { slug: string | null; name: string | null; nameEn: string | null } | null;

/** A summary as readers get it: credits printed like the paper, no empty place, the photo's address. */
export function toSummary<
  R extends {
    leadPhotoKey: string | null;
    credits: Parameters<typeof formatCredits>[0];
    subdistrict: JoinedPlace;
    community: JoinedPlace;
  },
>({ leadPhotoKey, ...r }: R) {
  return {
    ...r,
    creditLine: formatCredits(r.credits),
    subdistrict: r.subdistrict?.slug ? r.subdistrict : null,
    community: r.community?.slug ? r.community : null,
    leadPhoto: leadPhotoKey ? photoUrl(leadPhotoKey) : null,
  };
}

type Cursor<V> = { publishedAt: V; id: V };

/** Articles older than the cursor, the last one a reader has seen. */
export const olderThan = (before: Cursor<number> | Cursor<Placeholder>) =>
  or(
    lt(articles.publishedAt, before.publishedAt),
    and(eq(articles.publishedAt, before.publishedAt), lt(articles.id, before.id)),
  );

/** Article summaries newest first, with their places (run it, or prepare it with placeholders). */
export const summariesQuery = (db: Db, where: SQL | undefined, limit: number | Placeholder) =>
  db
    .select(summaryColumns)
    .from(articles)
    .leftJoin(subdistricts, eq(subdistricts.id, articles.subdistrictId))
    .leftJoin(communities, eq(communities.id, articles.communityId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);

/** A page of article summaries, newest first; `before` is the cursor of the last one seen. */
export async function listArticles(db: Db, where: SQL | undefined, limit: number, before?: Cursor<number>) {
  const rows = await summariesQuery(db, and(where, before ? olderThan(before) : undefined), limit);
  return rows.map(toSummary);
}

/** One article with everything its page shows: the hottest read of the news, so prepared. */
/** Whole articles newest first, with their places: what an article's page and the feeds show (see `toView`). */
export const articlesQuery = (db: Db, where: SQL, limit = 1) =>
  db
    .select({
      ...summaryColumns,
      body: articles.body,
      leadPhotoCaption: articles.leadPhotoCaption,
      photos: articles.photos,
      version: articles.version,
    })
    .from(articles)
    .leftJoin(subdistricts, eq(subdistricts.id, articles.subdistrictId))
    .leftJoin(communities, eq(communities.id, articles.communityId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
const articleById = prepared((db) => articlesQuery(db, eq(articles.id, sql.placeholder('id'))).prepare());

/** Bodies rendered lately: an article is read far more often than it is edited. */
const rendered = new Map<string, string>();
const RENDERED_KEPT = 200;

function bodyHtml(body: string): string {
  let html = rendered.get(body);
  if (html === undefined) {
    html = renderMarkdown(body, { isAllowedImage: isOurPhotoUrl });
    if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
    rendered.set(body, html);
  }
  return html;
}

/** One article as residents read it: body rendered to safe HTML, credits as the paper prints them. */
export async function articleView(db: Db, id: number) {
  const row = await articleById(db).get({ id });
  return row && toView(row);
}

/** A row of `articlesQuery` as residents read it. */
export function toView(row: Awaited<ReturnType<typeof articlesQuery>>[number]) {
  const { body, leadPhotoCaption, photos, version, ...summary } = row;
  return {
    ...toSummary(summary),
    body,
    version,
    bodyHtml: bodyHtml(body),
    leadPhoto: summary.leadPhotoKey
      ? { key: summary.leadPhotoKey, url: photoUrl(summary.leadPhotoKey), caption: leadPhotoCaption }
      : null,
    photos: photos.map((p) => ({ ...p, url: photoUrl(p.key) })),
  };
}
export type ArticleView = ReturnType<typeof toView>;
