import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../worker/node/test-database.ts';
import { launchBrowser, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

/** The joint desk's PC: a 1366×768 screen, a mouse and a keyboard, signed in. */
async function deskPage(login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const p = await context.newPage();
  p.on('pageerror', (err) => {
    throw err;
  });
  await p.goto(`${app.url}/staff/sign-in`);
  await p.getByLabel('用户名').fill(login);
  await p.getByLabel('密码').fill(demoPassword);
  await p.getByRole('button', { name: '登录' }).click();
  await p.locator('h1', { hasText: '工作台' }).waitFor();
  return p;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await deskPage('erqi-admin');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const table = () => page.locator('table.queue-table');
const rowNumbers = () =>
  table()
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
const selected = () => table().locator('tbody tr[aria-current="true"]').getAttribute('data-number');
const pane = () => page.getByRole('region', { name: '选中的工单' });
const row = (text: string) => table().locator('tbody tr', { hasText: text });
/** Takes the keyboard's focus out of any field, as a click on the page's heading does. */
/** A filter above the table, by the start of its label (a select's name also holds its options). */
const filter = (label: string) => page.getByRole('combobox', { name: new RegExp(`^${label}`) });
const unfocus = () => page.locator('h1').first().click();
/** How many tickets the queue API gives for this query: what the table must show. */
const served = async (query: string) =>
  ((await (await page.request.get(`${app.url}/api/desk/tickets?limit=200&${query}`)).json()) as { tickets: unknown[] })
    .tickets.length;

describe('the workbench at the joint desk’s PC', () => {
  it('shows the open demo tickets as a table with its columns', async () => {
    await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '工单', exact: true }).click();
    const open = await served('status=open');
    expect(open).toBeGreaterThan(2);
    await expect.poll(() => table().locator('tbody tr').count()).toBe(open);
    expect(await table().locator('thead th[scope="col"]').allTextContents()).toEqual([
      '编号和内容↕',
      '类别↕',
      '负责方↕',
      '状态↕',
      '期限↕',
      '已登记↕',
      '经办人↕',
    ]);
    const overdue = row('3号楼下堆满装修垃圾');
    expect(await overdue.locator('.col-due').textContent()).toMatch(/已超期\d+个工作日/);
    expect(await overdue.locator('.col-age').textContent()).toBe('9天');
    expect(await row('监控').locator('.status').textContent()).toBe('已受理登记');
    expect(await pane().textContent()).toContain('在左边的表格里点一张工单');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('sorts by due date, both ways, and keeps the order in the URL', async () => {
    const dueHeader = table().locator('thead th', { hasText: '期限' });
    await dueHeader.getByRole('button').click();
    await expect.poll(() => dueHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(page.url()).toContain('sort=due');
    const ascending = await rowNumbers();
    // Sooner first by what the queue API says is left: working days where it gives them (a paused
    // clock keeps what was left when it stopped, so its due instant may be the earlier one), else
    // the due instant.
    const queue = (await (await page.request.get(`${app.url}/api/desk/tickets?limit=200&status=open`)).json()) as {
      tickets: { number: string; dueAt: number; workingDaysLeft: number | null }[];
    };
    const left = new Map(queue.tickets.map((t) => [t.number, t.workingDaysLeft ?? t.dueAt]));
    const dues = ascending.map((n) => left.get(n!));
    expect(dues).not.toContain(undefined);
    expect(dues).toEqual([...dues].sort((a, b) => a! - b!));
    expect(await table().locator('tbody tr').first().textContent()).toContain('3号楼下堆满装修垃圾');
    await dueHeader.getByRole('button').click();
    await expect.poll(() => dueHeader.getAttribute('aria-sort')).toBe('descending');
    // Reversed by what is left; tickets with the same left keep the server's order both ways.
    const descending = await rowNumbers();
    expect(descending.map((n) => left.get(n!))).toEqual([...dues].reverse());
    expect([...descending].sort()).toEqual([...ascending].sort());
    expect(page.url()).toContain('sort=-due');
  });

  it('narrows the table by a filter', async () => {
    await filter('负责方').selectOption({ label: '物业' });
    await expect.poll(() => table().locator('tbody tr').count()).toBe(await served('status=open&owner=property'));
    expect(await row('装修垃圾').count()).toBe(0);
    await filter('状态').selectOption({ label: '全部状态' });
    await filter('负责方').selectOption({ label: '全部' });
    await expect.poll(() => table().locator('tbody tr').count()).toBe(await served(''));
    await filter('类别').selectOption({ label: '上门服务' });
    await expect.poll(() => table().locator('tbody tr').count()).toBe(1);
    await filter('类别').selectOption({ label: '全部类别' });
    await filter('状态').selectOption({ label: '未办结' });
    await expect.poll(() => table().locator('tbody tr').count()).toBe(await served('status=open'));
  });

  it('shows a clicked ticket beside the table, with ?t= in the URL that a reload keeps', async () => {
    await row('监控').locator('td').nth(1).click();
    const number = (await row('监控').getAttribute('data-number'))!;
    await expect.poll(() => pane().locator('h2.ticket-number').textContent()).toBe(number);
    expect(new URL(page.url()).searchParams.get('t')).toBe(number);
    expect(await pane().locator('.ticket-description').textContent()).toBe(
      '小区里的监控区域能尽可能多覆盖一些吗？东门和车棚现在都拍不到。',
    );
    expect(await selected()).toBe(number);
    expect(await row('监控').getAttribute('aria-selected')).toBe('true');
    await page.reload();
    await expect.poll(() => pane().locator('h2.ticket-number').textContent()).toBe(number);
    expect(await selected()).toBe(number);
    expect(await table().locator('thead th', { hasText: '期限' }).getAttribute('aria-sort')).toBe('descending');
    await screenshot(page, 'workbench-zh');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('moves the selection with j and k, and the arrow keys', async () => {
    const order = await rowNumbers();
    const at = order.indexOf(await selected());
    const step = at < order.length - 1 ? 1 : -1;
    await page.keyboard.press(step === 1 ? 'j' : 'k');
    await expect.poll(selected).toBe(order[at + step]);
    await expect.poll(() => pane().locator('h2.ticket-number').textContent()).toBe(order[at + step]);
    await page.keyboard.press(step === 1 ? 'ArrowUp' : 'ArrowDown');
    await expect.poll(selected).toBe(order[at]);
    // The number is a real link to the same view with that ticket chosen.
    await row('装修垃圾').getByRole('link').click();
    const other = (await row('装修垃圾').getAttribute('data-number'))!;
    await expect.poll(selected).toBe(other);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-due');
    await page.goBack();
    await expect.poll(selected).toBe(order[at]);
    // Inside a field the keys are the field's: nothing moves.
    await filter('状态').focus();
    await page.keyboard.press('j');
    expect(await selected()).toBe(order[at]);
    await unfocus();
  });

  it('accepts the submitted ticket with a, and another ticket chosen right after still loads', async () => {
    const number = (await row('监控').getAttribute('data-number'))!;
    expect(await selected()).toBe(number);
    await expect.poll(() => pane().locator('.status').first().textContent()).toContain('已受理登记');
    await page.keyboard.press('a');
    await expect.poll(() => row('监控').locator('.status').textContent()).toBe('已确认负责方');
    await expect.poll(() => pane().locator('.status').first().textContent()).toContain('已确认负责方');
    expect(await pane().getByRole('status').filter({ hasText: '已完成' }).textContent()).toBe(
      '已完成：确认负责并受理。',
    );
    // Another ticket straight after the action, and back: both load.
    await page.keyboard.press('j');
    await expect.poll(() => pane().locator('h2.ticket-number').textContent()).not.toBe(number);
    await expect.poll(() => pane().locator('.timeline li').count()).toBeGreaterThan(0);
    await page.keyboard.press('k');
    await expect.poll(() => pane().locator('h2.ticket-number').textContent()).toBe(number);
    await expect.poll(() => pane().locator('.timeline li', { hasText: '确认负责' }).count()).toBeGreaterThan(0);
  });

  it('focuses the note field with n, and the note is added', async () => {
    await page.keyboard.press('n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('act-note-body');
    // The key that opened the box is not typed into it.
    expect(await pane().getByLabel('添加说明', { exact: true }).inputValue()).toBe('');
    await page.keyboard.type('已请物业电工下午去东门查看监控位置。');
    await pane().getByRole('button', { name: '添加说明' }).click();
    await expect
      .poll(() => pane().locator('.timeline li', { hasText: '已请物业电工下午去东门查看监控位置。' }).count())
      .toBe(1);
    await unfocus();
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('act-resolve-note');
    await unfocus();
  });

  it('shows the shortcuts with ?, in English too', async () => {
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('region', { name: '快捷键' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: '快捷键' }).locator('kbd').count()).toBeGreaterThan(6);
    await page.keyboard.press('h');
    await expect.poll(() => page.getByRole('region', { name: '快捷键' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Ticket queue');
    await expect.poll(() => table().locator('thead th').first().textContent()).toBe('Number and request↕');
    await screenshot(page, 'workbench-en');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('工单队列');
  });

  it('opens the walk-in filing page with f', async () => {
    await unfocus();
    await page.keyboard.press('f');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('代居民登记');
    expect(new URL(page.url()).pathname).toBe('/staff/desk/new');
  });

  it('fits the table beside the ticket at 1024 px, the narrowest desk screen', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goBack();
    await expect.poll(() => table().locator('tbody tr').count()).toBe(await served('status=open'));
    await expect.poll(() => pane().locator('h2.ticket-number').count()).toBe(1);
    const queue = page.locator('.workbench-queue');
    expect(await queue.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(
      await table()
        .locator('.row-description')
        .first()
        .evaluate((el) => el.clientWidth),
    ).toBeGreaterThan(120);
    // The ticket number is whole inside its cell, never running into the next column.
    const spill = await table()
      .locator('td.col-number')
      .evaluateAll((cells) => cells.map((td) => td.scrollWidth - td.clientWidth));
    expect(Math.max(...spill)).toBeLessThanOrEqual(0);
    await screenshot(page, 'workbench-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('keeps the cards on a phone', async () => {
    const phone = await staffPage(browser, app.url, 'erqi-admin');
    await phone.goto(`${app.url}/staff/desk`);
    await expect.poll(() => phone.locator('main .ticket-card').count()).toBeGreaterThan(2);
    expect(await phone.locator('table').count()).toBe(0);
    expect(await phone.getByRole('region', { name: '选中的工单' }).count()).toBe(0);
    await phone.context().close();
  });
});
