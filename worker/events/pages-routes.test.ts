import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';

const shell = async () =>
  '<!doctype html><html><head><meta name="description" content="邻里" /><title>邻里</title></head><body></body></html>';
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ shell });
});
afterAll(() => t.cleanup());

describe('event pages', () => {
  it('carry a share card with the title, the time in Zhengzhou and the place', async () => {
    const { events } = await (await t.api.events.$get({ query: { community: 'jieyunlu' } })).json();
    const stool = events.find((e) => e.title === '小板凳课堂')!;
    const res = await t.app.request(`/events/${stool.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>小板凳课堂 · 邻里</title>');
    expect(html).toContain('<meta property="og:title" content="小板凳课堂" />');
    expect(html).toMatch(
      /<meta property="og:description" content="\d+月\d+日星期.\s?\d{2}:\d{2} · 铁道洁云里小区广场 · 洁云路社区" \/>/,
    );
    expect(html).toContain(`<meta property="og:url" content="http://localhost/events/${stool.id}" />`);
    expect(html).toContain('<meta property="og:image" content="http://localhost/share.png" />');
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
  });

  it('answer an unknown or absurd id with the app page and a 404 for crawlers', async () => {
    for (const id of ['999999', '9'.repeat(300)]) expect((await t.app.request(`/events/${id}`)).status).toBe(404);
  });
});
