import { eq } from 'drizzle-orm';
import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, communities, subdistricts } from '../../schema/index.ts';
import { errorOf, testApp } from '../test-helpers.ts';

let t: Awaited<ReturnType<typeof testApp>>;

// Beside the demo news: a second community in Yong'an's sub-district with a report of its own,
// a report of that sub-district itself, and one for the whole district.
beforeAll(async () => {
  t = await testApp();
  const [jianzhongjie] = await t.db.select().from(subdistricts).where(eq(subdistricts.slug, 'jianzhongjie'));
  const [neighbour] = await t.db
    .insert(communities)
    .values({
      subdistrictId: jianzhongjie!.id,
      slug: 'heping',
      code: 'HP',
      name: '和平社区',
      nameEn: 'Heping Community',
    })
    .returning();
  const at = Date.UTC(2021, 11, 10);
  const article = (headline: string, where: { subdistrictId?: number; communityId?: number }, i: number) => ({
    headline,
    body: `${headline}。本报讯。`,
    summary: headline,
    status: 'published' as const,
    publishedAt: at + i,
    createdAt: at,
    updatedAt: at + i,
    ...where,
  });
  await t.db
    .insert(articles)
    .values([
      article('和平社区楼道灯修好了', { subdistrictId: jianzhongjie!.id, communityId: neighbour!.id }, 1),
      article('建中街街道冬季供暖通知', { subdistrictId: jianzhongjie!.id }, 2),
      article('二七区防范养老诈骗提醒', {}, 3),
    ]);
});
afterAll(() => t.cleanup());

type Query = InferRequestType<Awaited<ReturnType<typeof testApp>>['api']['news']['$get']>['query'];
const headlines = async (query: Query) => {
  const res = await t.api.news.$get({ query });
  if (res.status !== 200) throw new Error(`news list failed: ${res.status} ${await res.text()}`);
  return (await res.json()).articles.map((a) => a.headline);
};

describe('news wider than one community', () => {
  it("a Yong'an resident reads the whole sub-district: the neighbouring community's news too", async () => {
    expect(await headlines({ community: 'yongan' })).toEqual([
      '二七区防范养老诈骗提醒',
      '建中街街道冬季供暖通知',
      '“合署办公”一站式服务 让居民不再往返跑',
    ]);
    expect(await headlines({ subdistrict: 'jianzhongjie' })).toEqual([
      '二七区防范养老诈骗提醒',
      '建中街街道冬季供暖通知',
      '和平社区楼道灯修好了',
      '“合署办公”一站式服务 让居民不再往返跑',
    ]);
  });

  it("the whole district is everything published, and there a Yong'an resident finds the Small-Stool Class", async () => {
    expect(await headlines({ community: 'yongan', q: '小板凳' })).toEqual([]);
    expect(await headlines({ subdistrict: 'jianzhongjie', q: '小板凳' })).toEqual([]);
    expect(await headlines({ district: '1', q: '小板凳' })).toEqual([
      '“小板凳课堂”下一课：疫情防控和卫生健康',
      '小板凳大课堂 小区院里传党音',
    ]);
    const all = await headlines({ district: '1' });
    expect(all).toHaveLength(9);
    // No place at all still means the whole district, as feeds and old links ask.
    expect(await headlines({})).toEqual(all);
    // Short words search the wider places too.
    expect(await headlines({ subdistrict: 'jianzhongjie', q: '和平' })).toEqual(['和平社区楼道灯修好了']);
  });

  it('answers 400 naming each field for two places at once or a district other than 1', async () => {
    for (const [query, fields] of [
      ['community=yongan&district=1', ['community', 'district']],
      ['subdistrict=jianzhongjie&district=1', ['subdistrict', 'district']],
      ['community=yongan&subdistrict=jianzhongjie', ['community', 'subdistrict']],
      ['district=erqi', ['district']],
      ['district=', ['district']],
    ] as const) {
      const res = await t.app.request(`/api/news?${query}`);
      expect(res.status, query).toBe(400);
      const { error } = await errorOf(res);
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}).sort(), query).toEqual([...fields].sort());
    }
    expect((await t.app.request('/api/news?subdistrict=atlantis&q=小板凳')).status).toBe(404);
  });
});
