import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, staffPage, startApp } from './harness.ts';

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

/** The id of the element that has the focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const errorOf = (page: Page, id: string) => page.locator(`#${id}-error`);
/** Forms with checks of their own that would still show the browser's bubbles. */
const bubblingForms = (page: Page) =>
  page.evaluate(
    () =>
      [...document.forms].filter(
        (f) =>
          !f.noValidate &&
          [...f.elements].some(
            (el) =>
              (el as HTMLInputElement).willValidate &&
              el.matches('[required],[minlength],[maxlength],[type=url],[type=email],[type=number],[min],[max]'),
          ),
      ).length,
  );

// One behaviour everywhere: the app's message beside the field, focus to the first error, each
// error cleared as its field is fixed, never the browser's bubbles.
describe('form errors', () => {
  it('a resident filing a ticket: checks before sending, then the server’s, each cleared when fixed', async () => {
    const page = await phonePage(browser);
    await page.goto(app.url);
    await page.getByLabel('街道').selectOption({ label: '建中街街道' });
    await page.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await page.getByRole('link', { name: '办事' }).click();
    await page.getByRole('button', { name: '提交' }).waitFor();
    expect(await bubblingForms(page)).toBe(0);

    await page.getByRole('button', { name: '提交' }).click();
    // Nothing was sent: every empty required field says so, and the first one has the focus.
    await expect.poll(() => focused(page)).toBe('field-description');
    for (const id of ['field-description', 'field-location', 'field-phone', 'field-consent'])
      expect(await errorOf(page, id).isVisible(), id).toBe(true);
    expect(await page.locator('#field-description').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').textContent()).toBe('请检查标红的内容。');
    await screenshot(page, 'form-errors-ticket');

    // Fixing a field clears its error at once; the others stay until they are fixed too.
    await page.getByLabel('请说说具体情况').fill('路灯');
    expect(await errorOf(page, 'field-description').count()).toBe(0);
    expect(await page.locator('#field-description').getAttribute('aria-invalid')).toBe('false');
    expect(await errorOf(page, 'field-location').isVisible()).toBe(true);

    // The server's own rule (at least four characters) arrives the same way: beside the field, focused.
    await page.getByLabel('具体位置').fill('1号楼门口');
    await page.getByLabel('手机号（用于回访，不会公开）').fill('12345');
    await page.getByText(/我同意社区保存我的联系方式/).click();
    await page.getByLabel('具体位置').focus();
    await page.getByRole('button', { name: '提交' }).click();
    await expect
      .poll(() => errorOf(page, 'field-description').textContent())
      .toBe('请用几句话说说具体情况（至少4个字）。');
    await expect.poll(() => focused(page)).toBe('field-description');
    expect(await errorOf(page, 'field-phone').textContent()).toBe('请填写11位手机号，或带区号的座机号。');
    expect(await errorOf(page, 'field-location').count()).toBe(0);
    await page.getByLabel('请说说具体情况').fill('5号楼门口的路灯不亮了。');
    expect(await errorOf(page, 'field-description').count()).toBe(0);
    expect(await errorOf(page, 'field-phone').isVisible()).toBe(true);
    await page.getByLabel('手机号（用于回访，不会公开）').fill('13812345678');
    expect(await errorOf(page, 'field-phone').count()).toBe(0);
    // With every field fixed, the form no longer says to check the fields in red.
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('办理进度');
    await page.context().close();
  });

  it('staff: signing in and a desk action behave the same way', async () => {
    const page = await phonePage(browser);
    await page.goto(`${app.url}/staff/sign-in`);
    expect(await bubblingForms(page)).toBe(0);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => focused(page)).toBe('login');
    expect(await errorOf(page, 'login').isVisible()).toBe(true);
    expect(await errorOf(page, 'password').isVisible()).toBe(true);
    await page.context().close();

    const staff = await staffPage(browser, app.url, 'yongan');
    await staff.getByRole('link', { name: '工单', exact: true }).first().click();
    await staff.locator('main .ticket-link').first().click();
    await staff.getByRole('heading', { name: '办理', exact: true }).waitFor();
    expect(await bubblingForms(staff)).toBe(0);
    const note = staff.locator('details.action', { has: staff.locator('#act-note-body') });
    await note.locator('summary').click();
    await note.getByRole('button', { name: '添加说明' }).click();
    await expect.poll(() => focused(staff)).toBe('act-note-body');
    expect(await errorOf(staff, 'act-note-body').textContent()).toBe('请填写正文。');
    await staff.locator('#act-note-body').fill('已电话联系居民。');
    expect(await errorOf(staff, 'act-note-body').count()).toBe(0);
    await staff.context().close();
  });

  it('no staff page keeps a form with the browser’s bubbles', async () => {
    const staff = await staffPage(browser, app.url, 'erqi-admin');
    for (const path of ['/staff/accounts', '/staff/news/new', '/staff/events/new', '/staff/supervision', '/staff'])
      await staff.goto(`${app.url}${path}`).then(async () => {
        await staff.locator('main h1').waitFor();
        await staff.waitForLoadState('networkidle');
        expect(await bubblingForms(staff), path).toBe(0);
      });
    await staff.context().close();
  });
});
