import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let number = '';
let token = '';

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  // A resident files a joint ticket: rubbish in the fire lane (the property company) and noise (the community).
  const res = await fetch(`${app.url}/api/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      community: 'yongan',
      compound: 'yongan-jiayuan',
      category: 'nuisance-garbage',
      description: '5号楼下堆满装修垃圾，晚上还有人敲打。',
      location: '5号楼北侧',
      phone: '13800000009',
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  ({ number, token } = await res.json());
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The card of one side's part on the staff ticket page. */
const partCard = (page: Page, side: string) => page.getByRole('listitem', { name: side });

/** Opens a part's action by tapping its summary, fills what it asks, and sends it. */
async function partAction(page: Page, side: string, action: string, fill?: [label: string, text: string]) {
  const card = partCard(page, side);
  const form = card.locator('details', { has: page.locator('summary', { hasText: action }) });
  await form.locator('summary').tap();
  if (fill) await form.getByLabel(fill[0]).fill(fill[1]);
  await form.getByRole('button', { name: action }).tap();
}

describe('a joint ticket worked by both sides on their phones', () => {
  it('the property staff takes on and finishes its part by tapping', async () => {
    const page = await staffPage(browser, app.url, 'yongan-wuye');
    await page.goto(`${app.url}/staff/desk/${number}`);
    await expect.poll(() => partCard(page, '物业公司').textContent()).toContain('待接手');
    // The community's part offers the property company nothing.
    expect(await partCard(page, '社区居委会').locator('details').count()).toBe(0);
    await partAction(page, '物业公司', '接手这一部分');
    await expect.poll(() => partCard(page, '物业公司').textContent()).toContain('处理中');
    await partAction(page, '物业公司', '这一部分已办好', ['办理结果', '装修垃圾已清运，消防通道畅通。']);
    await expect.poll(() => partCard(page, '物业公司').textContent()).toContain('已完成');
    await expect.poll(() => page.locator('.status').first().textContent()).toContain('已确认负责方');
    await screenshot(page, 'desk-parts-staff');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the community staff claims and finishes its part, and the ticket is resolved', async () => {
    const page = await staffPage(browser, app.url, 'yongan');
    await page.goto(`${app.url}/staff/desk?view=unassigned`);
    await page.getByRole('link', { name: new RegExp(number) }).tap();
    await expect.poll(() => partCard(page, '社区居委会').textContent()).toContain('待接手');
    await partAction(page, '社区居委会', '我来负责');
    await expect.poll(() => partCard(page, '社区居委会').textContent()).toContain('永安社区居委会');
    await partAction(page, '社区居委会', '这一部分已办好', ['办理结果', '已和装修户约定晚上八点后不施工。']);
    await expect.poll(() => partCard(page, '社区居委会').textContent()).toContain('已完成');
    await expect.poll(() => page.locator('.status').first().textContent()).toContain('已办好');
    await screenshot(page, 'desk-parts-staff-resolved');
    await page.context().close();
  });

  it('the resident sees one thread with both parts done and the ticket resolved', async () => {
    const resident = await phonePage(browser);
    await resident.goto(`${app.url}/desk/t/${number}?token=${token}`);
    await expect
      .poll(() => resident.locator('.parts-progress').textContent())
      .toMatch(/社区居委会：已完成（\d+月\d+日） · 物业公司：已完成（\d+月\d+日）/);
    expect(await resident.locator('.status').first().textContent()).toContain('已办好');
    const thread = await resident.locator('.timeline').textContent();
    expect(thread).toContain('物业公司：自己的部分已办好');
    expect(thread).toContain('社区居委会：自己的部分已办好');
    expect(thread).toContain('装修垃圾已清运');
    expect(await resident.locator('.timeline').count()).toBe(1);
    await screenshot(resident, 'desk-parts-tracking');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });
});
