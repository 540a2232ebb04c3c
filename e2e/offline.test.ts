import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, startApp } from './harness.ts';

/**
 * The installable app and offline reading: the manifest and its icons, the service worker
 * taking the page after one visit, pages read before shown offline with the time they were
 * fetched, pages never read saying they need the network, and a new version picked up.
 * The app serves a copy of the build, so the update test can change its /sw.js.
 */
const webRoot = mkdtempSync(join(tmpdir(), 'linli-web-'));
cpSync(join(import.meta.dirname, '..', 'web', 'dist'), webRoot, { recursive: true });

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;

beforeAll(async () => {
  app = await startApp({}, webRoot);
  browser = await launchBrowser();
  resident = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => {
  expect(bytes.subarray(1, 4).toString('latin1'), 'a PNG').toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
};

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const offlineNote = /^离线，显示的是 (?:\d{1,2}月\d{1,2}日 )?\d\d:\d\d 的内容$/;

describe('an installable app that reads offline', () => {
  it('links a manifest with name, language, colours and PNG icons of the sizes it states', async () => {
    await resident.goto(app.url);
    const href = await resident.locator('link[rel="manifest"]').getAttribute('href');
    const res = await fetch(new URL(href!, app.url));
    expect(res.headers.get('content-type')).toBe('application/manifest+json');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await res.json()) as {
      name: string;
      lang: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: '邻里', lang: 'zh-CN', start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of manifest.icons) {
      const file = await fetch(new URL(icon.src, app.url));
      expect(file.headers.get('content-type'), icon.src).toBe('image/png');
      expect(pngSize(Buffer.from(await file.arrayBuffer())), icon.src).toBe(icon.sizes);
    }
    const touch = await resident.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect(pngSize(Buffer.from(await (await fetch(new URL(touch!, app.url))).arrayBuffer()))).toBe('180x180');
    const sw = await fetch(new URL('/sw.js', app.url));
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  it('registers a service worker that takes the page, and Chromium finds the app installable', async () => {
    await resident.getByLabel('街道').selectOption({ label: '京广路街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await expect
      .poll(() => resident.evaluate(() => navigator.serviceWorker.controller?.scriptURL))
      .toMatch(/\/sw\.js$/);
    const cdp = await resident.context().newCDPSession(resident);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // Playwright's contexts are incognito-like, which Chromium names as the one thing in the way.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    const parsed = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[] };
    expect(parsed.errors).toEqual([]);
    expect((await cacheNames(resident)).filter((n) => n.startsWith('linli-shell-'))).toHaveLength(1);
  });

  it('offline: the home page reloads, news read before shows as of its time, news never read needs the network', async () => {
    // One visit: the news list and one article, read online.
    await resident.getByRole('link', { name: '新闻', exact: true }).click();
    await expect.poll(() => resident.locator('.news-item').count()).toBe(2);
    const links = resident.locator('.news-item a');
    const [seen, unseen] = [(await links.nth(0).textContent())!, (await links.nth(1).textContent())!];
    await links.nth(0).click();
    await expect.poll(() => resident.locator('h1').textContent()).toBe(seen);
    expect(await resident.locator('.offline-note').count()).toBe(0);
    await resident.goto(app.url);
    await resident.locator('h1', { hasText: '洁云路社区' }).waitFor();

    await resident.context().setOffline(true);
    await resident.reload();
    await resident.locator('h1', { hasText: '洁云路社区' }).waitFor();
    await expect.poll(() => resident.locator('.offline-note').first().textContent()).toMatch(offlineNote);

    await resident.getByRole('link', { name: '新闻', exact: true }).click();
    await expect.poll(() => resident.locator('.news-item').count()).toBe(2);
    expect(await resident.locator('.offline-note').textContent()).toMatch(offlineNote);
    await screenshot(resident, 'offline-news-list');

    await resident.getByRole('link', { name: seen }).click();
    await expect.poll(() => resident.locator('h1').textContent()).toBe(seen);
    expect(await resident.locator('.offline-note').textContent()).toMatch(offlineNote);
    expect(await resident.locator('.article-body p').count()).toBeGreaterThan(0);

    await resident.goBack();
    await resident.getByRole('link', { name: unseen }).click();
    await expect.poll(() => resident.getByRole('alert').textContent()).toContain('这一页需要联网');
    await screenshot(resident, 'offline-needs-network');

    // Opened straight from a link (the browser's own navigation): the app's page, not the browser's error.
    await resident.goto(`${app.url}/events/1`);
    await expect.poll(() => resident.getByRole('alert').textContent()).toContain('这一页需要联网');
    await resident.context().setOffline(false);
  });

  it('picks up a new version on the next page, and removes the old one', async () => {
    await resident.goto(app.url);
    const [old] = (await cacheNames(resident)).filter((n) => n.startsWith('linli-shell-'));
    // A deploy: /sw.js changes (here only its version), nothing else does.
    const file = join(webRoot, 'sw.js');
    const code = readFileSync(file, 'utf8');
    const version = old!.slice('linli-shell-'.length);
    writeFileSync(file, code.replace(`"${version}"`, '"next-version"'));
    rmSync(`${file}.br`, { force: true });
    rmSync(`${file}.gz`, { force: true });

    await resident.reload();
    await resident.getByText('邻里有新版本').waitFor();
    // The open page still runs its own version until the resident moves on.
    expect(await cacheNames(resident)).toContain(old);
    await resident.getByRole('link', { name: '新闻', exact: true }).click();
    await expect.poll(() => cacheNames(resident)).toContain('linli-shell-next-version');
    // Activation waits for the old version's requests still in flight, which a busy machine slows.
    await expect.poll(async () => (await cacheNames(resident)).includes(old!), { timeout: 45_000 }).toBe(false);
    await expect.poll(() => resident.locator('.news-item').count()).toBe(2);
    expect(await resident.getByText('邻里有新版本').count()).toBe(0);
    // The kept news outlives versions.
    expect(await cacheNames(resident)).toContain('linli-data');
  });
});
