import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';

// The built pages (`npm test` builds the web app first), as Node and Workers serve them.
const built = (name: string) => readFileSync(new URL(`../../web/dist/${name}`, import.meta.url), 'utf8');
const alternates = (html: string) =>
  [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)"/g)].map(([, type, href]) => ({
    type: type!,
    href: href!,
  }));

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ shell: async () => built('index.html') });
});
afterAll(() => t.cleanup());

describe('news feeds', () => {
  it('give a PNG as the RSS channel image (RSS takes GIF, JPEG or PNG, never SVG)', async () => {
    const rss = await (await t.app.request('/feeds/news.rss')).text();
    expect(/<image><url>([^<]+)<\/url>/.exec(rss)?.[1]).toBe('http://localhost/share.png');
    expect(
      readFileSync(new URL('../../web/dist/share.png', import.meta.url))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});

describe('feed discovery', () => {
  it('the home page, /news and an article page name the RSS, Atom and JSON feeds, and each answers', async () => {
    const article = await t.app.request('/news/1');
    expect(article.status).toBe(200);
    const articleHtml = await article.text();
    const district = ['application/rss+xml', 'application/atom+xml', 'application/feed+json'];
    expect(alternates(built('index.html')).map((l) => l.type)).toEqual(district);
    expect(alternates(built('news.html')).map((l) => l.type)).toEqual(district);
    // An article also names its own community's news feed and event calendar.
    expect(alternates(articleHtml).map((l) => l.type)).toEqual([...district, 'application/rss+xml', 'text/calendar']);
    expect(alternates(articleHtml).at(-1)!.href).toMatch(/^\/feeds\/events\.ics\?community=[a-z0-9-]+$/);
    for (const html of [built('index.html'), built('news.html'), articleHtml]) {
      for (const { type, href } of alternates(html)) {
        const res = await t.app.request(href);
        expect([href, res.status]).toEqual([href, 200]);
        expect(res.headers.get('content-type')).toContain(type);
      }
    }
  });
});
