import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;
let eventUrl = '';
let signupUrl = '';

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  resident = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();

describe('events on a phone', () => {
  it('a resident of Jieyun Road finds the Small-Stool Class in the week view', async () => {
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '京广路街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await resident.getByRole('link', { name: '活动', exact: true }).click();
    await expect.poll(() => heading(resident)).toBe('社区活动');
    const first = resident.locator('.event-card', { hasText: '小板凳课堂' }).first();
    await expect.poll(() => first.isVisible()).toBe(true);
    // Two days ahead of the demo's day: the week view heads it "后天".
    await expect
      .poll(async () => (await resident.locator('.day-heading').allTextContents()).some((h) => h.startsWith('后天 · ')))
      .toBe(true);
    expect(await first.textContent()).toContain('还剩 24 个座位');
    const subscribe = await resident.getByRole('link', { name: /订阅日历/ }).getAttribute('href');
    expect(subscribe).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/feeds\/events\.ics\?community=jieyunlu$/);
    const feed = await resident.request.get(subscribe!.replace(/^webcal:/, 'http:'));
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain('SUMMARY:小板凳课堂');
    await screenshot(resident, 'events-list');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('opens the event page with time, venue, speaker, seats and "add to calendar"', async () => {
    await resident.locator('.event-card', { hasText: '小板凳课堂' }).first().locator('a.event-link').click();
    await expect.poll(() => heading(resident)).toBe('小板凳课堂');
    eventUrl = resident.url();
    expect(eventUrl).toMatch(/\/events\/\d+$/);
    await expect.poll(() => resident.getByText('铁道洁云里小区广场').first().isVisible()).toBe(true);
    expect(await resident.locator('.facts').textContent()).toContain('黄新生');
    const ics = resident.getByRole('link', { name: '添加到手机日历' });
    const href = await ics.getAttribute('href');
    expect(href).toMatch(/^\/api\/events\/\d+\/calendar\.ics$/);
    const res = await resident.request.get(`${app.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('SUMMARY:小板凳课堂');
    expect(text).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T093000/);
    // Tapping it hands the file to the phone (a download here), never the app's "page not found".
    const [download] = await Promise.all([resident.waitForEvent('download'), ics.tap()]);
    expect(download.suggestedFilename()).toMatch(/^event-\d+\.ics$/);
    expect(await heading(resident)).toBe('小板凳课堂');
    await screenshot(resident, 'events-event');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('signs up with a name, a phone and two seats, and lands on the private page', async () => {
    await resident.getByRole('button', { name: '报名' }).click();
    await expect.poll(() => resident.getByRole('alert').textContent()).toBe('请检查标红的内容。');
    await resident.getByLabel('姓名（签到时叫您）').fill('刘大爷');
    await resident.getByLabel('手机号').fill('139 0371 6688');
    await resident.getByText('2 人').click();
    await resident.getByRole('button', { name: '报名' }).click();
    await expect.poll(() => heading(resident)).toBe('我的报名');
    signupUrl = resident.url();
    expect(signupUrl).toMatch(/\/events\/signup\/\d+\?token=/);
    await expect.poll(() => resident.locator('.signup-status').textContent()).toContain('报名成功，给您留了 2 个座位');
    expect(await resident.content()).toContain('139****6688');
    expect(await resident.content()).not.toContain('03716688');
    await screenshot(resident, 'events-signup');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    const [download] = await Promise.all([
      resident.waitForEvent('download'),
      resident.getByRole('link', { name: '添加到手机日历' }).tap(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^event-\d+\.ics$/);
    expect(await heading(resident)).toBe('我的报名');
    // A cut-off link says so, and what to do, instead of "check your network".
    const other = await phonePage(browser);
    await other.goto(signupUrl.slice(0, -5));
    await expect.poll(() => other.getByRole('alert').textContent()).toContain('这个报名链接打不开');
    await other.context().close();
    // The event page now counts the two seats and remembers the sign-up on this phone.
    await resident.goto(eventUrl);
    await expect.poll(() => resident.getByText('还剩 22 个座位（共 30 个）').isVisible()).toBe(true);
    await expect.poll(() => resident.getByRole('link', { name: '查看我的报名' }).isVisible()).toBe(true);
  });

  it('staff check an attendee in at the door', async () => {
    const staff = await staffPage(browser, app.url, 'erqi-admin');
    await staff.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '活动' }).click();
    await expect.poll(() => heading(staff)).toBe('活动管理');
    await staff.locator('li.card', { hasText: '小板凳课堂' }).first().getByRole('link', { name: '签到名单' }).click();
    await expect.poll(() => heading(staff)).toBe('签到名单');
    await expect.poll(() => staff.getByText('13903716688').isVisible()).toBe(true);
    await staff.getByRole('button', { name: '签到 · 张阿姨' }).click();
    await expect.poll(() => staff.locator('.door-row', { hasText: '张阿姨' }).textContent()).toContain('已签到');
    await expect.poll(() => staff.locator('.door-count').textContent()).toContain('已签到 2 人');
    await screenshot(staff, 'events-door');
    expect(await seriousA11yViolations(staff)).toEqual([]);
    await staff.context().close();
  });

  it('the resident cancels, in two taps, and the seats come back', async () => {
    await resident.goto(signupUrl);
    await resident.getByRole('button', { name: '取消报名' }).click();
    await resident.getByRole('button', { name: '确定取消' }).click();
    await expect.poll(() => resident.locator('.signup-status').textContent()).toContain('您已取消报名');
    await screenshot(resident, 'events-cancelled');
    await resident.goto(eventUrl);
    await expect.poll(() => resident.getByText('还剩 24 个座位（共 30 个）').isVisible()).toBe(true);
    await expect.poll(() => resident.getByRole('button', { name: '报名' }).isVisible()).toBe(true);
  });

  it('reads in English and in large text', async () => {
    await resident.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => resident.getByRole('link', { name: 'Add to my calendar' }).isVisible()).toBe(true);
    await screenshot(resident, 'events-event-en');
    await resident.getByRole('button', { name: /Large text/ }).click();
    await resident.getByRole('link', { name: 'Events', exact: true }).click();
    await expect.poll(() => heading(resident)).toBe('Community events');
    await screenshot(resident, 'events-list-en-large');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });
});
