import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;
const requests: Request[] = [];

// A problem reported in Jieyun Road: on Yong'an's board only when the resident looks district-wide.
const jieyunProblem = '铁道洁云里小区广场的路灯不亮，晚上听课的老人看不清路。';

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  resident = await phonePage(browser);
  resident.on('request', (r) => requests.push(r));
  const filed = await fetch(`${app.url}/api/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: app.url },
    body: JSON.stringify({
      community: 'jieyunlu',
      category: 'repairs',
      description: jieyunProblem,
      location: '小区广场',
      phone: '13800000009',
      consent: true,
    }),
  });
  expect(filed.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const scope = (page: Page) => page.getByRole('group', { name: '范围' });
const pressed = async (page: Page) =>
  (await scope(page).locator('button[aria-pressed="true"]').allTextContents()).map((s) => s.trim());
/** Every scope button is at least 44 px high and wide: a thumb's size. */
async function bigEnough(page: Page) {
  for (const button of await scope(page).getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
}
const asked = (pattern: RegExp) =>
  requests.filter((r) => pattern.test(new URL(r.url()).pathname + new URL(r.url()).search));

describe('choosing where to look, on a phone', () => {
  it('/news opened before choosing a community lets the resident choose right there, and stay', async () => {
    await resident.goto(`${app.url}/news`);
    await expect.poll(() => resident.getByRole('heading', { name: '请选择您所在的社区' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(resident)).toEqual([]);
    await screenshot(resident, 'news-choose-here');
    await resident.getByLabel('街道').selectOption({ label: '建中街街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await expect
      .poll(() => resident.getByRole('link', { name: '“合署办公”一站式服务 让居民不再往返跑' }).isVisible())
      .toBe(true);
    expect(new URL(resident.url()).pathname).toBe('/news');
    expect(await resident.locator('h1').textContent()).toBe('街道社区新闻');
    expect(await pressed(resident)).toEqual(['本社区']);
    expect(await resident.getByText('现在显示：永安社区').isVisible()).toBe(true);
  });

  it("a Yong'an resident searching the whole district finds the Small-Stool Class", async () => {
    await resident.getByLabel('搜索新闻').fill('小板凳');
    await resident.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => resident.getByText('没有找到包含“小板凳”的新闻。').isVisible()).toBe(true);
    await bigEnough(resident);
    await scope(resident).getByRole('button', { name: '全区' }).click();
    await expect.poll(() => resident.getByRole('link', { name: '小板凳大课堂 小区院里传党音' }).isVisible()).toBe(true);
    expect(await resident.getByRole('link', { name: '“小板凳课堂”下一课：疫情防控和卫生健康' }).isVisible()).toBe(true);
    expect(await pressed(resident)).toEqual(['全区']);
    expect(await resident.getByText('现在显示：全区').isVisible()).toBe(true);
    // Each result says where it is from, here another community.
    expect(await resident.locator('.news-item', { hasText: '小板凳大课堂' }).textContent()).toContain('洁云路社区');
    const url = () => new URL(resident.url());
    await expect
      .poll(() => [url().pathname, url().searchParams.get('district'), url().searchParams.get('q')])
      .toEqual(['/news', '1', '小板凳']);
    await screenshot(resident, 'news-search-district');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('remembers the scope on this phone: /news opens district-wide, its news asked for once', async () => {
    const before = asked(/^\/api\/news\?district=1$/).length;
    await resident.goto(`${app.url}/news`);
    await expect.poll(() => resident.locator('.news-item').count()).toBe(6);
    await resident.waitForLoadState('networkidle');
    expect(await pressed(resident)).toEqual(['全区']);
    // news.html asked before the app ran, with the words the app then asked with.
    expect(asked(/^\/api\/news\?district=1$/).length - before).toBe(1);
    await scope(resident).getByRole('button', { name: '全街道' }).click();
    await expect.poll(() => resident.getByText('现在显示：建中街街道').isVisible()).toBe(true);
    await expect.poll(() => new URL(resident.url()).searchParams.get('subdistrict')).toBe('jianzhongjie');
    await scope(resident).getByRole('button', { name: '本社区' }).click();
    await expect.poll(() => resident.locator('.news-item').count()).toBe(1);
    await expect.poll(() => new URL(resident.url()).search).toBe('');
  });

  it('in English the three choices read "This community / Whole sub-district / Whole district"', async () => {
    await resident.getByRole('button', { name: 'Switch to English' }).click();
    const group = resident.getByRole('group', { name: 'Where' });
    await expect
      .poll(async () => (await group.getByRole('button').allTextContents()).map((s) => s.trim()))
      .toEqual(['This community', 'Whole sub-district', 'Whole district']);
    await screenshot(resident, 'news-scope-en');
    await resident.getByRole('button', { name: /Large text/ }).click();
    for (const button of await group.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await screenshot(resident, 'news-scope-en-large');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    await resident.getByRole('button', { name: '切换到中文' }).click();
    await resident.getByRole('button', { name: /大字/ }).click();
  });

  it("the events of the whole district show Yong'an the Small-Stool Class, named by its community", async () => {
    await resident.getByRole('link', { name: '活动', exact: true }).click();
    await expect.poll(() => resident.locator('.event-card').count()).toBeGreaterThan(0);
    expect(await resident.locator('.event-card', { hasText: '小板凳课堂' }).count()).toBe(0);
    await scope(resident).getByRole('button', { name: '全区' }).click();
    const stool = resident.locator('.event-card', { hasText: '小板凳课堂' }).first();
    await expect.poll(() => stool.isVisible()).toBe(true);
    expect(await stool.textContent()).toContain('洁云路社区');
    expect(await resident.locator('.place-line').textContent()).toBe('全区');
    await expect.poll(() => new URL(resident.url()).searchParams.get('district')).toBe('1');
    await screenshot(resident, 'events-district');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    await scope(resident).getByRole('button', { name: '本社区' }).click();
    await expect.poll(() => resident.locator('.event-card', { hasText: '小板凳课堂' }).count()).toBe(0);
  });

  it("the board switches from Yong'an's own problems to the whole district's", async () => {
    await resident.goto(`${app.url}/desk/board`);
    await expect.poll(() => resident.getByText(/楼道灯坏了好久/).isVisible()).toBe(true);
    expect(await pressed(resident)).toEqual(['本社区']);
    expect(await resident.getByText(jieyunProblem).count()).toBe(0);
    await bigEnough(resident);
    await scope(resident).getByRole('button', { name: '全街道' }).click();
    await expect.poll(() => resident.getByText('现在显示：建中街街道').isVisible()).toBe(true);
    expect(await resident.getByText(jieyunProblem).count()).toBe(0);
    await scope(resident).getByRole('button', { name: '全区' }).click();
    const theirs = resident.locator('.card', { hasText: jieyunProblem });
    await expect.poll(() => theirs.isVisible()).toBe(true);
    expect(await theirs.locator('.muted').first().textContent()).toMatch(/^洁云路社区 · /);
    expect(await resident.getByText(/楼道灯坏了好久/).isVisible()).toBe(true);
    await screenshot(resident, 'desk-board-district');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    // Remembered for the board, and only for the board.
    await resident.reload();
    await expect.poll(() => resident.getByText(jieyunProblem).isVisible()).toBe(true);
    await resident.goto(`${app.url}/news`);
    await expect.poll(async () => pressed(resident)).toEqual(['本社区']);
  });

  it('/desk opened before choosing a community lets the resident choose there and file', async () => {
    const fresh = await phonePage(browser);
    await fresh.goto(`${app.url}/desk`);
    await expect.poll(() => fresh.getByRole('heading', { name: '请选择您所在的社区' }).isVisible()).toBe(true);
    await fresh.getByLabel('街道').selectOption({ label: '京广路街道' });
    await fresh.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await expect.poll(() => fresh.getByText('这是什么问题？').isVisible()).toBe(true);
    expect(new URL(fresh.url()).pathname).toBe('/desk');
    expect(await fresh.locator('h1').textContent()).toBe('社区物业合署办公');
    expect(await seriousA11yViolations(fresh)).toEqual([]);
    await fresh.context().close();
  });
});
