import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('home page on a phone', () => {
  it('renders in Chinese by default', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('选择您所在的社区');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await screenshot(page, 'home-zh');
  });

  it('lets the resident pick sub-district and community, and remembers it after a reload', async () => {
    await page.getByLabel('街道').selectOption({ label: '建中街街道' });
    await page.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await expect.poll(() => page.locator('.place-card .place-name').textContent()).toBe('永安社区');
    await page.reload();
    await expect.poll(() => page.locator('.place-card .place-name').textContent()).toBe('永安社区');
    expect(await page.getByLabel('街道').inputValue()).toBe('jianzhongjie');
    expect(await page.getByLabel('社区', { exact: true }).inputValue()).toBe('yongan');
    await screenshot(page, 'home-zh-chosen');
  });

  it('says when a sub-district has no communities listed', async () => {
    await page.getByLabel('街道').selectOption({ label: '蜜蜂张街道' });
    await expect.poll(() => page.getByText('这个街道暂时还没有登记社区。').isVisible()).toBe(true);
    await page.getByLabel('街道').selectOption({ label: '建中街街道' });
  });

  it('switches to English and keeps it after a reload', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Choose your community');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('.place-card .place-name').textContent()).toBe("Yong'an Community");
    await screenshot(page, 'home-en');
  });

  it('turns large text on, makes the text bigger, and keeps it after a reload', async () => {
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')!).fontSize));
    const before = await size();
    const button = page.getByRole('button', { name: /Large text/ });
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThan(before * 1.2);
    await page.reload();
    await expect.poll(size).toBeGreaterThan(before * 1.2);
    await screenshot(page, 'home-en-large');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await screenshot(page, 'home-zh-large');
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /大字/ }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('answers an unknown page with a useful not-found page', async () => {
    await page.goto(`${app.url}/no/such/page`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('找不到这个页面');
    await page.getByRole('link', { name: '回到首页' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('选择您所在的社区');
  });
});
