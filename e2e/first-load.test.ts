import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileShell } from '../worker/node/platform.ts';
import { defaultWebRoot } from '../worker/node/server.ts';
import { launchBrowser, phonePage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

beforeAll(async () => {
  // With the built shell, so article pages come with their share card and preloads.
  app = await startApp({ shell: fileShell(join(defaultWebRoot, 'index.html')) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const yongan = JSON.stringify({ subdistrict: 'jianzhongjie', community: 'yongan' });

/** A new phone with things already in its storage, and every request it makes from now on. */
async function phoneWith(storage: Record<string, string>) {
  const page = await phonePage(browser);
  await page.addInitScript((items) => {
    for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  }, storage);
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  const asked = (pattern: RegExp) =>
    requests.filter((r) => pattern.test(new URL(r.url()).pathname + new URL(r.url()).search));
  return { page, requests, asked };
}

/** The answer the page's early lines asked for (the one fetch preload they add), as a path. */
const earlyFetch = (page: Page) =>
  page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')];
    const added = links.map((l) => new URL(l.href)).filter((u) => u.pathname !== '/api/places');
    return added.length === 1 ? added[0]!.pathname + added[0]!.search : `${added.length} preloads`;
  });

/** Layout shifts since the page started, summed as CLS counts them (without the 1 s windows). */
async function watchShifts(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { shifted: number }).shifted = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) (window as unknown as { shifted: number }).shifted += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { shifted: number }).shifted);
}

describe('the first page on a phone', () => {
  it('comes compressed, and a Chinese reader never downloads the English words (nor anyone the staff words)', async () => {
    const { page, requests } = await phoneWith({});
    await page.goto(app.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('选择您所在的社区');
    await page.waitForLoadState('networkidle');
    const files = requests.filter((r) => /\/assets\/.+\.(js|css)$/.test(r.url()));
    expect(files.length).toBeGreaterThan(1);
    for (const r of [...files, requests[0]!]) {
      expect((await r.response())?.headers()['content-encoding'], r.url()).toMatch(/^(br|gzip)$/);
    }
    expect(requests.filter((r) => r.url().includes('/messages-en-'))).toEqual([]);
    // Staff words come with the staff area only.
    expect(requests.filter((r) => r.url().includes('/messages-staff'))).toEqual([]);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Choose your community');
    expect(requests.filter((r) => r.url().includes('/messages-en-')).length).toBe(1);
    expect(requests.filter((r) => r.url().includes('/messages-staff'))).toEqual([]);
    await page.context().close();
  });

  it('opens in English at once for an English reader, never Chinese first', async () => {
    const { page } = await phoneWith({ 'linli.locale': '"en"', 'linli.place': yongan });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { headings: string[] }).headings = seen;
      new MutationObserver(() => {
        const h1 = document.querySelector('h1')?.textContent;
        if (h1 && seen.at(-1) !== h1) seen.push(h1);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${app.url}/news`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Neighbourhood news');
    expect(await page.evaluate(() => (window as unknown as { headings: string[] }).headings)).toEqual([
      'Neighbourhood news',
    ]);
    await page.context().close();
  });

  it('events: the page code and its data come at once, each fetched once, and nothing jumps', async () => {
    const { page, asked } = await phoneWith({ 'linli.place': yongan });
    const shifted = await watchShifts(page);
    await page.goto(`${app.url}/events`);
    await expect.poll(() => page.locator('.event-card').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    // The page names its own code, so it downloads beside the app's main code.
    expect(await page.locator('link[rel="modulepreload"][href*="/assets/events-"]').count()).toBe(1);
    expect(asked(/^\/api\/places$/).length).toBe(1);
    expect(asked(/^\/api\/events\?/).length).toBe(1);
    // Asked for before the app runs, by the few lines every page runs first (early.ts).
    expect(await earlyFetch(page)).toBe('/api/events?community=yongan&when=upcoming');
    expect(await shifted()).toBeLessThan(0.01);
    await page.context().close();
  });

  it('news list: the news is asked for before the app runs, once, and nothing jumps', async () => {
    const { page, asked } = await phoneWith({ 'linli.place': yongan });
    const shifted = await watchShifts(page);
    await page.goto(`${app.url}/news`);
    await expect.poll(() => page.locator('.news-item').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(asked(/^\/api\/places$/).length).toBe(1);
    expect(asked(/^\/api\/news\?/).length).toBe(1);
    expect(await shifted()).toBeLessThan(0.01);
    // A column in the link: still one request, the one news.html started before the app.
    await page.goto(`${app.url}/news?column=${encodeURIComponent('社区小喇叭')}`);
    await page.waitForLoadState('networkidle');
    expect(asked(/^\/api\/news\?community=yongan&column=/).length).toBe(1);
    expect(
      await page.locator('link[rel="preload"][as="fetch"][href^="/api/news?community=yongan&column="]').count(),
    ).toBe(1);
    await page.context().close();
  });

  it('home visits: the page code, the place tree and the services come at once, each fetched once', async () => {
    const { page, asked } = await phoneWith({
      'linli.place': JSON.stringify({ subdistrict: 'songshanlu', community: 'gongrenlu' }),
    });
    await page.goto(`${app.url}/home-visits`);
    await expect.poll(() => page.locator('.visit-form').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('link[rel="modulepreload"][href*="/assets/home-visits-"]').count()).toBe(1);
    expect(asked(/^\/api\/places$/).length).toBe(1);
    expect(asked(/^\/api\/home-visits\/services\?community=gongrenlu$/).length).toBe(1);
    expect(await earlyFetch(page)).toBe('/api/home-visits/services?community=gongrenlu');
    await page.context().close();
  });

  it('ticket form and tracking: the categories and the ticket are asked for before the app runs, each once', async () => {
    const { page, asked } = await phoneWith({ 'linli.place': yongan });
    await page.goto(`${app.url}/desk`);
    await expect.poll(() => page.locator('input[name="category"]').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(asked(/^\/api\/tickets\/categories\?community=yongan$/).length).toBe(1);
    expect(await earlyFetch(page)).toBe('/api/tickets/categories?community=yongan');
    const categories = (await (await fetch(`${app.url}/api/tickets/categories?community=yongan`)).json()) as {
      categories: { code: string }[];
    };
    const filed = (await (
      await fetch(`${app.url}/api/tickets`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: app.url },
        body: JSON.stringify({
          community: 'yongan',
          category: categories.categories[0]!.code,
          description: '楼道灯不亮了，晚上看不见台阶。',
          location: '3号楼2单元',
          name: '王阿姨',
          phone: '13800138000',
          consent: true,
        }),
      })
    ).json()) as { number: string; token: string };
    await page.goto(`${app.url}/desk/t/${filed.number}?token=${filed.token}`);
    await expect.poll(() => page.getByText(filed.number).count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(asked(new RegExp(`^/api/tickets/${filed.number}\\?token=`)).length).toBe(1);
    expect(await earlyFetch(page)).toBe(`/api/tickets/${filed.number}?token=${filed.token}`);
    await page.context().close();
  });

  it('renovation project: the route asks for the project as the page does, so it is fetched once', async () => {
    const listed = (await (await fetch(`${app.url}/api/renovation/projects?community=renhelu`)).json()) as {
      projects: { id: number; title: string }[];
    };
    const project = listed.projects[0]!;
    const { page, asked } = await phoneWith({});
    await page.goto(`${app.url}/renovation/${project.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(project.title);
    await page.waitForLoadState('networkidle');
    expect(asked(new RegExp(`^/api/renovation/projects/${project.id}$`)).length).toBe(1);
    expect(await earlyFetch(page)).toBe(`/api/renovation/projects/${project.id}`);
    await page.context().close();
  });

  it('article: the JSON the page asks for in its <head> is the one the app reads (one request)', async () => {
    const { page, asked } = await phoneWith({});
    await page.goto(`${app.url}/news/5`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('小板凳大课堂 小区院里传党音');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('link[rel="preload"][as="fetch"][href="/api/news/5"]').count()).toBe(1);
    expect(await page.locator('link[rel="modulepreload"][href*="/assets/article-"]').count()).toBe(1);
    expect(asked(/^\/api\/news\/5$/).length).toBe(1);
    await page.context().close();
  });
});
