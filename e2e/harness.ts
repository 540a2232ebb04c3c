/**
 * Browser journeys: the real Node app on a fresh temp database with demo data, driven by
 * headless Chromium at a phone's size. `CHROMIUM_PATH` picks another Chromium (e.g. Debian's).
 */
import { mkdirSync } from 'node:fs';
import zlib from 'node:zlib';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNodeApp } from '../worker/node/server.ts';
import { freshDatabase, testPlatform } from '../worker/node/test-database.ts';

export const phone = { width: 390, height: 844 };
export const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

/** Starts the Node app over a new temp database with demo data on a free port. */
export async function startApp() {
  const { db, cleanup } = await freshDatabase({ demo: true });
  const app = createNodeApp(testPlatform(db));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await cleanup();
    },
  };
}

/** Launches headless Chromium: `CHROMIUM_PATH` if set, else the one `npm install` brought. */
export async function launchBrowser(): Promise<Browser> {
  const common = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (process.env.CHROMIUM_PATH) {
    return chromium.launch({ executablePath: process.env.CHROMIUM_PATH, headless: true, args: common });
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  return chromium.launch({
    executablePath: await bundled.executablePath(),
    headless: true,
    args: [...new Set([...bundled.args, ...common])],
  });
}

/** A fresh phone-sized page with its own storage (a new resident's phone). */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return page;
}

/** Saves a full-page screenshot under test-results/screenshots for people to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Axe violations of impact serious or critical, as "rule: target" lines (empty when clean). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** A small real PNG (a 64×48 orange picture), for upload journeys. */
export function samplePng(): Buffer {
  const { crc32, deflateSync } = zlib;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const [width, height] = [64, 48];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([240, 140, 40]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
