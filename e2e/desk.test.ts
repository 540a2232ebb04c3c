import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  phonePage,
  samplePng,
  screenshot,
  seriousA11yViolations,
  staffPage,
  startApp,
} from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;
let trackingUrl = '';
let number = '';

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  resident = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the joint desk on a phone', () => {
  it('a resident files a ticket with a photo and lands on the private tracking page', async () => {
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '建中街街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await resident.getByRole('link', { name: '办事' }).click();
    await expect.poll(() => resident.getByText('公共设施').isVisible()).toBe(true);
    await screenshot(resident, 'desk-form');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    await resident.getByText('公共设施').click();
    await resident.getByLabel('请说说具体情况').fill('5号楼门口的路灯不亮了，晚上很黑。');
    await resident.getByLabel('小区（可不选）').selectOption({ label: '永安家园' });
    await resident.getByLabel('具体位置').fill('1号楼门口');
    await resident.getByLabel('手机号（用于回访，不会公开）').fill('138 1234 5678');
    await resident
      .locator('input[type=file]')
      .setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: samplePng() });
    await expect.poll(() => resident.locator('.thumbs img').count()).toBe(1);
    await resident.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => resident.getByRole('alert').textContent()).toBe('请检查标红的内容。');
    expect(await resident.getByText('需要您同意保存期限，我们才能登记。').isVisible()).toBe(true);
    await resident.getByText(/我同意社区保存我的联系方式/).click();
    await resident.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => resident.locator('h1').textContent()).toBe('办理进度');
    number = (await resident.locator('.ticket-number').textContent())!.replace('编号 ', '');
    expect(number).toMatch(/^YA-\d{8}-\d{4}$/);
    trackingUrl = resident.url();
    expect(trackingUrl).toMatch(/\/desk\/t\/YA-.*\?token=/);
    await expect.poll(() => resident.getByText('138****5678').isVisible()).toBe(true);
    await expect
      .poll(() => resident.locator('.thumbs img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    // Tapping the photo opens it at full size over the page; closing it leaves the page as it was.
    await resident.locator('.thumbs a.zoom').click();
    const big = resident.locator('dialog.lightbox[open] img');
    await expect
      .poll(() =>
        big.evaluate((img: HTMLImageElement) => (img.naturalWidth > 0 ? img.getBoundingClientRect().width : 0)),
      )
      .toBeGreaterThan(300);
    await screenshot(resident, 'desk-photo-enlarged');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    await resident.getByRole('button', { name: '关闭照片' }).click();
    await expect.poll(() => resident.locator('dialog.lightbox[open]').count()).toBe(0);
    expect(resident.url()).toBe(trackingUrl);
    // The page the resident must keep has a button that copies its link.
    await resident.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await resident.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => resident.getByRole('status').filter({ hasText: '已复制' }).isVisible()).toBe(true);
    expect(await resident.evaluate(() => navigator.clipboard.readText())).toBe(trackingUrl);
    await screenshot(resident, 'desk-tracking');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('says a cut-off or wrong tracking link is not valid, and where to ask', async () => {
    const phone = await phonePage(browser);
    for (const url of [
      trackingUrl.slice(0, -6),
      trackingUrl.replace(/token=[^&]+/, 'token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    ]) {
      await phone.goto(url);
      await expect.poll(() => phone.getByRole('alert').textContent()).toContain('这个查询链接打不开');
      await expect
        .poll(() => phone.getByRole('alert').textContent())
        .toContain(`请带上工单编号 ${number}，到永安社区服务台问工作人员。`);
      expect(await phone.getByText('加载失败').count()).toBe(0);
    }
    await screenshot(phone, 'desk-bad-link');
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.context().close();
  });

  it('shows the ticket on the board of known problems, without the phone', async () => {
    await resident.getByRole('link', { name: '办事' }).click();
    await resident.getByRole('link', { name: '大家反映' }).click();
    await expect.poll(() => resident.getByText('5号楼门口的路灯不亮了，晚上很黑。').isVisible()).toBe(true);
    expect(await resident.content()).not.toContain('5678');
    await screenshot(resident, 'desk-board');
    // The resident's own "me too" stays after a reload, though the board answer is cached.
    const item = resident.locator('li.card', { hasText: '5号楼门口的路灯不亮了' });
    await item.getByRole('button', { name: /我也遇到/ }).click();
    await expect.poll(() => item.getByRole('button', { name: /我也遇到/ }).getAttribute('aria-pressed')).toBe('true');
    const counted = await item.locator('[aria-live]').textContent();
    await resident.reload();
    await expect.poll(() => item.getByRole('button', { name: /我也遇到/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await item.locator('[aria-live]').textContent()).toBe(counted);
  });

  it('community staff may read the property ticket but not work it, and file one for a caller', async () => {
    const community = await staffPage(browser, app.url, 'yongan');
    await community.goto(`${app.url}/staff/desk/${number}`);
    await expect.poll(() => community.getByText('您可以查看这张工单，但它由其他方负责。').isVisible()).toBe(true);
    // Both sides work a ticket together: the committee adds a note to the company's ticket.
    await community.getByText('添加说明', { exact: true }).first().click();
    await community.getByLabel('添加说明', { exact: true }).fill('居委会已通知楼长，请物业尽快处理。');
    await community.getByRole('button', { name: '添加说明' }).click();
    await expect.poll(() => community.locator('.timeline li', { hasText: '居委会已通知楼长' }).count()).toBe(1);
    expect(await community.getByText('确认负责并受理').count()).toBe(0);
    // A caller phones the desk: the committee registers it for them.
    await community.goto(`${app.url}/staff/desk/new`);
    await community.getByText('来电').click();
    await community.getByText('报修').click();
    await community.getByLabel('请说说具体情况').fill('电话反映：2号楼电梯停在三楼不动了。');
    await community.getByLabel('具体位置').fill('2号楼电梯');
    await community.getByLabel('手机号（用于回访，不会公开）').fill('13912345678');
    await community.getByText(/我同意社区保存我的联系方式/).click();
    await community.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => community.locator('h1').textContent()).toMatch(/^YA-\d{8}-\d{4}$/);
    await expect.poll(() => community.getByText('来电').first().isVisible()).toBe(true);
    await community.context().close();
  });

  it('property staff accept and resolve it', async () => {
    const property = await staffPage(browser, app.url, 'yongan-wuye');
    await property.getByRole('link', { name: '工单' }).click();
    await property.getByRole('link', { name: new RegExp(number) }).click();
    await expect.poll(() => property.locator('h1').textContent()).toBe(number);
    await property.getByText('确认负责并受理').first().click();
    await property.getByRole('button', { name: '确认负责并受理' }).click();
    await expect.poll(() => property.locator('.status').first().textContent()).toContain('已确认负责方');
    // A note: a double tap posts it once, the box empties and closes, and the page says it was done.
    await property.getByText('添加说明', { exact: true }).first().click();
    const box = property.getByLabel('添加说明', { exact: true });
    await box.fill('已联系电工，明天上午来修。');
    await property.getByRole('button', { name: '添加说明' }).dblclick();
    await expect
      .poll(() => property.getByRole('status').filter({ hasText: '已完成' }).textContent())
      .toBe('已完成：添加说明。');
    await expect
      .poll(() => property.locator('.timeline li', { hasText: '已联系电工，明天上午来修。' }).count())
      .toBe(1);
    expect(await box.inputValue()).toBe('');
    expect(await box.isVisible()).toBe(false);
    // Fields residents will see say so; the internal ones say that too.
    expect(await property.locator('label[for="act-reroute-reason"]').textContent()).toBe('原因（居民可见）');
    expect(await property.locator('label[for="act-reroute-owner"], label[for="act-owner"]').first().textContent()).toBe(
      '新的负责方（居民可见）',
    );
    await property.getByText('已办好', { exact: true }).first().click();
    await property.getByLabel('做了什么（居民可见）').fill('已更换灯泡，路灯恢复照明。');
    await property.getByRole('button', { name: '已办好' }).click();
    await expect.poll(() => property.locator('.status').first().textContent()).toContain('已办好，待您确认');
    await screenshot(property, 'desk-staff-ticket');
    expect(await seriousA11yViolations(property)).toEqual([]);
    await property.context().close();
  });

  it('the resident sees the resolution and rates it', async () => {
    await resident.goto(trackingUrl);
    await expect.poll(() => resident.getByText('已更换灯泡，路灯恢复照明。').isVisible()).toBe(true);
    await resident.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => resident.getByText(/您的评价/).isVisible()).toBe(true);
    await screenshot(resident, 'desk-rated');
  });

  it('sub-district staff see the overdue demo ticket on the supervision list', async () => {
    const sub = await staffPage(browser, app.url, 'jianzhongjie');
    await sub.getByRole('link', { name: '督办' }).click();
    await expect.poll(() => sub.locator('li.card', { hasText: '3号楼下堆满装修垃圾' }).first().isVisible()).toBe(true);
    await screenshot(sub, 'desk-supervision');
    await sub.getByRole('link', { name: '统计' }).click();
    await expect.poll(() => sub.locator('.chart svg[role="img"]').first().isVisible()).toBe(true);
    await screenshot(sub, 'desk-stats');
    await sub.context().close();
  });
});
