import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await staffPage(browser, app.url, 'yongan');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("a community's staff keep its ticket categories", () => {
  it('change a category’s time limits by tapping, and the card says so', async () => {
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '分类与时限' }).click();
    const parking = page.locator('section', { has: page.locator('h2', { hasText: '停车管理' }) });
    await expect.poll(() => parking.textContent()).toContain('个工作日');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await parking.getByText('修改').click();
    await parking.getByLabel('办结时限（工作日）').fill('4');
    await parking.getByLabel('首次回应时限（工作日）').fill('2');
    await parking.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => parking.locator('p').first().textContent()).toContain('首次回应 2 个工作日');
    expect(await parking.locator('p').first().textContent()).toContain('办结 4 个工作日');
    // The editor stays open and says it saved.
    expect(await parking.getByRole('status').textContent()).toBe('已保存。');
  });

  it('a limit out of range is refused with the field named, and nothing changes', async () => {
    const parking = page.locator('section', { has: page.locator('h2', { hasText: '停车管理' }) });
    const done = parking.getByLabel('办结时限（工作日）');
    await done.fill('400');
    // The browser's own check is off for the test, so the server's answer is what shows.
    await done.evaluate((el: HTMLInputElement) => el.removeAttribute('max'));
    await parking.locator('form').evaluate((f: HTMLFormElement) => f.setAttribute('novalidate', ''));
    await parking.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => parking.locator('.form-error').first().textContent()).toContain('请填 1 到 90 之间的整数');
    expect(await parking.locator('p').first().textContent()).toContain('办结 4 个工作日');
  });

  it('adds an urgent category on the hours clock, which residents then choose from', async () => {
    await page.getByText('新增分类').click();
    const form = page.locator('details.card form');
    await form.getByLabel('代码').fill('lift-stuck');
    await form.getByLabel('名称', { exact: true }).fill('电梯困人');
    await form.getByLabel('英文名称').fill('Someone stuck in a lift');
    await form.getByLabel('负责方').selectOption('property');
    await form.getByLabel('计时方式').selectOption('hours');
    await form.getByLabel('首次回应时限（小时）').fill('1');
    await form.getByLabel('办结时限（小时）').fill('4');
    await form.getByRole('button', { name: '保存' }).click();
    const lift = page.locator('section', { has: page.locator('h2', { hasText: '电梯困人' }) });
    await expect.poll(() => lift.count()).toBe(1);
    expect(await lift.locator('p').first().textContent()).toContain('首次回应 1 小时');
    await screenshot(page, 'staff-categories');

    const resident = await phonePage(browser);
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '建中街街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await resident.getByRole('link', { name: '办事', exact: true }).click();
    await expect.poll(() => resident.getByText('电梯困人').isVisible()).toBe(true);
    await resident.context().close();
  });
});
