import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let family: Page;
let community: Page;
let bank: Page;
let trackingUrl = '';
let number = '';
let code = '';

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  family = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Tomorrow in Zhengzhou, as a date field takes it. */
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
const heading = (page: Page) => page.locator('h1').first().textContent();
const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name, exact: true });
/** The door code's four digits fit inside its frame and the screen (large text too). */
const codeFits = (page: Page) =>
  page.locator('.door-code').evaluate((frame) => {
    const digits = frame.querySelector('.door-code-digits')!.getBoundingClientRect();
    const box = frame.getBoundingClientRect();
    return digits.left >= box.left && digits.right <= box.right && box.right <= window.innerWidth;
  });
const clean = async (page: Page) => expect(await seriousA11yViolations(page)).toEqual([]);
/** Opens an action's small form on the staff visit page and sends it. */
const openAction = (page: Page, name: string) => page.locator('details.action > summary', { hasText: name }).click();
const send = async (page: Page, name: string) => {
  await page.locator('details.action[open]').getByRole('button', { name }).click();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `已完成：${name}` })
        .isVisible(),
    )
    .toBe(true);
};

describe('a home visit for a grandparent, on phones', () => {
  it('the family finds home visits on the home page and the desk of Gongren Road, and asks for one', async () => {
    await family.goto(app.url);
    await family.getByLabel('街道').selectOption({ label: '嵩山路街道' });
    await family.getByLabel('社区', { exact: true }).selectOption({ label: '工人路社区' });
    // The community's home page says what can be done at home.
    await family.getByRole('heading', { name: '上门服务' }).waitFor();
    expect(await family.getByText('社保卡更换及激活').isVisible()).toBe(true);
    await clean(family);
    // The desk sends the 上门服务 category to its own form instead of filing a ticket.
    await family.getByRole('link', { name: '办事', exact: true }).click();
    await family.getByRole('heading', { name: '上门服务' }).waitFor();
    await screenshot(family, 'home-visit-desk-pointer');
    await clean(family);
    await family.getByRole('link', { name: '申请上门服务' }).click();
    await expect.poll(() => heading(family)).toBe('上门服务');
    await family.getByRole('button', { name: '提交申请' }).waitFor();
    await screenshot(family, 'home-visit-form');
    await clean(family);
    // Readable in English and in large text too.
    await family.getByRole('button', { name: 'Switch to English' }).click();
    await family.getByRole('button', { name: /Large text/ }).click();
    await expect.poll(() => family.getByRole('heading', { name: 'Ask for a home visit' }).isVisible()).toBe(true);
    await screenshot(family, 'home-visit-form-en-large');
    await clean(family);
    await family.getByRole('button', { name: '切换到中文' }).click();
    await screenshot(family, 'home-visit-form-large');
    await clean(family);
    await family.getByRole('button', { name: /大字/ }).click();

    // For whom is the first question; nothing is sent until it is answered, and it has the focus.
    await family.getByRole('button', { name: '提交申请' }).click();
    await expect
      .poll(() => family.evaluate(() => (document.activeElement as HTMLInputElement)?.name))
      .toBe('forWhom_relation');
    expect(await family.locator('#field-forWhom_relation-error').textContent()).toContain('请选择为谁申请');
    expect(await family.locator('#field-address_room-error').isVisible()).toBe(true);
    await screenshot(family, 'home-visit-form-errors');
    await clean(family);

    await family.getByText('为家里人', { exact: true }).click();
    await family.getByText('社保卡更换及激活').click();
    await family.getByLabel('要上门服务的人的姓名').fill('贺建国');
    await family.getByLabel('上门时怎么称呼').fill('贺爷爷');
    await family.getByLabel('您自己怎么称呼（可不填）').fill('贺小雨');
    await family.getByLabel('楼号').fill('5号楼');
    await family.getByLabel('单元（没有可不填）').fill('1单元');
    await family.getByLabel('联系电话（上门前联系，不会公开）').fill('12345');
    await family.getByText('年纪大了').click();
    await family.getByLabel('什么时候方便上门（可不填）').fill('工作日上午');
    await family.getByText(/我同意社区保存以上信息/).click();
    // The server's own rules come back beside their fields too, a nested one (address.room) included.
    await family.getByLabel('门牌号').fill('   ');
    await family.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => family.locator('#field-address_room-error').textContent()).toBe('请填写门牌号。');
    expect(await family.locator('#field-phone-error').textContent()).toBe('请填写11位手机号，或带区号的座机号。');
    await expect.poll(() => family.evaluate(() => document.activeElement?.id)).toBe('field-address_room');
    await family.getByLabel('门牌号').fill('302');
    await family.getByLabel('联系电话（上门前联系，不会公开）').fill('139 1234 5678');
    await family.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => heading(family)).toBe('上门服务进度');
    trackingUrl = family.url();
    expect(trackingUrl).toMatch(/\/home-visits\/t\/GR-H\d{8}-\d{4}\?token=/);
    number = new URL(trackingUrl).pathname.split('/').at(-1)!;
    await expect.poll(() => family.getByText('已提交，等社区审核').isVisible()).toBe(true);
    expect(await family.getByText('139****5678').isVisible()).toBe(true);
    // Building and unit only: the door number stays with the staff.
    expect(await family.getByText('302').count()).toBe(0);
    await screenshot(family, 'home-visit-tracking-requested');
    await clean(family);
  });

  it('a cut-off or wrong link says so, the same way', async () => {
    const page = await phonePage(browser);
    // The page names the community to ask, by the number's code.
    await page.goto(trackingUrl.slice(0, -6));
    await expect.poll(() => page.locator('main').textContent()).toContain('工人路社区');
    const cut = await page.locator('main').textContent();
    await page.goto(trackingUrl.replace(number, number.replace(/\d{4}$/, '9999')));
    await expect.poll(() => page.locator('main').textContent()).toContain('工人路社区');
    expect((await page.locator('main').textContent())?.replace(/9999/, number.slice(-4))).toBe(cut);
    await clean(page);
    await page.context().close();
  });

  it('Gongren Road community reviews it and sends it on to the bank', async () => {
    community = await staffPage(browser, app.url, 'gongrenlu');
    await tab(community, '上门服务').click();
    await expect.poll(() => heading(community)).toBe('上门服务申请');
    await community.getByRole('link', { name: new RegExp(number) }).click();
    await expect.poll(() => heading(community)).toBe(number);
    // Community staff see the address and phone in full.
    await expect.poll(() => community.getByText('5号楼 1单元 302').isVisible()).toBe(true);
    expect(await community.getByRole('link', { name: '13912345678' }).isVisible()).toBe(true);
    await clean(community);
    await openAction(community, '审核通过');
    await send(community, '审核通过');
    await expect.poll(() => community.getByText('社区审核通过，正在找服务单位').isVisible()).toBe(true);
    await openAction(community, '转给服务单位');
    await community.getByLabel('转给哪个单位').selectOption({ label: '中国银行郑州中原支行' });
    await send(community, '转给服务单位');
    await expect.poll(() => community.getByText('已转给服务单位，等对方接单').isVisible()).toBe(true);
    // Only what the server offers now: sending again is no longer one of them.
    expect(await community.locator('details.action > summary', { hasText: '转给服务单位' }).count()).toBe(0);
    await openAction(community, '添加说明');
    await community.getByLabel('添加说明', { exact: true }).fill('家属说爷爷耳背，敲门要用力。');
    await send(community, '添加说明');
    await expect.poll(() => community.locator('.timeline li.internal').count()).toBe(1);
    await screenshot(community, 'home-visit-staff-sent');
    await clean(community);
  });

  it('the bank accepts a slot with the visitor’s name', async () => {
    bank = await staffPage(browser, app.url, 'boc-zhongyuan');
    await tab(bank, '上门服务').click();
    await expect.poll(() => heading(bank)).toBe('我们的上门服务');
    await bank.getByRole('link', { name: new RegExp(number) }).click();
    await expect.poll(() => bank.getByText('5号楼 1单元 302').isVisible()).toBe(true);
    // The community's internal note is for staff; the partner sees it marked so.
    expect(await bank.getByText('贺爷爷').first().isVisible()).toBe(true);
    await openAction(bank, '接单');
    await bank.getByLabel('日期').fill(tomorrow());
    await bank.getByLabel('从几点').fill('09:30');
    await bank.getByLabel('到几点').fill('10:30');
    await bank.getByLabel('上门人员姓名（可不填）').fill('王经理');
    await send(bank, '接单');
    await expect.poll(() => bank.getByText('服务单位已接单，正在约时间').isVisible()).toBe(true);
    await screenshot(bank, 'home-visit-partner-accepted');
    await clean(bank);
  });

  it('the family confirms the time and sees who will come and the door code', async () => {
    // Back to the request from the phone's own list, by tapping.
    await family.getByRole('link', { name: '首页' }).click();
    await family.locator('#home-visits').waitFor();
    await family.locator('section[aria-labelledby="home-visits"]').getByRole('link', { name: '申请上门服务' }).click();
    await family.getByRole('link', { name: number }).click();
    await expect.poll(() => family.getByRole('heading', { name: '这个时间可以吗？' }).isVisible()).toBe(true);
    await family.getByRole('button', { name: '可以，就这个时间' }).click();
    await expect.poll(() => family.getByText('上门时间已约好').first().isVisible()).toBe(true);
    const card = family.locator('.visitor-card');
    await expect.poll(() => card.getByText('王经理').isVisible()).toBe(true);
    expect(await card.getByText('中国银行郑州中原支行').isVisible()).toBe(true);
    code = (await card.locator('.door-code-digits').textContent())!.trim();
    expect(code).toMatch(/^\d{4}$/);
    expect(await card.getByText('上门人员到家时会出示这个号码，号码对得上再开门。').isVisible()).toBe(true);
    // Very large digits: at least three times the body text.
    const size = await card
      .locator('.door-code-digits')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(54);
    await screenshot(family, 'home-visit-tracking-code');
    await clean(family);

    await family.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => heading(family)).toBe('Home visit progress');
    await expect.poll(() => card.getByText('Door code').isVisible()).toBe(true);
    await screenshot(family, 'home-visit-tracking-code-en');
    await clean(family);
    await family.getByRole('button', { name: /Large text/ }).click();
    expect(await codeFits(family)).toBe(true);
    await screenshot(family, 'home-visit-tracking-code-en-large');
    await clean(family);
    await family.getByRole('button', { name: '切换到中文' }).click();
    await expect.poll(() => heading(family)).toBe('上门服务进度');
    await screenshot(family, 'home-visit-tracking-code-large');
    await clean(family);
    await family.getByRole('button', { name: /大字/ }).click();
  });

  it('the bank sees the same code on its visit page and records the visit done', async () => {
    await bank.reload();
    await expect.poll(() => bank.locator('.door-code-digits').textContent()).toBe(code);
    await screenshot(bank, 'home-visit-partner-scheduled');
    await clean(bank);
    await bank.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => bank.locator('.door-code-label').textContent()).toContain('Door code');
    await bank.getByRole('button', { name: /Large text/ }).click();
    expect(await codeFits(bank)).toBe(true);
    await screenshot(bank, 'home-visit-partner-scheduled-en-large');
    await clean(bank);
    await bank.getByRole('button', { name: '切换到中文' }).click();
    await bank.getByRole('button', { name: /大字/ }).click();
    await openAction(bank, '已上门办好');
    await bank.getByLabel('办了什么（申请人可见，可不填）').fill('新社保卡已激活，交给贺爷爷本人。');
    await send(bank, '已上门办好');
    await expect.poll(() => bank.getByText('已上门，请您确认').isVisible()).toBe(true);
    expect(await bank.locator('.door-code-digits').count()).toBe(0);
    // The address stays a few days for a follow-up call, and the page says until when.
    expect(await bank.getByText(/住址和电话显示到/).isVisible()).toBe(true);
    await clean(bank);
  });

  it('the family confirms the visit and rates it', async () => {
    await family.reload();
    await expect.poll(() => family.getByRole('heading', { name: '已经上门办好了吗？' }).isVisible()).toBe(true);
    expect(await family.locator('.door-code-digits').count()).toBe(0);
    await family.getByText('★★★★★ 5 星').click();
    await family.getByLabel('想说的话（可不填）').fill('王经理很耐心，谢谢社区和银行。');
    await family.getByRole('button', { name: '确认已办好' }).click();
    await expect.poll(() => family.locator('.status').first().textContent()).toContain('已办好');
    await expect.poll(() => family.getByText(/您的评价: ★★★★★ 5 星/).isVisible()).toBe(true);
    expect(await family.getByRole('heading', { name: '给这次上门服务打分' }).count()).toBe(0);
    await screenshot(family, 'home-visit-tracking-rated');
    await clean(family);
  });
});

describe('home-visit staff pages, reached by tapping', () => {
  it('the queue, a partner’s figures and a visit render; filters narrow the queue', async () => {
    await tab(community, '上门服务').click();
    await expect.poll(() => community.locator('main .ticket-link').count()).toBeGreaterThan(0);
    await community.getByLabel('状态').selectOption({ label: '全部状态' });
    await expect.poll(() => community.locator('main .ticket-link').count()).toBe(3);
    await community.getByLabel(/^服务单位/).selectOption({ label: '中国银行郑州中原支行' });
    await expect.poll(() => community.locator('main .ticket-link').count()).toBe(2);
    await screenshot(community, 'home-visit-staff-queue');
    await clean(community);
    await community.getByRole('link', { name: '各服务单位情况' }).click();
    await expect.poll(() => heading(community)).toBe('各服务单位情况');
    const boc = community.locator('li.card', { hasText: '中国银行郑州中原支行' });
    await expect.poll(() => boc.getByText('100%').isVisible()).toBe(true);
    expect(await boc.getByText(/★ 5/).isVisible()).toBe(true);
    await screenshot(community, 'home-visit-staff-partners');
    await clean(community);
    await community.getByRole('link', { name: '回到上门服务列表' }).click();
    await community.locator('main .ticket-link').first().click();
    await expect.poll(() => community.locator('main .timeline li').count()).toBeGreaterThan(0);
    await clean(community);
  });

  it('a partner opening a visit long over sees that the address and phone are no longer shown', async () => {
    await tab(bank, '上门服务').click();
    await bank.getByLabel('状态').selectOption({ label: '全部状态' });
    const old = bank.locator('main .ticket-link', { hasText: /GR-H2021/ });
    await old.click();
    await expect.poll(() => bank.getByText('不再显示').first().isVisible()).toBe(true);
    expect(await bank.getByText(/已于.*停止显示/).isVisible()).toBe(true);
    expect(await bank.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await bank.locator('details.action').count()).toBe(1);
    await screenshot(bank, 'home-visit-partner-hidden');
    await clean(bank);
  });
});
