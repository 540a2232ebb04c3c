import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { type ArticleCredit, articles, communities, subdistricts } from '../../../schema/index.ts';
import type { Db } from '../../lib/platform.ts';
import { summaryOf } from '../../news/editing.ts';

const body = (name: string) => readFileSync(new URL(`./news/${name}.md`, import.meta.url), 'utf8');
const jingJing = (contribution: ArticleCredit['contribution']): ArticleCredit => ({
  name: '景静',
  role: 'reporter',
  contribution,
});
const correspondent = (name: string, contribution: ArticleCredit['contribution']): ArticleCredit => ({
  name,
  role: 'correspondent',
  contribution,
});

/**
 * The five reports of the newspaper page (late 2021, dates kept) and one short Loudspeaker
 * bulletin. Text as printed, with Chinese punctuation; the page's photos are not available.
 */
const reports = [
  {
    place: 'renhelu',
    kicker: '学党史办实事',
    headline: '“五民工程”打造“五心楼院” 老旧小区变身和美小院',
    body: body('huaihelu'),
    credits: [jingJing('both'), correspondent('张秀玉', 'both')],
    publishedAt: '2021-12-03T08:00:00+08:00',
  },
  {
    place: 'yongan',
    kicker: '学党史办实事',
    headline: '“合署办公”一站式服务 让居民不再往返跑',
    body: body('jianzhongjie'),
    credits: [jingJing('both'), correspondent('吴陕南', 'both')],
    publishedAt: '2021-12-03T08:01:00+08:00',
  },
  {
    place: 'gongrenlu',
    kicker: '学党史办实事',
    headline: '爱心助残 上门换卡暖人心',
    body: body('songshanlu'),
    credits: [jingJing('text'), correspondent('崔丹花', 'text')],
    publishedAt: '2021-12-03T08:02:00+08:00',
  },
  {
    place: 'mifengzhang',
    kicker: '社区小喇叭',
    headline: '借助党建工具箱 开展“三位一体”宣讲',
    body: body('mifengzhang'),
    credits: [jingJing('text'), correspondent('李胜楠', 'text')],
    publishedAt: '2021-12-03T08:03:00+08:00',
  },
  {
    place: 'jieyunlu',
    kicker: '学党史办实事',
    headline: '小板凳大课堂 小区院里传党音',
    body: body('jingguanglu'),
    credits: [jingJing('both'), correspondent('魏红敏', 'both')],
    publishedAt: '2021-12-03T08:04:00+08:00',
  },
  {
    place: 'jieyunlu',
    kicker: '社区小喇叭',
    headline: '“小板凳课堂”下一课：疫情防控和卫生健康',
    body: '洁云路社区党委的“小板凳课堂”还将兼顾疫情防控、卫生健康、法律法规、创卫创文等方面知识。下一课在铁道洁云里小区广场，欢迎居民带上小板凳来听，时间见“活动”页。',
    credits: [correspondent('魏红敏', 'text')],
    publishedAt: '2021-12-06T09:00:00+08:00',
  },
];

/** Loads the demo news once (an existing article with the same headline is left alone). */
export async function loadDemoNews(db: Db): Promise<void> {
  for (const r of reports) {
    const [exists] = await db.select({ n: count() }).from(articles).where(eq(articles.headline, r.headline));
    if (exists!.n > 0) continue;
    const [community] = await db.select().from(communities).where(eq(communities.slug, r.place));
    const [subdistrict] = community ? [] : await db.select().from(subdistricts).where(eq(subdistricts.slug, r.place));
    const at = Date.parse(r.publishedAt);
    await db.insert(articles).values({
      headline: r.headline,
      kicker: r.kicker,
      subdistrictId: community?.subdistrictId ?? subdistrict?.id ?? null,
      communityId: community?.id ?? null,
      body: r.body,
      summary: summaryOf(r.body),
      credits: r.credits,
      status: 'published',
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
}
