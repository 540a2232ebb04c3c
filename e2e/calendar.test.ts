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

describe('the district admin keeps the working calendar', () => {
  it('enters the State Council notice for 2027 by tapping, and the year says so', async () => {
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '工作日历' }).click();
    const year2027 = page.locator('section', { has: page.locator('h2', { hasText: '2027' }) });
    await expect.poll(() => year2027.locator('.badge').textContent()).toContain('暂定');
    await expect.poll(() => page.locator('section', { hasText: '2026' }).first().textContent()).toContain('2月14日');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await year2027.getByText('修改这一年').click();
    await year2027.getByLabel('来源状态').selectOption('published');
    await year2027.getByLabel('依据（通知名称）').fill('国务院办公厅关于2027年部分节假日安排的通知');
    const days = year2027.getByLabel('放假和调休，每行一天或一段');
    await expect.poll(() => days.inputValue()).toContain('2027-02-05~2027-02-08 休 春节');
    // A line the format does not fit is named, and nothing is saved.
    await days.fill(`${await days.inputValue()}\n2月20日上班`);
    await year2027.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => year2027.getByText('第 8 行看不懂').isVisible()).toBe(true);
    // What was typed is still there after the refusal.
    expect(await year2027.getByLabel('来源状态').inputValue()).toBe('published');
    await days.fill((await days.inputValue()).replace('2月20日上班', '2027-02-20 班 春节'));
    await year2027.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => year2027.locator('.badge').textContent()).toContain('已按国务院通知');
    await expect.poll(() => year2027.textContent()).toContain('调休上班 1 天');
    await screenshot(page, 'staff-calendar');
  });
});
