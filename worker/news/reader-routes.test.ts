import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const shell =
  '<!doctype html><html><head><meta name="description" content="x" /><title>邻里 Linli</title><meta name="linli-modules-article" content="/assets/article-a1.js /assets/format-b2.js"></head><body></body></html>';

beforeAll(async () => {
  t = await testApp({ shell: async () => shell });
});
afterAll(() => t.cleanup());

type Query = InferRequestType<Awaited<ReturnType<typeof testApp>>['api']['news']['$get']>['query'];
const list = async (query: Query = {}) => {
  const res = await t.api.news.$get({ query });
  if (res.status !== 200) throw new Error(`news list failed: ${res.status}`);
  return res.json();
};
const headlines = async (query: Query = {}) => (await list(query)).articles.map((a) => a.headline);

describe('reading news', () => {
  it("lists a community's own news, its sub-district's and district-wide ones, newest first", async () => {
    expect(await headlines({ community: 'jieyunlu' })).toEqual([
      '“小板凳课堂”下一课：疫情防控和卫生健康',
      '小板凳大课堂 小区院里传党音',
    ]);
    expect(await headlines({ community: 'yongan' })).toEqual(['“合署办公”一站式服务 让居民不再往返跑']);
    expect(await headlines({ subdistrict: 'mifengzhang' })).toEqual(['借助党建工具箱 开展“三位一体”宣讲']);
    expect((await headlines()).length).toBe(6);
  });

  it('renders credits the way the paper does', async () => {
    const { articles } = await list({ community: 'yongan' });
    expect(articles[0]!.creditLine.zh).toBe('记者 景静 通讯员 吴陕南 文/图');
    const songshan = await list({ community: 'gongrenlu' });
    expect(songshan.articles[0]!.creditLine.zh).toBe('记者 景静 通讯员 崔丹花');
  });

  it('filters by column (the Community Loudspeaker)', async () => {
    expect(await headlines({ column: '社区小喇叭' })).toEqual([
      '“小板凳课堂”下一课：疫情防控和卫生健康',
      '借助党建工具箱 开展“三位一体”宣讲',
    ]);
  });

  it('finds Chinese words: 小板凳 finds the Jieyun Road report, and two-character words work too', async () => {
    expect(await headlines({ q: '小板凳' })).toContain('小板凳大课堂 小区院里传党音');
    expect(await headlines({ q: '合署办公' })).toEqual(['“合署办公”一站式服务 让居民不再往返跑']);
    expect(await headlines({ q: '物业' })).toEqual(['“合署办公”一站式服务 让居民不再往返跑']);
    expect(await headlines({ q: '社保卡 银行' })).toEqual(['爱心助残 上门换卡暖人心']);
    expect(await headlines({ q: '没有这种内容的词' })).toEqual([]);
    expect(await headlines({ q: '"%_' })).toEqual([]);
  });

  it('pages with a cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 4; page++) {
      const result = await list({ limit: '2', before: cursor || undefined });
      seen.push(...result.articles.map((a) => a.headline));
      if (!result.nextBefore) break;
      cursor = result.nextBefore;
    }
    expect(seen).toEqual(await headlines());
  });

  it('answers 304 for an unchanged list or article, and a bad query with 400', async () => {
    const first = await t.app.request('/api/news?community=yongan');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect((await t.app.request('/api/news?community=yongan', { headers: { 'If-None-Match': etag } })).status).toBe(
      304,
    );
    const article = await t.app.request('/api/news/2');
    expect(
      (await t.app.request('/api/news/2', { headers: { 'If-None-Match': article.headers.get('etag')! } })).status,
    ).toBe(304);
    expect((await t.app.request('/api/news?community=NOT OK')).status).toBe(400);
    expect((await t.app.request('/api/news?community=nowhere')).status).toBe(404);
    expect((await t.app.request('/api/news/999')).status).toBe(404);
  });

  it('serves an article page with Open Graph tags for link previews', async () => {
    const res = await t.app.request('https://linli.example/news/5');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta property="og:title" content="小板凳大课堂 小区院里传党音" />');
    expect(html).toContain('<meta property="og:url" content="https://linli.example/news/5" />');
    expect(html).toContain('<meta property="og:image" content="https://linli.example/share.png" />');
    expect(html).toContain('<title>小板凳大课堂 小区院里传党音 · 邻里</title>');
    // The article's JSON is on its way with the app's code, in the credentials mode of fetch().
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/news/5" />');
    // The article page's code, which the build listed in the shell, downloads with the main code.
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/article-a1.js" />');
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/format-b2.js" />');
    expect(html).not.toContain('linli-modules-article');
    expect((await t.app.request('/news/999')).status).toBe(404);
  });
});

describe('feeds', () => {
  it('serves RSS, Atom and JSON Feed for a community, with absolute links', async () => {
    const rss = parseRssFeed(
      await (await t.app.request('https://linli.example/feeds/news.rss?community=jieyunlu')).text(),
    );
    expect(rss.title).toBe('邻里 · 洁云路社区新闻');
    expect(rss.items?.map((i) => i.link)).toEqual(['https://linli.example/news/6', 'https://linli.example/news/5']);
    const atom = parseAtomFeed(
      await (await t.app.request('https://linli.example/feeds/news.atom?subdistrict=jianzhongjie')).text(),
    );
    expect(atom.entries?.map((e) => e.title?.value)).toEqual(['“合署办公”一站式服务 让居民不再往返跑']);
    const json = parseJsonFeed(await (await t.app.request('https://linli.example/feeds/news.json')).text());
    expect(json.items?.length).toBe(6);
    expect(json.items?.[0]?.url).toMatch(/^https:\/\/linli\.example\/news\/\d+$/);
  });

  it('answers a conditional GET with 304 until something is published', async () => {
    const first = await t.app.request('/feeds/news.rss');
    const etag = first.headers.get('etag')!;
    expect((await t.app.request('/feeds/news.rss', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect(
      (
        await t.app.request('/feeds/news.rss', {
          headers: { 'If-Modified-Since': first.headers.get('last-modified')! },
        })
      ).status,
    ).toBe(304);
    expect((await t.app.request('/feeds/news.rss?community=nowhere')).status).toBe(404);
  });
});
