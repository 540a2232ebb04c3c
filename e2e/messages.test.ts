import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageOptins } from '../schema/index.ts';
import { stopToken } from '../worker/messages/outbox.ts';
import { testPepper } from '../worker/node/test-database.ts';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('text messages to residents', () => {
  it('the ticket form offers the opt-in, unticked; the tracking page then offers 不再发短信', async () => {
    const resident = await phonePage(browser);
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '建中街街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await resident.getByRole('link', { name: '办事' }).click();
    await resident.getByText('公共设施').click();
    const optIn = resident.getByLabel('状态有变化时给我发短信');
    expect(await optIn.isChecked()).toBe(false);
    await resident.getByLabel('请说说具体情况').fill('3号楼楼道灯不亮，晚上看不见台阶。');
    await resident.getByLabel('具体位置').fill('3号楼2单元');
    await resident.getByLabel('手机号（用于回访，不会公开）').fill('13812345670');
    await optIn.check();
    await resident.getByText(/我同意社区保存我的联系方式/).click();
    await resident.getByRole('button', { name: '提交' }).click();
    await resident.waitForURL(/\/desk\/t\//);
    const stop = resident.getByRole('button', { name: '不再发短信' });
    await stop.click();
    // Stopped: the page, read again, no longer offers it.
    await expect.poll(() => stop.count()).toBe(0);
    const [optin] = await app.db.select().from(messageOptins).where(eq(messageOptins.phone, '13812345670'));
    expect(optin!.stoppedAt).not.toBeNull();
    await screenshot(resident, 'messages-tracking-stopped');
  });

  it('the stop link asks first, then stops; a link cut short says so', async () => {
    const [optin] = await app.db.select().from(messageOptins).limit(1);
    const token = await stopToken(testPepper, optin!.stopNonce);
    const resident = await phonePage(browser);
    await resident.goto(`${app.url}/m/stop/${token.slice(0, 10)}`);
    await expect.poll(() => resident.getByText('这个退订链接不对').isVisible()).toBe(true);
    await resident.goto(`${app.url}/m/stop/${token}`);
    await resident.getByRole('button', { name: '确认退订' }).click();
    await expect
      .poll(
        async () => (await app.db.select().from(messageOptins).where(eq(messageOptins.id, optin!.id)))[0]!.stoppedAt,
      )
      .not.toBeNull();
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it("the district admin's outbox shows what would have been sent, with the banner", async () => {
    const admin = await staffPage(browser, app.url, 'erqi-admin');
    await admin.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '短信发件箱' }).click();
    await expect.poll(() => admin.getByText('未配置短信通道：消息保存在发件箱中，不会发出').isVisible()).toBe(true);
    await expect
      .poll(() =>
        admin
          .getByText(/【邻里】您的诉求/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await admin.getByText('未发出（未配置通道）').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await screenshot(admin, 'staff-messages');
  });
});
