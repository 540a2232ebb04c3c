/**
 * Browser journeys: the real Node app on a fresh temp database with demo data, driven by
 * headless Chromium at a phone's size. `CHROMIUM_PATH` picks another Chromium (e.g. Debian's).
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Platform } from '../worker/lib/platform.ts';
import { createNodeApp } from '../worker/node/server.ts';
import { demoPassword, freshDatabase, testPlatform } from '../worker/node/test-database.ts';

export { samplePng } from '../worker/node/sample-photos.ts';

export const phone = { width: 390, height: 844 };
export const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

/** Starts the Node app over a new temp database with demo data on a free port (the built app, or `webRoot`). */
export async function startApp(overrides: Partial<Platform> = {}, webRoot?: string) {
  const { db, cleanup } = await freshDatabase({ demo: true });
  const app = createNodeApp(testPlatform(db, overrides), webRoot);
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
  // Its defaults suit one-shot serverless use: a single process dies with the first closed
  // context, and disabled web security would hide what real phones enforce.
  const unwanted = [
    '--single-process',
    '--disable-web-security',
    '--allow-running-insecure-content',
    "--headless='shell'",
  ];
  return chromium.launch({
    executablePath: await bundled.executablePath(),
    headless: true,
    args: [...new Set([...bundled.args.filter((a) => !unwanted.includes(a)), ...common])],
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

/** A new phone signed in to the staff area as a demo account. */
export async function staffPage(browser: Browser, url: string, login: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(`${url}/staff/sign-in`);
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill(demoPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('h1', { hasText: '工作台' }).waitFor();
  return page;
}

/** Saves a full-page screenshot under test-results/screenshots for people to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  // Cards far down a list are laid out only near the screen; a whole-page picture shows them all.
  await page.evaluate(() => {
    for (const card of document.querySelectorAll<HTMLElement>('.plain-list > .card'))
      card.style.contentVisibility = 'visible';
  });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Axe violations of impact serious or critical, as "rule: target" lines (empty when clean). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
