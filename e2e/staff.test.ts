import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../worker/node/test-database.ts';
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

const heading = () => page.locator('h1').textContent();

async function signIn(login: string, password: string) {
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('staff on a phone', () => {
  it('sends an anonymous visitor of the staff area to sign-in, from the footer link', async () => {
    await page.goto(app.url);
    await page.getByRole('link', { name: '工作人员登录' }).click();
    await expect.poll(heading).toBe('工作人员登录');
    expect(page.url()).toContain('/staff/sign-in');
  });

  it('says so when the password is wrong', async () => {
    await signIn('erqi-admin', 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('用户名或密码不对，请再试一次。');
    await screenshot(page, 'staff-sign-in-error');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('signs an admin in to the staff area', async () => {
    await signIn('erqi-admin', demoPassword);
    await expect.poll(heading).toBe('工作台');
    await expect.poll(() => page.locator('.staff-bar strong').textContent()).toBe('二七区管理员');
    await screenshot(page, 'staff-home');
  });

  it('lets the admin create an account and disable it', async () => {
    await page.getByRole('link', { name: '员工账号' }).first().click();
    await expect.poll(heading).toBe('员工账号');
    await page.getByText('新建账号').click();
    await page.getByLabel('用户名').fill('gongren-desk');
    await page.getByLabel('显示名称').fill('工人路社区值班');
    await page.getByLabel('角色').selectOption('community');
    await page.getByLabel('所属（街道、社区或物业公司代码）').fill('gongrenlu');
    await page.getByLabel('新密码（至少10位）').fill('woaini1314');
    await page.getByRole('button', { name: '创建' }).click();
    await expect
      .poll(() => page.getByText('密码至少10位，不要用常见密码，多用几种不同的字符。').first().isVisible())
      .toBe(true);
    await page.getByLabel('新密码（至少10位）').fill('gongren-desk-2026');
    await page.getByRole('button', { name: '创建' }).click();
    const row = page.locator('li.account', { hasText: 'gongren-desk' });
    await expect.poll(() => row.isVisible()).toBe(true);
    await row.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.getByText('已停用').isVisible()).toBe(true);
    await screenshot(page, 'staff-accounts');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('signs out, and the session is gone', async () => {
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('您已退出登录。');
    await page.goto(`${app.url}/staff/accounts`);
    await expect.poll(heading).toBe('工作人员登录');
  });

  it('sends a user whose session expired back to sign-in with a clear message', async () => {
    await signIn('erqi-admin', demoPassword);
    await expect.poll(heading).toBe('员工账号');
    await app.db.run(sql`update sessions set last_seen_at = 0`);
    // The phone comes back to the open page hours later.
    await page.reload();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('登录已过期，请重新登录。');
    await screenshot(page, 'staff-expired');
  });
});
