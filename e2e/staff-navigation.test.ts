import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhStaff } from '../web/src/lib/messages-staff.ts';
import { demoPassword } from '../worker/node/test-database.ts';
import { launchBrowser, staffPage, startApp } from './harness.ts';

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

const tab = (name: string) =>
  page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name, exact: true });
/** Waits until the page shows `what` below its heading: the page rendered, not just its title. */
const shows = async (heading: string, what: string) => {
  await expect.poll(() => page.locator('h1').first().textContent()).toBe(heading);
  await expect.poll(() => page.locator(what).first().isVisible(), { message: `${heading}: ${what}` }).toBe(true);
};

/** Catalogue keys that could show on a page by mistake: the staff words' camelCase names. */
const staffKeyNames = Object.keys(zhStaff).filter((k) => /[A-Z_]/.test(k) && k.length > 6);
/** The staff keys the page shows, as text or in a label, instead of words (none, if the words loaded). */
const rawKeys = async (p: Page) => {
  // Each text and label on its own: run together, "Response rate" + "Resolution rate" reads as a key.
  const shown = await p.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode.nodeValue ?? '');
    for (const e of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const a of ['aria-label', 'placeholder', 'title']) texts.push(e.getAttribute(a) ?? '');
    }
    return texts;
  });
  return staffKeyNames.filter((k) => shown.some((text) => new RegExp(`\\b${k}\\b`).test(text)));
};

// Staff words load with the staff area, not the first page: a staff link opened directly (from a
// bookmark, a reload, a link in a chat) must still arrive with them, in either language.
describe('a deep staff link opened directly', () => {
  it('shows its words in Chinese, then in English, also after a reload and in large text', async () => {
    const own = await staffPage(browser, app.url, 'erqi-admin');
    const heading = () => own.locator('h1').first().textContent();
    const nav = (name: string) => own.getByRole('navigation', { name });
    await own.goto(`${app.url}/staff/desk`);
    const ticket = await own.locator('main .ticket-link').first().getAttribute('href');
    expect(ticket).toMatch(/^\/staff\/desk\/[\w-]+$/);
    await own.goto(`${app.url}/staff/stats`);
    await expect.poll(heading).toBe('办件统计');
    expect(await nav('工作台导航').getByRole('link', { name: '工单', exact: true }).isVisible()).toBe(true);

    await own.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(heading).toBe('Desk statistics');
    expect(await nav('Staff navigation').getByRole('link', { name: 'Tickets', exact: true }).isVisible()).toBe(true);
    expect(await rawKeys(own)).toEqual([]);

    // A ticket's own page, loaded afresh in English and in large text.
    await own.getByRole('button', { name: /Large text/ }).click();
    await own.goto(`${app.url}${ticket}`);
    await expect.poll(() => own.locator('main .timeline li').count()).toBeGreaterThan(0);
    expect(await own.locator('main h2', { hasText: 'What happened' }).count()).toBe(1);
    expect(await nav('Staff navigation').isVisible()).toBe(true);
    expect(await own.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
    expect(await rawKeys(own)).toEqual([]);

    await own.goto(`${app.url}/staff/stats`);
    await own.reload();
    await expect.poll(heading).toBe('Desk statistics');
    await own.getByRole('button', { name: '切换到中文' }).click();
    await expect.poll(heading).toBe('办件统计');
    expect(await rawKeys(own)).toEqual([]);
    await own.context().close();
  });
});

// Every staff page, reached by tapping inside the app (a page can render on a reload and still
// stay blank when the router brings it in).
describe('every staff page, reached by navigation, renders', () => {
  it('the tabs', async () => {
    await tab('新闻').click();
    await shows('新闻稿件', 'main li.card a');
    await tab('活动').click();
    await shows('活动管理', 'main li.card .event-link');
    await tab('工单').click();
    await shows('工单队列', 'main .ticket-link');
    await tab('督办').click();
    await shows('督办清单', 'main .plain-list > *');
    await tab('统计').click();
    await shows('办件统计', 'main select, main table, main dl');
    // The chart's labels are drawn at 14 px or more on a phone.
    await expect.poll(() => page.locator('.chart text').count()).toBeGreaterThan(0);
    const sizes = await page
      .locator('.chart text')
      .evaluateAll((texts) =>
        texts.map(
          (t) =>
            Number.parseFloat(getComputedStyle(t).fontSize) *
            ((t as SVGTextElement).ownerSVGElement!.getBoundingClientRect().width / 320),
        ),
      );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    await tab('员工账号').click();
    await shows('员工账号', 'main .plain-list li');
    await tab('工作台').click();
    await shows('工作台', 'main dl.facts');
  });

  it('news: a new article and an existing one open their editor', async () => {
    await tab('新闻').click();
    await page.getByRole('link', { name: '写新稿' }).click();
    await shows('写新稿', 'main input[name="headline"]');
    await tab('新闻').click();
    await page.locator('main li.card', { hasText: '已发布' }).first().locator('a').click();
    await expect.poll(() => page.locator('main input[name="headline"]').inputValue()).not.toBe('');
    // Taking a report down asks once more; the first tap changes nothing.
    await page.getByRole('button', { name: '撤下', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '撤下后' }).isVisible()).toBe(true);
    expect(await page.locator('p.badge').textContent()).toBe('已发布');
    await page.getByRole('button', { name: '确定撤下' }).click();
    await expect.poll(() => page.locator('p.badge').textContent()).toBe('已撤下');
  });

  it('events: a new event, an event and its door list', async () => {
    await tab('活动').click();
    await page.getByRole('link', { name: '新建活动' }).click();
    await shows('新建活动', 'main input[name="title"]');
    await tab('活动').click();
    await page.locator('main li.card .event-link').first().click();
    await expect.poll(() => page.locator('main input[name="title"]').inputValue()).not.toBe('');
    await tab('活动').click();
    await page.getByRole('link', { name: '签到名单' }).first().click();
    await shows('签到名单', 'main .door-list, main li, main p');
  });

  // An action reloads the queries its page reads; a page opened right after must not wait for
  // them forever (the place tree once did, two times in five).
  it('a page opened right after an action renders', async () => {
    for (let i = 0; i < 4; i++) {
      await tab('新闻').click();
      await page.locator('main li.card', { hasText: '已发布' }).first().locator('a').click();
      await expect.poll(() => page.locator('main input[name="headline"]').inputValue()).not.toBe('');
      await page.getByRole('button', { name: '撤下', exact: true }).click();
      await page.getByRole('button', { name: '确定撤下' }).click();
      await expect.poll(() => page.locator('p.badge').textContent()).toBe('已撤下');
      await tab('活动').click();
      await page.getByRole('link', { name: '新建活动' }).click();
      await shows('新建活动', 'main input[name="title"]');
    }
  });

  it('desk: a ticket and filing for a resident', async () => {
    await tab('工单').click();
    await page.locator('main .ticket-link').first().click();
    await expect.poll(() => page.locator('main .timeline li').count()).toBeGreaterThan(0);
    await tab('工单').click();
    await page.getByRole('link', { name: '代居民登记' }).click();
    await shows('代居民登记', 'main textarea');
  });

  it('renovation: the projects, a new one, and a project’s plan, wishes, a wish, meetings and a meeting', async () => {
    await tab('改造').click();
    await shows('楼院改造项目', 'main li.card a');
    await page.getByRole('link', { name: '新建改造项目' }).click();
    await shows('新建改造项目', 'main select[name="compound"]');
    await page.getByRole('link', { name: '返回改造项目列表' }).click();
    await page.locator('main li.card a', { hasText: '铁道洁云里' }).click();
    await expect.poll(() => page.locator('main .figures div').count()).toBe(5);
    const section = (name: string) =>
      page.getByRole('navigation', { name: '项目栏目' }).getByRole('link', { name, exact: true });
    await section('心愿和意见').click();
    await expect.poll(() => page.locator('main a.wish-link').count()).toBeGreaterThan(0);
    await page.locator('main a.wish-link').first().click();
    await shows('心愿或意见', 'main input[name="outcome"]');
    await page.getByRole('link', { name: '返回心愿和意见' }).click();
    await section('联席会').click();
    await expect.poll(() => page.locator('main a.meeting-link').count()).toBeGreaterThan(0);
    await page.locator('main a.meeting-link').first().click();
    await expect.poll(() => page.locator('main input[name="wishes"]').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: '返回联席会' }).click();
    await section('方案和进度').click();
    await expect.poll(() => page.locator('main .item-state').count()).toBeGreaterThan(0);
  });

  it('staff change their own password from their desk, giving the current one, and stay signed in', async () => {
    await tab('工作台').click();
    await page.getByText('修改密码', { exact: true }).first().click();
    await page.getByLabel('当前密码').fill('not-the-password');
    await page.getByLabel('新密码（至少10位）').fill('wisteria-courtyard-86');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect
      .poll(() => page.locator('#field-currentPassword-error, .form-error').first().textContent())
      .toContain('请填写正确的当前密码');
    await page.getByLabel('当前密码').fill(demoPassword);
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '密码已修改' }).isVisible()).toBe(true);
    await tab('工单').click();
    await shows('工单队列', 'main .ticket-link');
  });
});
