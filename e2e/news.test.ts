import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  resident = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('news on a phone', () => {
  it('a resident finds the Small-Stool report by search and opens it', async () => {
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '京广路街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await resident.getByRole('link', { name: '新闻', exact: true }).click();
    await expect.poll(() => resident.locator('.news-item').count()).toBe(2);
    await screenshot(resident, 'news-list');
    await resident.getByLabel('搜索新闻').fill('小板凳');
    await resident.getByRole('button', { name: '搜索' }).click();
    await resident.getByRole('link', { name: '小板凳大课堂 小区院里传党音' }).click();
    await expect.poll(() => resident.locator('h1').textContent()).toBe('小板凳大课堂 小区院里传党音');
    await expect.poll(() => resident.locator('.credits').textContent()).toBe('记者 景静 通讯员 魏红敏 文/图');
    expect(await resident.locator('.article-body p').count()).toBeGreaterThan(2);
    await screenshot(resident, 'news-article');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('reads in English and large text', async () => {
    await resident.getByRole('button', { name: 'Switch to English' }).click();
    await resident.getByRole('button', { name: /Large text/ }).click();
    await expect.poll(() => resident.getByText('Back to news').isVisible()).toBe(true);
    await screenshot(resident, 'news-article-en-large');
    await resident.getByRole('button', { name: '切换到中文' }).click();
    await resident.getByRole('button', { name: /大字/ }).click();
  });

  it('a correspondent drafts, community staff publish, and residents see it in the feed', async () => {
    const reporter = await staffPage(browser, app.url, 'weihongmin');
    await reporter.getByRole('link', { name: '新闻' }).last().click();
    await reporter.getByRole('link', { name: '写新稿' }).click();
    await reporter.getByLabel('标题').fill('洁云里广场新添健身器材');
    await reporter.getByLabel('栏目（可不填）').fill('社区小喇叭');
    await reporter.getByLabel('正文').fill('本报讯 近日，铁道洁云里小区广场新添了一组健身器材，居民可以就近锻炼。');
    await reporter.getByLabel('姓名').fill('魏红敏');
    await reporter.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => reporter.getByText('已保存。').isVisible()).toBe(true);
    expect(await reporter.getByRole('button', { name: '发布' }).count()).toBe(0);
    await screenshot(reporter, 'newsroom-editor');
    await reporter.context().close();

    const committee = await staffPage(browser, app.url, 'jieyunlu');
    await committee.getByRole('link', { name: '新闻' }).last().click();
    await committee.getByRole('link', { name: '洁云里广场新添健身器材' }).click();
    await committee.getByRole('button', { name: '发布' }).click();
    await expect.poll(() => committee.getByText('已发布').first().isVisible()).toBe(true);
    await committee.context().close();

    const feed = await (await fetch(`${app.url}/feeds/news.rss?community=jieyunlu`)).text();
    expect(feed).toContain('洁云里广场新添健身器材');
    await resident.goto(`${app.url}/news`);
    await expect.poll(() => resident.getByRole('link', { name: '洁云里广场新添健身器材' }).isVisible()).toBe(true);
  });
});
