import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../worker/node/test-database.ts';
import {
  launchBrowser,
  phonePage,
  samplePng,
  screenshot,
  seriousA11yViolations,
  staffPage,
  startApp,
} from './harness.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
// The server's clock runs ahead once the meeting has to have begun; the phones keep real time.
let ahead = 0;
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;
let staff: Page;
let trackingUrl = '';
let wishNumber = '';

beforeAll(async () => {
  app = await startApp({ now: () => Date.now() + ahead });
  browser = await launchBrowser();
  resident = await phonePage(browser);
  staff = await staffPage(browser, app.url, 'jieyunlu');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Axe finds nothing serious in Chinese, then in English with large text; a screenshot of each. */
async function cleanThreeWays(page: Page, name: string) {
  expect(await seriousA11yViolations(page), name).toEqual([]);
  await screenshot(page, name);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: /Large text/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
  expect(await seriousA11yViolations(page), `${name} en`).toEqual([]);
  await screenshot(page, `${name}-en-large`);
  await page.getByRole('button', { name: '切换到中文' }).click();
  await page.getByRole('button', { name: /大字/ }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
}

const section = (name: string) =>
  staff.getByRole('navigation', { name: '项目栏目' }).getByRole('link', { name, exact: true });
const said = (page: Page, text: string) =>
  expect.poll(() => page.getByRole('status').filter({ hasText: text }).isVisible()).toBe(true);

describe('staff close the loop of a courtyard renovation', () => {
  it('a resident sends a wish to the live project', async () => {
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '京广路街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await resident.getByRole('link', { name: '全部改造项目' }).click();
    await resident.getByRole('link', { name: /铁道洁云里/ }).click();
    await resident.getByLabel('请说说您的想法').fill('希望广场边上装几个扶手，老人起身方便。');
    await resident.getByLabel('关于哪一项（可不选）').selectOption({ label: '小区广场铺装和座椅' });
    await resident.getByLabel('手机号（用于回访，不会公开）').fill('13912345678');
    await resident.getByText(/我同意社区保存我的称呼/).click();
    await resident.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => resident.locator('h1').textContent()).toBe('心愿和意见的进度');
    trackingUrl = resident.url();
    wishNumber = /\/renovation\/w\/([^?]+)/.exec(trackingUrl)![1]!;
  });

  it('staff open the project from the 改造 tab and see its figures', async () => {
    await staff
      .getByRole('navigation', { name: '工作台导航' })
      .getByRole('link', { name: '改造', exact: true })
      .click();
    await staff.getByRole('link', { name: /铁道洁云里/ }).click();
    await staff.getByRole('heading', { name: '项目统计' }).waitFor();
    expect(await staff.locator('.figures div').count()).toBe(5);
    await expect.poll(() => staff.locator('.figures div').first().textContent()).toContain('4');
    await cleanThreeWays(staff, 'reno-staff-project');
  });

  it('put the wish and the objection on the upcoming meeting’s agenda', async () => {
    await section('联席会').click();
    await staff.locator('a.meeting-link', { hasText: '充电棚选址' }).click();
    await staff.getByRole('heading', { name: '议程' }).waitFor();
    const objection = staff.getByRole('checkbox', { name: /反对把充电棚/ });
    expect(await objection.isChecked()).toBe(true);
    await staff.getByRole('checkbox', { name: /扶手/ }).check();
    // A double tap sends it once: the second tap meets a busy button, not a stale version.
    await staff.getByRole('button', { name: '保存议程' }).dblclick();
    await said(staff, '议程已保存：3项。');
    expect(await staff.locator('.form-error').count()).toBe(0);
    await cleanThreeWays(staff, 'reno-staff-meeting-agenda');
  });

  it('record the minutes: every decision in one submit, each error beside its item', async () => {
    // A week on, the meeting has been held; the session has lapsed meanwhile, and signing in
    // again comes back to the meeting.
    ahead = 8 * DAY_MS;
    await staff.reload();
    await staff.getByLabel('用户名').fill('jieyunlu');
    await staff.getByLabel('密码').fill(demoPassword);
    await staff.getByRole('button', { name: '登录' }).click();
    await staff.getByRole('heading', { name: '议程' }).waitFor();
    await staff.getByText('记录会议纪要和决定').click();
    const decision = (text: string) => staff.locator('fieldset.decision', { hasText: text });
    const wish = decision(wishNumber);
    await wish.getByLabel('采纳，纳入方案').check();
    await wish.getByLabel(/纳入哪一项改造内容/).selectOption({ label: '小区广场铺装和座椅' });
    const objection = decision('反对把充电棚');
    await objection.getByLabel('做不到', { exact: true }).check();
    await objection.getByLabel(/决定说明/).fill('广场东侧离住宅窗户太近，不符合消防间距，不在这里建。');
    await staff.getByLabel(/会议纪要/).fill('四方议定：广场增设扶手纳入广场铺装；充电棚不建在广场东侧，选址下次再议。');
    await staff.getByLabel('到会人数').fill('16');
    await staff.getByRole('button', { name: '提交纪要和决定' }).click();
    // The third item has no decision yet: said beside it, and the focus is there.
    const shed = decision('充电棚建在3号楼北侧');
    await expect.poll(() => shed.locator('.form-error').textContent()).toBe('请为这个议题选一个决定。');
    expect(await staff.evaluate(() => (document.activeElement as HTMLInputElement).name)).toMatch(/^decision-/);
    await screenshot(staff, 'reno-staff-minutes-error');
    await shed.getByLabel('延后再议').check();
    await expect.poll(() => shed.locator('.form-error').count()).toBe(0);
    const later = new Date(Date.now() + 21 * DAY_MS).toISOString().slice(0, 10);
    await shed.getByLabel(/延后到哪天再议/).fill(later);
    expect(await seriousA11yViolations(staff)).toEqual([]);
    await staff.getByRole('button', { name: '提交纪要和决定' }).click();
    await said(staff, '纪要已记录');
    await staff.getByRole('heading', { name: '会议决定' }).waitFor();
    await cleanThreeWays(staff, 'reno-staff-meeting-minutes');
  });

  it('the resident’s page shows the meeting’s decision', async () => {
    await resident.goto(trackingUrl);
    await expect.poll(() => resident.getByText('已纳入改造方案').first().isVisible()).toBe(true);
    expect(await resident.getByText('联席会作出决定').isVisible()).toBe(true);
    expect(await resident.getByText(/对应改造内容：小区广场铺装和座椅/).isVisible()).toBe(true);
  });

  it('staff mark the item done with its after photo, then answer that the wish came true', async () => {
    await staff.getByRole('link', { name: '返回联席会' }).click();
    await section('方案和进度').click();
    const item = staff.locator('li.card', { hasText: '小区广场铺装和座椅' });
    await item.getByText('修改这一项').click();
    await item.getByLabel('状态（居民可见）', { exact: true }).selectOption('done');
    await item
      .locator('fieldset.photos', { hasText: '改造后' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: samplePng() });
    await expect.poll(() => item.locator('fieldset.photos .thumbs img').count()).toBe(1);
    await item.getByRole('button', { name: '保存' }).click();
    await said(staff, '这一项已保存。');
    await expect.poll(() => item.locator('.item-state').textContent()).toContain('已完成');
    await screenshot(staff, 'reno-staff-item-done');

    await section('心愿和意见').click();
    await staff.locator('a.wish-link', { hasText: wishNumber }).click();
    await staff.getByRole('heading', { name: '给出答复' }).waitFor();
    expect(await staff.getByText('13912345678').isVisible()).toBe(true);
    await cleanThreeWays(staff, 'reno-staff-wish');
    await staff.getByLabel('已成真').check();
    await staff.getByLabel(/对应的改造内容/).selectOption({ label: '小区广场铺装和座椅（已完成）' });
    await staff.getByRole('button', { name: '发送答复' }).click();
    await said(staff, '已答复：已成真。');
    // The form is empty again, so a second tap would not send it twice.
    expect(await staff.getByLabel('已成真').isChecked()).toBe(false);
    await screenshot(staff, 'reno-staff-wish-answered');
  });

  it('the resident sees 已成真 with the after photo', async () => {
    await resident.reload();
    await expect.poll(() => resident.getByText('已成真').first().isVisible()).toBe(true);
    const photo = resident.locator('.answer img[alt*="改造后"]');
    await expect.poll(() => photo.isVisible()).toBe(true);
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(resident, 'reno-wish-came-true');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('the triage list filters by answer and kind', async () => {
    await staff.getByRole('link', { name: '返回心愿和意见' }).click();
    await staff.getByLabel(/^答复/).selectOption('all');
    await staff.getByLabel(/^类型/).selectOption('objection');
    await expect.poll(() => staff.locator('a.wish-link').count()).toBe(1);
    expect(await staff.locator('main .card').first().textContent()).toContain('做不到');
    await cleanThreeWays(staff, 'reno-staff-wishes');
  });
});
