import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, screenshotDir, seriousA11yViolations, staffPage, startApp } from './harness.ts';

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

/** What a download link gives, fetched with the page's own staff cookie. */
const fetchLink = async (href: string) => {
  const res = await page.context().request.get(`${app.url}${href}`);
  return { status: res.status(), headers: res.headers(), body: await res.body() };
};

describe('outreach and exports on a phone', () => {
  it("shows Mifengzhang's outreach per channel on the statistics page, with its downloads", async () => {
    await page.goto(`${app.url}/staff/stats?subdistrict=mifengzhang`);
    const table = page.locator('table.outreach-table');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())));
    expect(rows.map((r) => r[0])).toEqual(['在现场', '大喇叭', '线上']);
    expect(rows[0]!.slice(1, 2)).toEqual(['5']);
    expect(rows[1]![4]).toBe('6个点位');
    expect(rows[2]![4]).toBe('31个群');
    expect(Number(rows[2]![2])).toBeGreaterThan(60);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'stats-outreach');
    // The table as the phone shows it, at 390×844.
    await page.locator('#outreach-title').evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: join(screenshotDir, 'stats-outreach-screen.png') });

    const csv = await fetchLink((await page.getByRole('link', { name: '导出宣讲 CSV' }).getAttribute('href'))!);
    expect(csv.status).toBe(200);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(csv.body.toString('utf8')).toContain('大喇叭');
    const json = await fetchLink((await page.getByRole('link', { name: '导出 JSON' }).getAttribute('href'))!);
    expect(JSON.parse(json.body.toString('utf8'))).toMatchObject({
      place: { slug: 'mifengzhang' },
      rows: expect.any(Array),
    });
  });

  it('offers 导出 on the desk queue: a period, CSV or JSON, and a link that downloads', async () => {
    await page.goto(`${app.url}/staff/desk`);
    await page.getByText('导出工单').click();
    await page.getByLabel('JSON（给系统对接用）').check();
    const href = (await page.getByRole('link', { name: '下载' }).getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/desk\/export\?format=json&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const answer = await fetchLink(href);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({ what: 'tickets', truncated: false });
    // A period that runs backwards is refused before anything is asked.
    await page.getByLabel('开始日期').fill('2026-12-31');
    await page.getByLabel('开始日期').dispatchEvent('change');
    await page.getByLabel('结束日期').fill('2026-01-01');
    await page.getByLabel('结束日期').dispatchEvent('change');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('开始日期不能晚于结束日期。');
    await screenshot(page, 'desk-queue-export');
  });
});
