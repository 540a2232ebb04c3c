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

// Empty lists are where markup goes wrong: the "nothing here" message must not sit in a <ul>.
describe('empty states', () => {
  it('an empty board of known problems is clean for screen readers, in Chinese, English and large text', async () => {
    await page.goto(app.url);
    await page.getByLabel('街道').selectOption('huaihelu');
    await page.getByLabel('社区', { exact: true }).selectOption('renhelu');
    await page.getByRole('link', { name: '办事', exact: true }).click();
    await page.getByRole('link', { name: '大家反映' }).click();
    await expect.poll(() => page.getByText('现在没有未办结的问题。').isVisible()).toBe(true);
    expect(await page.locator('ul p').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: /Large text/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).not.toContain('大家');
    await screenshot(page, 'desk-board-empty-en-large');
    // Every tab is whole on the screen, "Joint desk" included, even in large text.
    const tabs = await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').all();
    expect(tabs.length).toBe(4);
    for (const tab of tabs) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.locator('ul p').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
