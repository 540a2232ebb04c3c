import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await staffPage(browser, app.url, 'erqi-admin');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const figure = (name: string) => page.locator('.figures .big', { hasText: name }).locator('dd');

describe('the three rates on a phone', () => {
  it('an admin taps through to statistics, sees the district’s three rates, then a community’s', async () => {
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '统计', exact: true }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('办件统计');
    await expect.poll(() => page.locator('main h2').first().textContent()).toMatch(/^二七区：/);
    for (const name of ['响应率', '解决率', '满意率']) {
      // "92%（23/25）" or "—（0/0）": a rate and what it is made of.
      await expect.poll(() => figure(name).textContent()).toMatch(/^(\d+%|—)（\d+\/\d+）$/);
    }
    expect(await page.locator('table.data tbody tr').count()).toBeGreaterThan(4);
    expect(await page.locator('.chart svg[role="img"]').getAttribute('aria-label')).toContain('响应率');
    expect(await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toMatch(
      /^\/api\/desk\/rates\/export\?district=1&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&format=csv$/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'desk-rates-district');

    await page.getByLabel('地区').selectOption({ label: '　永安社区' });
    await expect.poll(() => page.locator('main h2').first().textContent()).toMatch(/^永安社区：/);
    await expect.poll(() => figure('满意率').textContent()).toMatch(/^(\d+%|—)（\d+\/\d+）$/);
    expect(page.url()).toContain('community=yongan');
    await expect.poll(() => page.getByRole('heading', { name: '本社区当前情况' }).isVisible()).toBe(true);
    await page.getByLabel('统计时段').selectOption('quarter');
    await expect.poll(() => page.url()).toContain('period=quarter');
    await screenshot(page, 'desk-rates-community');
    await page.getByRole('button', { name: '大字' }).click();
    await screenshot(page, 'desk-rates-community-large');
    // Large text still fits the phone: no figure runs off the screen.
    for (const box of await page
      .locator('.figures .big')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(390);
  });
});
