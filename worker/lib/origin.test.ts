import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';
import { parsePublicOrigin } from './origin.ts';

const shell = async () => '<!doctype html><html><head><title>邻里</title></head><body></body></html>';
const apps: Awaited<ReturnType<typeof testApp>>[] = [];
afterAll(async () => {
  for (const t of apps) await t.cleanup();
});

/** Every absolute link the server wrote into a share page, the news feed and the calendar. */
async function originsSeen(t: Awaited<ReturnType<typeof testApp>>, headers: Record<string, string>) {
  const texts = [
    await (await t.app.request('http://internal:8787/news/1', { headers })).text(),
    await (await t.app.request('http://internal:8787/feeds/news.rss?community=yongan', { headers })).text(),
    await (await t.app.request('http://internal:8787/feeds/news.atom', { headers })).text(),
    await (await t.app.request('http://internal:8787/feeds/events.ics?community=jieyunlu', { headers })).text(),
  ];
  const found = texts.flatMap((text) =>
    [...text.replace(/\r\n /g, '').matchAll(/(https?:\/\/[a-z0-9.:-]+)\/(?:news|events|feeds|share|photos)/g)].map(
      (m) => m[1],
    ),
  );
  return new Set(found);
}

describe('the public origin', () => {
  it('is the forwarded one behind a trusted HTTPS proxy, in share cards, news feeds and calendars alike', async () => {
    const t = await testApp({ shell, trustProxy: true });
    apps.push(t);
    const seen = await originsSeen(t, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'linli.example' });
    expect(seen).toEqual(new Set(['https://linli.example']));
  });

  it('is PUBLIC_ORIGIN wherever it is set', async () => {
    const t = await testApp({ shell, publicOrigin: 'https://erqi.linli.example' });
    apps.push(t);
    expect(await originsSeen(t, {})).toEqual(new Set(['https://erqi.linli.example']));
  });

  it('takes PUBLIC_ORIGIN only as an origin', () => {
    expect(parsePublicOrigin(undefined)).toBeUndefined();
    expect(parsePublicOrigin(' ')).toBeUndefined();
    expect(parsePublicOrigin('https://linli.example/')).toBe('https://linli.example');
    for (const bad of [
      'linli.example',
      'ftp://linli.example',
      'https://linli.example/erqi',
      'https://linli.example?x=1',
    ]) {
      expect(() => parsePublicOrigin(bad)).toThrow(/PUBLIC_ORIGIN must be an origin/);
    }
  });
});
