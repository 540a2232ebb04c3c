import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePng } from '../node/sample-photos.ts';
import { errorOf, testApp } from '../test-helpers.ts';

let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  for (const login of ['erqi-admin', 'jianzhongjie', 'yongan', 'yongan-wuye', 'weihongmin', 'jieyunlu'])
    tokens[login] = await t.signIn(login);
});
afterAll(() => t.cleanup());

const as = (login: string) => t.bearer(tokens[login]!);
const draft = (place: string | null, extra: Record<string, unknown> = {}) => ({
  headline: '洁云里广场新添健身器材',
  kicker: '社区小喇叭',
  place,
  body: '本报讯 近日，铁道洁云里小区广场新添了一组健身器材。',
  credits: [{ name: '魏红敏', role: 'correspondent', contribution: 'both' }],
  ...extra,
});
type Api = Awaited<ReturnType<typeof testApp>>['api'];
type ArticleInput = InferRequestType<Api['newsroom']['articles']['$post']>['json'];
/** Saves a new article as `login`; tests also send articles the validator must refuse. */
const save = async (login: string, article: Record<string, unknown>) =>
  t.api.newsroom.articles.$post({ json: article as ArticleInput }, { headers: as(login) });
const create = async (login: string, place: string | null, extra?: Record<string, unknown>) =>
  save(login, draft(place, extra));
/** Publishes or unpublishes an article as `login`. */
const flip = (action: 'publish' | 'unpublish', id: number, version: number, login: string) =>
  t.api.newsroom.articles[':id'][':action{publish|unpublish}'].$post(
    { param: { id: String(id), action }, json: { version } },
    { headers: as(login) },
  );

describe('who may draft and publish', () => {
  it.each([
    ['weihongmin', 'jieyunlu', 201],
    ['weihongmin', 'yongan', 404],
    ['yongan', 'yongan', 201],
    ['yongan', 'jieyunlu', 404],
    ['jianzhongjie', 'yongan', 201],
    ['jianzhongjie', 'jianzhongjie', 201],
    ['jianzhongjie', null, 404],
    ['erqi-admin', null, 201],
    ['yongan-wuye', 'yongan', 404],
  ])('%s drafting for %s → %i', async (login, place, status) => {
    expect((await create(login, place)).status).toBe(status);
  });

  it('a correspondent drafts, may not publish; community staff publish; residents see it at once', async () => {
    const before = await t.app.request('/api/news?community=jieyunlu');
    const { article } = await (await create('weihongmin', 'jieyunlu')).json();
    expect(article.status).toBe('draft');
    expect((await t.app.request(`/api/news/${article.id}`)).status).toBe(404);
    expect((await flip('publish', article.id, article.version, 'weihongmin')).status).toBe(403);
    expect((await flip('publish', article.id, article.version, 'yongan')).status).toBe(404);
    const published = await flip('publish', article.id, article.version, 'erqi-admin');
    expect(published.status).toBe(200);
    expect(
      (
        await t.app.request('/api/news?community=jieyunlu', {
          headers: { 'If-None-Match': before.headers.get('etag')! },
        })
      ).status,
    ).toBe(200);
    expect((await t.app.request(`/api/news/${article.id}`)).status).toBe(200);
    const feed = await (await t.app.request('/feeds/news.rss?community=jieyunlu')).text();
    expect(feed).toContain('洁云里广场新添健身器材');
    // Once published, a correspondent no longer edits it.
    const saved = await published.json();
    expect(
      (
        await t.app.request(`/api/newsroom/articles/${article.id}`, {
          method: 'PUT',
          body: JSON.stringify({ ...draft('jieyunlu'), version: saved.article.version }),
          headers: { 'Content-Type': 'application/json', ...as('weihongmin') },
        })
      ).status,
    ).toBe(403);
  });

  it('unpublishing takes it off the public list', async () => {
    const { article } = await (await create('yongan', 'yongan', { headline: '永安社区停水通知' })).json();
    const pub = await (await flip('publish', article.id, 1, 'yongan')).json();
    expect((await t.app.request(`/api/news/${article.id}`)).status).toBe(200);
    expect((await flip('unpublish', article.id, pub.article.version, 'yongan')).status).toBe(200);
    expect((await t.app.request(`/api/news/${article.id}`)).status).toBe(404);
  });

  it('property staff may not use the newsroom', async () => {
    expect((await t.app.request('/api/newsroom/articles', { headers: as('yongan-wuye') })).status).toBe(403);
  });
});

describe('editing', () => {
  it('keeps every edit as a revision, and a stale version is a 409', async () => {
    const { article } = await (await create('yongan', 'yongan')).json();
    const put = (version: number, headline: string) =>
      t.app.request(`/api/newsroom/articles/${article.id}`, {
        method: 'PUT',
        body: JSON.stringify({ ...draft('yongan'), headline, version }),
        headers: { 'Content-Type': 'application/json', ...as('yongan') },
      });
    expect((await put(1, '第二稿')).status).toBe(200);
    expect((await put(1, '冲突稿')).status).toBe(409);
    const revisions = await (
      await t.api.newsroom.articles[':id'].revisions.$get(
        { param: { id: String(article.id) } },
        { headers: as('yongan') },
      )
    ).json();
    expect(revisions.revisions.map((r) => r.headline)).toEqual(['第二稿', '洁云里广场新添健身器材']);
  });

  it('renders bodies safely: no script, iframe, handlers or dangerous links survive', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<iframe src="https://evil.example"></iframe>',
      '<img src=x onerror=alert(1)>',
      '[点我](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [好链接](https://www.zzerqi.gov.cn)',
      '![外链图](https://evil.example/a.jpg)',
    ].join('\n\n');
    const { article } = await (await create('yongan', 'yongan', { body })).json();
    expect(article.bodyHtml).not.toMatch(/<(script|iframe|img)\b/);
    expect(article.bodyHtml).not.toMatch(/<[^>]*\son\w+=/);
    expect(article.bodyHtml).not.toMatch(/(href|src)="(javascript|data):/);
    expect(article.bodyHtml).toContain('&lt;script&gt;');
    expect(article.bodyHtml).toContain(
      '<a href="https://www.zzerqi.gov.cn" rel="noopener noreferrer nofollow" target="_blank">好链接</a>',
    );
  });

  it('names bad fields', async () => {
    const res = await save('yongan', {
      headline: '',
      body: '',
      credits: [{ name: '', role: 'editor', contribution: 'text' }],
    });
    expect(res.status).toBe(400);
    const { error } = await errorOf(res);
    expect(Object.keys(error.fields ?? {})).toEqual(
      expect.arrayContaining(['headline', 'body', 'credits.0.name', 'credits.0.role']),
    );
  });

  it('shows a photo publicly only once an article that uses it is published', async () => {
    const upload = await t.api.photos.$post(undefined, {
      init: { body: new Uint8Array(samplePng()), headers: { 'Content-Type': 'image/png' } },
    });
    const { key } = await upload.json();
    const { article } = await (await create('yongan', 'yongan', { leadPhoto: { key, caption: '新器材' } })).json();
    expect((await t.app.request(`/photos/${key}`)).status).toBe(404);
    expect((await t.app.request(`/photos/${key}`, { headers: as('yongan') })).status).toBe(200);
    // A draft's photo is for the newsroom of the draft's place, not every signed-in staff member.
    for (const login of ['jieyunlu', 'yongan-wuye']) {
      expect([login, (await t.app.request(`/photos/${key}`, { headers: as(login) })).status]).toEqual([login, 404]);
    }
    await flip('publish', article.id, article.version, 'yongan');
    const res = await t.app.request(`/photos/${key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const rss = await (await t.app.request('/feeds/news.rss?community=yongan')).text();
    expect(rss).toContain(
      `<enclosure url="http://localhost/photos/${key}" length="${samplePng().length}" type="image/png"/>`,
    );
    expect((await t.app.request('/photos/..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
  });
});
