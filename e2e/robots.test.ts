import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTicket } from '../worker/desk/test-helpers.ts';
import { standInRobot } from '../worker/robots/test-helpers.ts';
import { launchBrowser, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

const SECRET = 'SECe2e-signing-secret-0123456789';
let robot: Awaited<ReturnType<typeof standInRobot>>;
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  robot = await standInRobot({ secret: SECRET });
  app = await startApp({ robotWebhookHosts: [robot.host] });
  browser = await launchBrowser();
  page = await staffPage(browser, app.url, 'jianzhongjie');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await robot?.close();
});

describe('the sub-district sets up its community’s group robot', () => {
  it('refuses an address off the platform, saves the robot, tests it, and shows what waits to be sent', async () => {
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '工作群机器人' }).click();
    const yongan = page.locator('section', { has: page.locator('h2', { hasText: '永安社区' }) });
    await expect.poll(() => yongan.textContent()).toContain('未配置机器人');
    expect(await page.getByText('还没有配置机器人').isVisible()).toBe(true);

    await yongan.locator('summary', { hasText: '配置机器人' }).click();
    await yongan.getByLabel('平台').selectOption('dingtalk');
    await yongan.getByLabel('Webhook 地址').fill('https://evil.example/robot/send?access_token=x');
    await yongan.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => yongan.textContent()).toContain('oapi.dingtalk.com');
    await expect.poll(() => yongan.locator('.form-error').first().isVisible()).toBe(true);

    await yongan.getByLabel('Webhook 地址').fill(robot.dingtalkUrl);
    await yongan.getByLabel('钉钉加签密钥（可选）').fill(SECRET);
    await yongan.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => yongan.textContent()).toContain('已加签');
    // The address comes back masked: the token never reaches the page whole.
    expect(await yongan.textContent()).toContain('access_token=••••6789');
    expect(await page.content()).not.toContain('dingtalk-token-0123456789');

    await yongan.getByRole('button', { name: '发送测试消息' }).click();
    await expect.poll(() => yongan.textContent()).toContain('测试消息已发送');
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]!.signed).toBe(true);

    // A resident files a fire-safety report: the committee's robot has one notice waiting.
    const filed = await fetch(`${app.url}/api/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: app.url },
      body: JSON.stringify({ ...aTicket, category: 'fire-safety' }),
    });
    expect(filed.status).toBe(201);
    await page.reload();
    await expect.poll(() => yongan.textContent()).toContain('待发送：1 条新诉求');
    await yongan.getByText('将发送的内容').click();
    await expect.poll(() => yongan.locator('pre').textContent()).toContain('新诉求 1 条');
    expect(await yongan.locator('pre').textContent()).not.toContain(aTicket.phone);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'staff-robots');
  });
});
