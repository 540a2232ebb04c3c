import { and, count, eq, max, type SQL, sql } from 'drizzle-orm';
import { articles } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';
import { communityBySlug } from '../places/places.ts';
import {
  communityScope,
  listArticles,
  olderThan,
  readerScope,
  searchCondition,
  summariesQuery,
  toSummary,
} from './articles.ts';

export type ReaderFilter = { community?: string; subdistrict?: string; column?: string; q?: string };
type Cursor = { publishedAt: number; id: number };

/** The published articles a reader's filter selects, as the news list and the feeds read them. */
export type Selection = {
  /** How many there are and when the latest changed: what the list's validator is made of. */
  stats(): Promise<{ n: number; latest: number | null }>;
  /** A page, newest first, older than `before` when given. */
  page(limit: number, before?: Cursor): Promise<ReturnType<typeof toSummary>[]>;
};

/** The published articles a filter selects, as a SQL condition (null: the place does not exist). */
export async function publishedWhere(db: Db, q: ReaderFilter): Promise<SQL | null> {
  const scope = await readerScope(db, q);
  if (scope === null) return null;
  return and(
    eq(articles.status, 'published'),
    scope,
    q.column ? eq(articles.kicker, q.column) : undefined,
    q.q ? searchCondition(q.q) : undefined,
  )!;
}

const statsColumns = { n: count(), latest: max(articles.updatedAt) };

// The list a community's residents open (no column, no search) is the hottest read of the news,
// so its two statements are prepared; every other filter is built per request.
const inCommunity = and(
  eq(articles.status, 'published'),
  communityScope(sql.placeholder('communityId'), sql.placeholder('subdistrictId')),
);
const communityStats = prepared((db) => db.select(statsColumns).from(articles).where(inCommunity).prepare());
const communityPage = prepared((db) =>
  summariesQuery(
    db,
    and(inCommunity, olderThan({ publishedAt: sql.placeholder('publishedAt'), id: sql.placeholder('id') })),
    sql.placeholder('limit'),
  ).prepare(),
);
/** Before every article: the cursor of a first page. */
const FIRST: Cursor = { publishedAt: Number.MAX_SAFE_INTEGER, id: 0 };

/**
 * What a reader's filter selects (null: the place does not exist).
 * @example
 * const selection = await readerSelection(db, { community: 'yongan' });
 * const firstPage = selection && (await selection.page(20));
 */
export async function readerSelection(db: Db, q: ReaderFilter): Promise<Selection | null> {
  if (q.community && !q.column && !q.q) {
    const place = await communityBySlug(db).get({ slug: q.community });
    if (!place) return null;
    const ids = { communityId: place.id, subdistrictId: place.subdistrictId };
    return {
      stats: async () => (await communityStats(db).get(ids))!,
      page: async (limit, before = FIRST) => (await communityPage(db).all({ ...ids, ...before, limit })).map(toSummary),
    };
  }
  const where = await publishedWhere(db, q);
  if (!where) return null;
  return {
    stats: async () => (await db.select(statsColumns).from(articles).where(where))[0]!,
    page: (limit, before) => listArticles(db, where, limit, before),
  };
}
