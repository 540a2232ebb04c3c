import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';

const shell = async () =>
  '<!doctype html><html><head><meta name="description" content="邻里" /><title>邻里</title></head><body></body></html>';
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ shell });
});
afterAll(() => t.cleanup());

describe('renovation project pages', () => {
  it('carry a share card with the title, the stage and the wishes that came true', async () => {
    const { projects } = await (await t.api.renovation.projects.$get({ query: { compound: 'renhelu-6' } })).json();
    const renhe = projects[0]!;
    const res = await t.app.request(`/renovation/${renhe.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<meta property="og:title" content="${renhe.title.replaceAll('"', '&quot;')}" />`);
    expect(html).toMatch(
      new RegExp(
        `<meta property="og:description" content="人和路6号院 · 已完工验收 · 收到${renhe.counts.wishes}条心愿和意见，${renhe.counts.cameTrue}个心愿已成真" />`,
      ),
    );
    expect(html).toContain(`<meta property="og:url" content="http://localhost/renovation/${renhe.id}" />`);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
  });

  it('answer an unknown or absurd id with the app page and a 404 for crawlers, and leave tracking pages to the app', async () => {
    for (const id of ['999999', '9'.repeat(300)]) expect((await t.app.request(`/renovation/${id}`)).status).toBe(404);
    expect((await t.app.request('/renovation/w/RH-20261126-W0001?token=x')).status).not.toBe(500);
  });
});
