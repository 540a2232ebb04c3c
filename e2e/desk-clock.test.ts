import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  resident = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A resident's ticket filed as the web app files it; its number and private link. */
async function fileTicket() {
  const res = await fetch(`${app.url}/api/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: app.url },
    body: JSON.stringify({
      community: 'yongan',
      compound: 'yongan-jiayuan',
      category: 'repairs',
      description: '6号楼厨房下水道堵了，水漫到客厅。',
      location: '6号楼3单元',
      phone: '13800000011',
      name: '钱奶奶',
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { number: string; token: string };
}

describe("the desk's clock on a phone", () => {
  it("staff pause a ticket by tapping; the resident's tracking page says why and since when", async () => {
    const { number, token } = await fileTicket();
    const staff = await staffPage(browser, app.url, 'yongan-wuye');
    await staff.goto(`${app.url}/staff/desk/${number}`);
    await staff.getByText('暂停计时', { exact: true }).first().click();
    await staff.getByText('等待居民补充材料').click();
    await staff.getByLabel('对居民公开的说明').fill('请您拍一张下水道口的照片发给我们，收到后马上派人。');
    await staff.locator('details[open] button[type=submit]').click();
    await expect.poll(() => staff.getByRole('status').first().textContent()).toContain('暂停计时');
    await expect.poll(() => staff.getByText(/^暂停计时：等待居民补充材料/).isVisible()).toBe(true);

    await resident.goto(`${app.url}/desk/t/${number}?token=${encodeURIComponent(token)}`);
    await expect
      .poll(() => resident.getByText(/^暂停计时：等待居民补充材料（自\d+月\d+日起）$/).isVisible())
      .toBe(true);
    expect(await resident.getByText('请您拍一张下水道口的照片发给我们，收到后马上派人。').first().isVisible()).toBe(
      true,
    );
    expect(await resident.getByText(/^还剩\d+个工作日$/).isVisible()).toBe(true);
    await screenshot(resident, 'tracking-paused');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('staff open the follow-up list, record "not satisfied", and the ticket is back in progress', async () => {
    const staff = await staffPage(browser, app.url, 'yongan');
    await staff.goto(`${app.url}/staff/desk`);
    await staff.getByRole('link', { name: '今日回访名单' }).click();
    await expect.poll(() => staff.locator('h1').textContent()).toBe('今日回访');
    await expect.poll(() => staff.locator('.plain-list > li').count()).toBeGreaterThanOrEqual(3);
    await screenshot(staff, 'follow-ups');
    // Its own tab is the one lit, not the queue's as well.
    expect(await staff.locator('nav.tabs a.active').allTextContents()).toEqual(['今日回访']);
    expect(await seriousA11yViolations(staff)).toEqual([]);
    const first = staff.locator('.plain-list > li').first();
    const number = (await first.locator('.ticket-number').textContent())!;
    expect(await first.locator('a[href^="tel:"]').getAttribute('href')).toMatch(/^tel:1\d{10}$/);
    await first.getByText('不满意（重新办理）').click();
    await first.getByLabel('居民的原话或补充').fill('门禁还是时好时坏');
    await first.getByRole('button', { name: '记录回访' }).click();
    await expect.poll(() => staff.locator('.ticket-number', { hasText: number }).count()).toBe(0);

    await staff.goto(`${app.url}/staff/desk/${number}`);
    await expect.poll(() => staff.locator('.status').first().textContent()).toContain('正在办理');
    expect(await staff.getByText('重新办理').first().isVisible()).toBe(true);
  });
});
