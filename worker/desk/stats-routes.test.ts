import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../lib/time.ts';
import { type DeskApp, deskApp, HOUR_MS, START } from './test-helpers.ts';

let d: DeskApp;
// Wednesday 2 December 2026: a repair filed at START (3 working days) was due at the end of Tuesday.
const NOW = START + 6 * DAY_MS;

/**
 * Renhe Road has no demo tickets, so every figure below is ours: three resolved after 10, 30
 * and 50 hours (rated 5 and 3), one overdue repair, one open within its time, one rejected
 * three weeks earlier.
 */
beforeAll(async () => {
  d = await deskApp();
  const renhe = { community: 'renhelu', compound: 'renhelu-6' };
  for (const [hours, score] of [
    [10, 5],
    [30, 3],
    [50, null],
  ] as const) {
    d.clock = START;
    const { number, token } = await d.fileOk({ ...renhe, category: 'parking' });
    await d.actOk('erqi-admin', number, { action: 'accept' });
    d.clock = START + hours * HOUR_MS;
    await d.actOk('erqi-admin', number, { action: 'resolve', note: '处理完毕' });
    if (score) expect((await d.t.post(`/api/tickets/${number}/rating`, { token, score })).status).toBe(201);
  }
  d.clock = START;
  await d.fileOk({ ...renhe, category: 'repairs' }); // due in 3 working days: overdue at NOW
  await d.fileOk({ ...renhe, category: 'culture-sports' }); // due in 7 days
  d.clock = START - 20 * DAY_MS;
  const old = await d.fileOk({ ...renhe, category: 'repairs' });
  await d.actOk('erqi-admin', old.number, { action: 'reject', reason: '不属于本社区' });
  d.clock = NOW;
});
afterAll(() => d.t.cleanup());

const stats = async (login: string, community: string) =>
  d.t.api.desk.stats.$get({ query: { community } }, { headers: await d.headers(login) });

describe('desk statistics', () => {
  it('counts open and overdue tickets, the median time to resolve and the average rating', async () => {
    const res = await stats('erqi-admin', 'renhelu');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      community: { slug: 'renhelu' },
      open: 2,
      overdue: 1,
      resolvedLastYear: 3,
      medianHoursToResolve: 30,
      averageRating: 4,
      ratingCount: 2,
    });
    expect(body.openByCategory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '报修', open: 1 }),
        expect.objectContaining({ name: '文体活动', open: 1 }),
      ]),
    );
    expect(body.openByCategory).toHaveLength(2);
  });

  it('gives the last 8 weeks, oldest first, ending now', async () => {
    const { weeks } = await (await stats('erqi-admin', 'renhelu')).json();
    expect(weeks).toHaveLength(8);
    expect(weeks.map((w) => w.from)).toEqual(Array.from({ length: 8 }, (_, i) => NOW - (8 - i) * 7 * DAY_MS));
    expect(weeks[7]).toEqual({ from: NOW - 7 * DAY_MS, opened: 5, resolved: 3 });
    // The rejected ticket was filed 24 days before now: in the week from 28 to 21 days ago.
    expect(weeks[4]).toMatchObject({ opened: 1, resolved: 0 });
    expect(weeks.reduce((sum, w) => sum + w.opened, 0)).toBe(6);
  });

  it('takes the median of an even number as the mean of the middle two', async () => {
    d.clock = START;
    const { number } = await d.fileOk({ community: 'renhelu', compound: undefined, category: 'parking' });
    await d.actOk('erqi-admin', number, { action: 'accept' });
    d.clock = START + 70 * HOUR_MS;
    await d.actOk('erqi-admin', number, { action: 'resolve', note: '处理完毕' });
    d.clock = NOW;
    expect(await (await stats('erqi-admin', 'renhelu')).json()).toMatchObject({
      medianHoursToResolve: 40,
      resolvedLastYear: 4,
    });
  });

  it('answers nothing to resolve and no rating with nulls, not zeros', async () => {
    const body = await (await stats('erqi-admin', 'jieyunlu')).json();
    expect(body).toMatchObject({
      open: 0,
      overdue: 0,
      medianHoursToResolve: null,
      averageRating: null,
      ratingCount: 0,
    });
  });

  it('shows a community to those who may read its tickets', async () => {
    expect((await stats('yongan', 'yongan')).status).toBe(200);
    expect((await stats('jianzhongjie', 'yongan')).status).toBe(200);
    for (const [login, community, status] of [
      ['yongan', 'renhelu', 404],
      ['jianzhongjie', 'renhelu', 404],
      ['weihongmin', 'jieyunlu', 403],
      ['erqi-admin', 'atlantis', 404],
    ] as const) {
      const res = await stats(login, community);
      expect([login, community, res.status]).toEqual([login, community, status]);
      expect(await res.json()).toHaveProperty('error.code');
    }
  });
});
