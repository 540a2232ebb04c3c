import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;
let eventId = 0;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  resident = await phonePage(browser);
  // Make the next Small-Stool Class nearly full: two seats left.
  const rows = await app.db.all<{ id: number }>(
    sql`select id from events where title = '小板凳课堂' and starts_at > ${Date.now()} order by starts_at limit 1`,
  );
  eventId = rows[0]!.id;
  await app.db.run(sql`update events set capacity = 2 + coalesce((select sum(seats) from event_signups
    where event_id = ${eventId} and status = 'confirmed'), 0) where id = ${eventId}`);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('seats left, before the resident confirms', () => {
  it('says how many seats are left and that three people will wait, then signs up on the waiting list', async () => {
    await resident.goto(`${app.url}/events/${eventId}`);
    await expect.poll(() => resident.getByText('还剩 2 个座位。').isVisible()).toBe(true);
    await resident.getByText('3 人').click();
    await expect
      .poll(() => resident.locator('[aria-live="polite"]', { hasText: '只剩' }).textContent())
      .toBe('只剩 2 个座位：报 3 人会先排队，有人取消时按顺序补上。');
    await screenshot(resident, 'events-seats-over');
    await resident.getByLabel('姓名（签到时叫您）').fill('王奶奶');
    await resident.getByLabel('手机号').fill('13803710001');
    await resident.getByRole('button', { name: '报名' }).click();
    await expect.poll(() => resident.locator('.signup-status').textContent()).toContain('正在排队');
  });

  it('the door list asks before checking in someone on the waiting list', async () => {
    const staff = await staffPage(browser, app.url, 'erqi-admin');
    await staff.goto(`${app.url}/staff/events/${eventId}/door`);
    const row = staff.locator('.door-row', { hasText: '王奶奶' });
    await row.getByRole('button', { name: '签到 · 王奶奶' }).click();
    await expect
      .poll(() => row.getByRole('alert').textContent())
      .toBe('王奶奶 在排队名单上，还没有座位。确定让他们签到吗？');
    expect(await row.textContent()).not.toContain('已签到');
    await row.getByRole('button', { name: '确定签到 王奶奶' }).click();
    await expect.poll(() => row.textContent()).toContain('已签到');
    await staff.context().close();
  });
});
