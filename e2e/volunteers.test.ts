import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let volunteer: Page;
let resident: Page;
let committee: Page;

const WISH = '3号楼的一位老人不用手机，她希望单元门口装一个扶手。';
const PROBLEM = '新换的声控灯一周就不亮了，晚上上楼看不见。';
const ANSWER = '施工方已更换灯具，社区复查合格。';
const project = () => `${app.url}/renovation/2`;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the four officers (四大员) and neighbourly help (邻里帮扶) on a phone', () => {
  it('a volunteer signs in and records a wish for a neighbour without a phone', async () => {
    volunteer = await staffPage(browser, app.url, 'jieyunli-volunteer');
    await volunteer.getByRole('link', { name: '为邻居登记' }).first().click();
    await volunteer.getByRole('heading', { name: '替不用手机的邻居提心愿或意见' }).waitFor();
    // A volunteer's sign-in opens no staff page but their own.
    expect(await volunteer.getByRole('link', { name: '工单' }).count()).toBe(0);
    await screenshot(volunteer, 'volunteer-home');
    expect(await seriousA11yViolations(volunteer)).toEqual([]);
    const form = volunteer.locator('form', { hasText: '替不用手机的邻居提心愿或意见' });
    await form.getByLabel('请说说您的想法').fill(WISH);
    await form.getByLabel('邻居的称呼（可不填）').fill('刘奶奶');
    await form.getByText(/邻居同意社区保存称呼和电话/).click();
    await form.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toMatch(/已登记，编号 JY-\d{8}-W\d{4}/);
    await screenshot(volunteer, 'volunteer-wish-recorded');
  });

  it('the wish is on the public project page, credited to the volunteer, with the roster of volunteers', async () => {
    resident = await phonePage(browser);
    await resident.goto(project());
    await resident.getByRole('heading', { name: '楼院“四大员”' }).waitFor();
    const wish = resident.locator('.wish', { hasText: WISH });
    await expect.poll(() => wish.getByText('志愿者（演示）洁云里志愿者代邻居登记').isVisible()).toBe(true);
    expect(await wish.textContent()).not.toContain('刘奶奶');
    await screenshot(resident, 'volunteer-wish-public');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('the volunteer reports a quality problem; community staff answer it; the answer shows on the item', async () => {
    const form = volunteer.locator('form', { hasText: '反映施工质量问题' });
    await form.getByLabel('哪一项改造内容').selectOption({ label: '楼道照明改造' });
    await form.getByLabel('发现了什么问题').fill(PROBLEM);
    await form.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => form.getByRole('status').isVisible()).toBe(true);

    committee = await staffPage(browser, app.url, 'jieyunlu');
    await committee.getByRole('link', { name: '四大员' }).click();
    await committee.getByRole('heading', { name: '志愿者名单' }).waitFor();
    const card = committee.locator('.card', { hasText: PROBLEM });
    await expect.poll(() => card.getByText(/反映人：（演示）洁云里志愿者，电话 13900000710/).isVisible()).toBe(true);
    await screenshot(committee, 'volunteers-roster-staff');
    expect(await seriousA11yViolations(committee)).toEqual([]);
    await card.getByLabel('公开答复（会显示在改造内容下面）').fill(ANSWER);
    await card.getByRole('button', { name: '答复' }).click();
    await expect.poll(() => committee.getByText('没有待答复的质量问题。').isVisible()).toBe(true);

    // Another neighbour's phone: the page a phone fetched a moment ago may be cached for half a minute.
    resident = await phonePage(browser);
    await resident.goto(project());
    const item = resident.locator('.plan-item', { hasText: '楼道照明改造' });
    await expect.poll(() => item.getByText(ANSWER).isVisible()).toBe(true);
    expect(await item.getByText(PROBLEM).isVisible()).toBe(true);
    expect(await item.textContent()).not.toContain('13900000710');
    await item.scrollIntoViewIfNeeded();
    await screenshot(resident, 'volunteer-problem-answered');
    expect(await seriousA11yViolations(resident)).toEqual([]);
  });

  it('community staff add help given to a household in difficulty', async () => {
    await committee.getByRole('link', { name: '邻里帮扶' }).click();
    await committee.getByRole('link', { name: '（演示）3号楼独居老人' }).click();
    await committee.getByRole('heading', { name: '记一次帮扶' }).waitFor();
    await committee.getByLabel('帮扶内容').selectOption({ label: '上门看望' });
    await committee.getByLabel('具体情况（可不填）').fill('改造期间陪同老人下楼散步。');
    await committee.getByRole('button', { name: '记一次帮扶' }).click();
    await expect.poll(() => committee.getByText('改造期间陪同老人下楼散步。').isVisible()).toBe(true);
    await screenshot(committee, 'help-household');
    expect(await seriousA11yViolations(committee)).toEqual([]);
  });

  it('the help log is not visible to a resident or to another community’s staff', async () => {
    const householdUrl = committee.url();
    await resident.goto(project());
    await resident.getByRole('heading', { name: '楼院“四大员”' }).waitFor();
    expect(await resident.content()).not.toContain('独居老人');
    await resident.goto(householdUrl);
    await resident.getByRole('heading', { name: '工作人员登录' }).waitFor();
    expect(await resident.content()).not.toContain('独居老人');

    const other = await staffPage(browser, app.url, 'yongan');
    await other.getByRole('link', { name: '邻里帮扶' }).click();
    await other.getByText('还没有帮扶对象。').waitFor();
    await other.goto(householdUrl);
    await other.getByRole('alert').first().waitFor();
    expect(await other.content()).not.toContain('独居老人');
    await screenshot(other, 'help-other-community');
    expect(await seriousA11yViolations(other)).toEqual([]);
  });

  it('reads in English: the roster and quality answers, and the help log', async () => {
    await resident.goto(project());
    await resident.getByRole('heading', { name: '楼院“四大员”' }).waitFor();
    await resident.getByRole('button', { name: 'Switch to English' }).click();
    await resident.getByRole('heading', { name: "The courtyard's four officers" }).waitFor();
    await screenshot(resident, 'volunteer-project-en');
    expect(await seriousA11yViolations(resident)).toEqual([]);
    await committee.getByRole('button', { name: 'Switch to English' }).click();
    await committee.getByRole('heading', { name: 'Record help given' }).waitFor();
    await screenshot(committee, 'help-household-en');
    await volunteer.getByRole('button', { name: 'Switch to English' }).click();
    await volunteer.getByRole('heading', { name: 'Report a quality problem in the works' }).waitFor();
    await screenshot(volunteer, 'volunteer-home-en');
    expect(await seriousA11yViolations(volunteer)).toEqual([]);
  });
});
