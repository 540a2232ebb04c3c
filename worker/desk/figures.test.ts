import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, ticketCategories, tickets } from '../../schema/index.ts';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, HOUR_MS, START } from './test-helpers.ts';

let d: DeskApp;
// Over a year after the demo tickets, so the last 90 days hold only the tickets made here.
const NOW = START + 400 * DAY_MS;
type Extra = Omit<Partial<typeof tickets.$inferInsert>, 'communityId'>;

/**
 * Yong'an: 12 cases (6 fixed, 3 closed but not fixed, 3 open of which 1 overdue and 1 paused),
 * plus a duplicate and one filed 100 days ago that do not count. Jieyun Road 10 cases, half
 * fixed (ties with Yong'an); Gongren Road 12, 9 fixed; Renhe Road 9, all fixed (too few to rank).
 */
beforeAll(async () => {
  d = await deskApp();
  d.clock = NOW;
  const db = d.t.db;
  const ids = Object.fromEntries((await db.select().from(communities)).map((c) => [c.slug, c]));
  const [category] = await db.select().from(ticketCategories).limit(1);
  let i = 0;
  const make = (slug: string, count: number, extra: Extra) =>
    Array.from({ length: count }, () => {
      const createdAt = NOW - (++i % 80) * DAY_MS - HOUR_MS;
      return {
        number: `FIG-${i}`,
        tokenHash: 'x',
        subdistrictId: ids[slug]!.subdistrictId,
        communityId: ids[slug]!.id,
        categoryId: category!.id,
        owner: 'community' as const,
        description: '楼道灯不亮了很久',
        location: '3号楼2单元',
        name: '王大爷',
        phone: '13900000099',
        dueAt: NOW + DAY_MS,
        createdAt,
        updatedAt: createdAt,
        ...extra,
      };
    });
  const fixed = { status: 'resolved' as const, resolvedAt: NOW - 2 * HOUR_MS };
  const open = { status: 'in_progress' as const };
  await db
    .insert(tickets)
    .values([
      ...make('yongan', 5, fixed),
      ...make('yongan', 1, { ...fixed, status: 'closed', rating: 4, followUpResult: 'not_satisfied' }),
      ...make('yongan', 1, { ...fixed, rating: 2, followUpResult: 'satisfied' }),
      ...make('yongan', 1, { ...fixed, status: 'closed', followUpResult: 'not_satisfied' }),
      ...make('yongan', 1, { status: 'rejected', closedAt: NOW - HOUR_MS }),
      ...make('yongan', 1, { ...open, dueAt: NOW - HOUR_MS }),
      ...make('yongan', 1, { status: 'accepted', dueAt: NOW - HOUR_MS, pausedAt: NOW - 2 * HOUR_MS }),
      ...make('yongan', 1, { status: 'submitted' }),
      ...make('yongan', 1, { status: 'duplicate' }),
      ...make('yongan', 1, { ...fixed, createdAt: NOW - 100 * DAY_MS }),
      ...make('jieyunlu', 5, fixed),
      ...make('jieyunlu', 5, open),
      ...make('gongrenlu', 9, fixed),
      ...make('gongrenlu', 3, open),
      ...make('renhelu', 9, fixed),
    ]);
});
afterAll(() => d.t.cleanup());

const figures = (query: Record<string, string>) => d.t.api.board.figures.$get({ query });

describe('the public board figures', () => {
  it('split a community’s cases into fixed, closed but not fixed, overdue and open', async () => {
    const res = await figures({ community: 'yongan' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const body = await res.json();
    expect(body).toMatchObject({ place: { kind: 'community', slug: 'yongan' }, days: 90, minCasesToRank: 10 });
    expect(body.communities).toEqual([
      {
        community: { kind: 'community', slug: 'yongan', name: '永安社区', nameEn: expect.any(String) },
        cases: 12,
        fixed: 6,
        closedNotFixed: 3,
        overdue: 1,
        open: 3,
        rank: 1,
        tooFewToRank: false,
      },
    ]);
  });

  it('rank only communities with at least 10 cases, ties sharing a rank', async () => {
    const body = await (await figures({ district: '1' })).json();
    const ranks = Object.fromEntries(body.communities.map((c) => [c.community.slug, [c.rank, c.tooFewToRank]]));
    expect(ranks).toEqual({
      gongrenlu: [1, false],
      jieyunlu: [2, false],
      yongan: [2, false],
      renhelu: [null, true],
    });
    expect(body.communities.map((c) => c.community.slug)).toEqual(['gongrenlu', 'jieyunlu', 'yongan', 'renhelu']);
    expect(body.communities.find((c) => c.community.slug === 'renhelu')).toMatchObject({ cases: 9, fixed: 9 });
  });

  it('count a shorter period, and a sub-district’s communities only', async () => {
    const week = await (await figures({ community: 'renhelu', days: '7' })).json();
    expect(week.communities[0]!.cases).toBeLessThan(9);
    const sub = await (await figures({ subdistrict: 'jianzhongjie' })).json();
    expect(sub.communities.map((c) => c.community.slug)).toEqual(['yongan']);
  });

  it('never carry a name, a phone or a ticket’s text', async () => {
    const text = await (await figures({ district: '1' })).text();
    for (const secret of ['王大爷', '13900000099', '楼道灯', '3号楼', 'FIG-', 'phone', 'description']) {
      expect(text).not.toContain(secret);
    }
  });

  it('name the field at fault', async () => {
    for (const [query, fields] of [
      [{ community: 'yongan', subdistrict: 'jianzhongjie' }, ['community', 'subdistrict']],
      [{ district: '1', days: '0' }, ['days']],
      [{ district: '1', days: '400' }, ['days']],
      [{}, ['community']],
    ] as const) {
      const res = await figures(query);
      expect(res.status).toBe(400);
      expect(Object.keys((await errorOf(res)).error.fields ?? {}).sort()).toEqual([...fields].sort());
    }
    expect((await figures({ community: 'atlantis' })).status).toBe(404);
  });
});
