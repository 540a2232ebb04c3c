import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, samplePng, screenshot, seriousA11yViolations, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let resident: Page;
let trackingUrl = '';

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  resident = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('courtyard renovation on a phone', () => {
  it('the Renhe Road No. 6 project shows its plan done and the wishes that came true', async () => {
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '淮河路街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '人和路社区（名称待核实）' });
    // The home page of the community shows its renovation projects.
    await resident.getByRole('heading', { name: '本社区的楼院改造' }).waitFor();
    await resident.getByRole('link', { name: /人和路6号院/ }).click();
    await expect.poll(() => resident.locator('h1').textContent()).toContain('人和路6号院');
    await expect.poll(() => resident.getByRole('heading', { name: /已成真/ }).isVisible()).toBe(true);
    await screenshot(resident, 'renovation-project-completed');
    const wisteria = resident.getByRole('heading', { name: '保护老紫藤树' });
    await wisteria.scrollIntoViewIfNeeded();
    expect(await wisteria.isVisible()).toBe(true);
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('a resident submits a wish with a photo to the live project and follows it', async () => {
    await resident.getByRole('link', { name: '首页' }).click();
    await resident.getByText('更换社区').click();
    await resident.getByLabel('街道').selectOption({ label: '京广路街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await resident.getByRole('link', { name: '全部改造项目' }).click();
    await resident.getByRole('link', { name: /铁道洁云里/ }).click();
    await resident.getByRole('heading', { name: '提一个心愿或意见' }).waitFor();
    await screenshot(resident, 'renovation-project-live');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    await resident.getByLabel('请说说您的想法').fill('希望广场边上装几个扶手，老人起身方便。');
    await resident.getByLabel('关于哪一项（可不选）').selectOption({ label: '小区广场铺装和座椅' });
    await resident.getByLabel('手机号（用于回访，不会公开）').fill('13912345678');
    await resident
      .locator('input[type=file]')
      .setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: samplePng() });
    await expect.poll(() => resident.locator('.thumbs img').count()).toBe(1);
    await resident.getByText(/我同意社区保存我的称呼/).click();
    await resident.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => resident.locator('h1').textContent()).toBe('心愿和意见的进度');
    trackingUrl = resident.url();
    expect(trackingUrl).toMatch(/\/renovation\/w\/JY-\d{8}-W\d{4}\?token=/);
    await expect.poll(() => resident.getByText('已收到，等待答复').first().isVisible()).toBe(true);
    await expect.poll(() => resident.getByText('139****5678').isVisible()).toBe(true);
    await screenshot(resident, 'renovation-wish-tracking');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('says a cut-off wish link is not valid, and where to ask with the wish number', async () => {
    // A link copied from a message with its end missing.
    await resident.goto(trackingUrl.slice(0, -6));
    const number = new URL(trackingUrl).pathname.split('/').pop();
    await expect
      .poll(() => resident.getByRole('alert').textContent())
      .toContain(`请带上心愿编号 ${number}，到洁云路社区服务台问工作人员。`);
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });
});
