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
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('once a community is chosen, names it and shows its latest news and next events, after a reload too', async () => {
    await page.getByLabel('街道').selectOption({ label: '建中街街道' });
    await page.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    const shows = async () => {
      await expect.poll(() => page.locator('h1').textContent()).toBe('永安社区');
      expect(await page.locator('.lead').textContent()).toBe('建中街街道');
      const news = page.getByRole('region', { name: '最新新闻' });
      await expect
        .poll(() => news.getByRole('link', { name: '“合署办公”一站式服务 让居民不再往返跑' }).isVisible())
        .toBe(true);
      const events = page.getByRole('region', { name: '近期活动' });
      await expect.poll(() => events.getByRole('link', { name: '主题党日：学习全会精神' }).isVisible()).toBe(true);
      // Yong'an's own events only: the Jieyun Road class is another community's.
      expect(await events.getByRole('link', { name: '小板凳课堂' }).count()).toBe(0);
      expect(await events.getByRole('listitem').count()).toBeLessThanOrEqual(3);
    };
    await shows();
    await page.reload();
    await shows();
    expect(await page.getByText('选择您所在的社区').count()).toBe(0);
    await screenshot(page, 'home-zh-chosen');
  });

  it('keeps a way to change community, which remembers the choice', async () => {
    await page.getByText('更换社区').click();
    expect(await page.getByLabel('街道').inputValue()).toBe('jianzhongjie');
    expect(await page.getByLabel('社区', { exact: true }).inputValue()).toBe('yongan');
    await page.getByLabel('街道').selectOption({ label: '京广路街道' });
    await page.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('洁云路社区');
    await expect
      .poll(() => page.getByRole('region', { name: '近期活动' }).getByRole('link', { name: '小板凳课堂' }).count())
      .toBeGreaterThan(0);
  });

  it('says when a sub-district has no communities listed', async () => {
    await page.getByText('更换社区').click();
    await page.getByLabel('街道').selectOption({ label: '蜜蜂张街道' });
    await expect.poll(() => page.getByText('这个街道暂时还没有登记社区。').isVisible()).toBe(true);
    await page.getByLabel('街道').selectOption({ label: '建中街街道' });
    await page.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('永安社区');
  });

  it('switches to English and keeps it after a reload', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe("Yong'an Community");
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe("Yong'an Community");
    await expect.poll(() => page.getByRole('heading', { name: 'Latest news' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Coming up' }).isVisible()).toBe(true);
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
    await expect.poll(() => page.locator('h1').textContent()).toBe('永安社区');
  });
});
