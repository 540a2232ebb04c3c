import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photos, tickets } from '../schema/index.ts';
import {
  launchBrowser,
  phonePage,
  samplePng,
  screenshot,
  screenshotDir,
  seriousA11yViolations,
  startApp,
} from './harness.ts';

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

/** A PNG of random pixels: it stays large (~2 MB) after the phone shrinks it to JPEG. */
function noisyPng(width = 1600, height = 1200): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)]));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A resident's phone on the ticket form of 永安社区, everything but the photos filled in. */
async function ticketForm(): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(app.url);
  await page.getByLabel('街道').selectOption({ label: '建中街街道' });
  await page.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
  await page.getByRole('link', { name: '办事' }).click();
  await page.getByText('公共设施').click();
  await page.getByLabel('请说说具体情况').fill('楼道灯坏了，晚上看不见台阶。');
  await page.getByLabel('具体位置').fill('3号楼2单元');
  await page.getByLabel('手机号（用于回访，不会公开）').fill('138 1234 5678');
  await page.getByText(/我同意社区保存我的联系方式/).click();
  return page;
}

const pick = (page: Page, name: string, buffer: Buffer) =>
  page.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer });

const progress = (page: Page) =>
  page
    .locator('.pending-photo progress')
    .first()
    .evaluate((el: HTMLProgressElement) => el.value);

describe('photos on a slow line', () => {
  it('shows each upload rising, and a cancelled photo is left out of the ticket', async () => {
    const page = await ticketForm();
    await pick(page, 'small.png', samplePng());
    await expect.poll(() => page.locator('.thumbs li:not(.pending-photo) img').count()).toBe(1);
    // 1.6 Mbit/s up, as on a weak 4G cell.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 100,
      downloadThroughput: 500_000,
      uploadThroughput: 200_000,
    });
    await pick(page, 'big.png', noisyPng());
    await expect.poll(() => progress(page), { timeout: 15_000 }).toBeGreaterThan(10);
    const first = await progress(page);
    expect(first).toBeLessThan(100);
    await expect.poll(() => progress(page), { timeout: 15_000 }).toBeGreaterThan(first);
    const bar = page.getByRole('progressbar');
    expect(await bar.getAttribute('aria-label')).toMatch(/^上传中 \d+%$/);
    expect(await page.locator('.photos [aria-live=polite]').textContent()).toMatch(/^上传中 \d+%$/);
    const cancel = page.getByRole('button', { name: '取消上传这张照片' });
    expect((await cancel.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'photo-upload-progress');
    await page.locator('.photos').screenshot({ path: join(screenshotDir, 'photo-upload-progress-close.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => bar.getAttribute('aria-label')).toMatch(/^Uploading \d+%$/);
    expect(await page.getByRole('button', { name: 'Cancel uploading this photo' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('button', { name: '长辈版' }).click();
    await expect.poll(async () => (await cancel.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    await page.getByRole('button', { name: '长辈版' }).click();

    await cancel.click();
    expect(await page.locator('.pending-photo').count()).toBe(0);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('办理进度');
    await expect.poll(() => page.locator('.thumbs img').count()).toBe(1);
    await page.context().close();
  });

  it('retries by itself after a dropped line, holds the ticket until then and files exactly that photo', async () => {
    const page = await ticketForm();
    let tries = 0;
    let lostKey = '';
    await page.route('**/api/photos', async (route) => {
      tries++;
      // The first try reaches the server, but its answer is lost on the way back.
      if (tries === 1) {
        lostKey = ((await (await route.fetch()).json()) as { key: string }).key;
        return route.abort('connectionreset');
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return route.continue();
    });
    await pick(page, 'lamp.png', samplePng());
    await expect.poll(() => page.locator('.upload-retrying').textContent()).toBe('网络断了，正在重试…');
    expect(await page.locator('.photos [aria-live=polite]').textContent()).toBe('网络断了，正在重试…');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '照片还在上传' }).isVisible()).toBe(true);
    await screenshot(page, 'photo-upload-retrying');
    await page.locator('.photos').screenshot({ path: join(screenshotDir, 'photo-upload-retrying-close.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Once the retry is up, the held ticket goes by itself.
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toBe('办理进度');
    expect(tries).toBe(2);
    await expect.poll(() => page.locator('.thumbs img').count()).toBe(1);
    // The lost try left an unclaimed upload (removed after a day); the ticket holds only the retry's.
    const [lost] = await app.db.select().from(photos).where(eq(photos.key, lostKey));
    expect(lost).toMatchObject({ ticketId: null, wishId: null });
    const number = (await page.locator('.ticket-number').textContent())!.replace('编号 ', '');
    const [ticket] = await app.db.select().from(tickets).where(eq(tickets.number, number));
    const filed = await app.db.select().from(photos).where(eq(photos.ticketId, ticket!.id));
    expect(filed.map((row) => row.key)).toHaveLength(1);
    expect(filed[0]!.key).not.toBe(lostKey);
    await page.context().close();
  });

  it('with the phone offline it waits for the line to come back, then uploads by itself', async () => {
    const page = await ticketForm();
    await page.context().setOffline(true);
    await pick(page, 'lamp.png', samplePng());
    await expect.poll(() => page.locator('.upload-retrying').textContent()).toBe('网络断了，正在重试…');
    // No timed retry while the phone says it is offline (the first would come after 2 s).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await page.locator('.pending-photo').count()).toBe(1);
    await page.context().setOffline(false);
    await expect.poll(() => page.locator('.thumbs li:not(.pending-photo) img').count(), { timeout: 1500 }).toBe(1);
    expect(await page.locator('.pending-photo').count()).toBe(0);
    await page.context().close();
  });

  it('a photo the server refuses says why in the resident’s words and is not retried', async () => {
    const page = await ticketForm();
    let tries = 0;
    await page.route('**/api/photos', (route) => {
      tries++;
      return route.fulfill({
        status: 413,
        json: { error: { code: 'too_large', message: 'A photo may be at most 5 MiB.', fields: {} } },
      });
    });
    await pick(page, 'huge.png', samplePng());
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('这张照片太大了（超过5MB），请换一张。');
    await page.unroute('**/api/photos');
    // Not an image at all: the server itself answers 415.
    const before = tries;
    await page.route('**/api/photos', (route) => {
      tries++;
      return route.continue();
    });
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('只能上传照片（JPG、PNG 或 WebP）。');
    await new Promise((resolve) => setTimeout(resolve, 2600));
    expect(tries - before).toBe(1);
    expect(tries).toBe(2);
    expect(await page.locator('.thumbs li').count()).toBe(0);
    await page.context().close();
  });
});
