import { and, count, eq, max, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { articles, communities, subdistricts } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { readerScope, searchCondition } from './articles.ts';

export type ReaderFilter = { community?: string; subdistrict?: string; column?: string; q?: string };
/** The published articles a filter selects, as a SQL condition. */
export function publishedWhere(q: ReaderFilter): SQL {
  return and(
    readerScope(q),
    q.column ? eq(articles.kicker, q.column) : undefined,
    q.q ? searchCondition(q.q) : undefined,
  )!;
}

/**
 * What a reader's filter selects, in one round trip: how many articles there are and when the
 * latest changed (what the list's and the feeds' validators are made of), the page that `page`
 * reads from the condition, and the place's name (null: the place does not exist).
 * @example const found = await readSelection(db, { community: 'yongan' }, (where) => summariesQuery(db, where, 20))
 */
export async function readSelection<Page extends BatchItem<'sqlite'>>(
  db: Db,
  q: ReaderFilter,
  page: (where: SQL) => Page,
): Promise<{ stats: { n: number; latest: number | null }; rows: Awaited<Page>; placeName?: string } | null> {
  const where = publishedWhere(q);
  const [[stats], rows, [place]] = await db.batch([
    db
      .select({ n: count(), latest: max(articles.updatedAt) })
      .from(articles)
      .where(where),
    page(where),
    db.all<{ name: string }>(
      q.community
        ? sql`select ${communities.name} as name from ${communities} where ${communities.slug} = ${q.community}`
        : q.subdistrict
          ? sql`select ${subdistricts.name} as name from ${subdistricts} where ${subdistricts.slug} = ${q.subdistrict}`
          : sql`select null as name`,
    ),
  ]);
  if ((q.community || q.subdistrict) && !place) return null;
  return { stats: stats!, rows: rows as Awaited<Page>, placeName: place?.name ?? undefined };
}
