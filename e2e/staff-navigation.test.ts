import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
