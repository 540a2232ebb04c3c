import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, communities } from '../../schema/index.ts';
import { freshDatabase } from '../node/test-database.ts';
import { communityScope, listArticles, olderThan, summariesQuery, toSummary } from './articles.ts';
import { readSelection } from './selection.ts';

let t: Awaited<ReturnType<typeof freshDatabase>>;
let places: { id: number; slug: string; subdistrictId: number }[];

beforeAll(async () => {
  t = await freshDatabase({ demo: true });
  places = await t.db
    .select({ id: communities.id, slug: communities.slug, subdistrictId: communities.subdistrictId })
    .from(communities);
  // Articles everywhere: a community's, a sub-district's only, district-wide; drafts and
  // unpublished ones; few distinct publishing times, so the cursor has ties to break.
  const statuses = ['published', 'published', 'published', 'draft', 'unpublished'] as const;
  const rows = Array.from({ length: 150 }, (_, i) => {
    const place = places[i % places.length]!;
    const where =
      i % 7 === 0
        ? {}
        : i % 3 === 0
          ? { subdistrictId: place.subdistrictId }
          : { subdistrictId: place.subdistrictId, communityId: place.id };
    const status = statuses[i % statuses.length]!;
    const at = Date.UTC(2021, 5, 1 + (i % 9));
    return {
      headline: `文章 ${i}`,
      body: '正文',
      summary: '正文',
      status,
      publishedAt: status === 'draft' ? null : at,
      createdAt: at,
      updatedAt: at + i,
      ...where,
    };
  });
  await t.db.insert(articles).values(rows);
});
afterAll(() => t.cleanup());

/** Every page of a selection, following the cursor as the client does. */
async function allPages(
  page: (before?: { publishedAt: number; id: number }) => Promise<{ id: number; publishedAt: number | null }[]>,
) {
  const seen: unknown[] = [];
  let before: { publishedAt: number; id: number } | undefined;
  for (;;) {
    const rows = await page(before);
    seen.push(...rows);
    if (rows.length < 4) return seen;
    const last = rows.at(-1)!;
    before = { publishedAt: last.publishedAt!, id: last.id };
  }
}

describe("a community's news list (one batch, the place by subqueries)", () => {
  it('selects, orders, pages and counts exactly as the same filter by the place ids', async () => {
    expect(places.length).toBeGreaterThan(3);
    for (const place of places) {
      const read = (before?: { publishedAt: number; id: number }) =>
        readSelection(t.db, { community: place.slug }, (where) =>
          summariesQuery(t.db, before ? and(where, olderThan(before)) : where, 4),
        );
      const byIds = and(eq(articles.status, 'published'), communityScope(place.id, place.subdistrictId))!;
      const batched = await allPages(async (before) => (await read(before))!.rows.map(toSummary));
      const built = await allPages((before) => listArticles(t.db, byIds, 4, before));
      expect(batched.length).toBeGreaterThan(4);
      expect(batched).toEqual(built);
      expect((await read())!.stats).toEqual({
        n: built.length,
        latest: Math.max(...built.map((a) => (a as { updatedAt: number }).updatedAt)),
      });
    }
  });

  it('knows no community or sub-district that does not exist, and names those that do', async () => {
    const page = (where: Parameters<typeof summariesQuery>[1]) => summariesQuery(t.db, where, 4);
    expect(await readSelection(t.db, { community: 'nowhere' }, page)).toBeNull();
    expect(await readSelection(t.db, { subdistrict: 'nowhere' }, page)).toBeNull();
    const [community] = await t.db.select().from(communities).where(eq(communities.slug, places[0]!.slug));
    expect((await readSelection(t.db, { community: community!.slug }, page))?.placeName).toBe(community!.name);
    expect((await readSelection(t.db, {}, page))?.placeName).toBeUndefined();
  });
});
