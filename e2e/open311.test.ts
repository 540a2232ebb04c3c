import { and, eq, isNotNull } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../schema/index.ts';
import { launchBrowser, phone, screenshot, seriousA11yViolations, staffPage, startApp } from './harness.ts';

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

describe('Open311 partner keys and map positions', () => {
  let key = '';

  it('the district admin issues a key, shown once, and a partner app files with it', async () => {
    const admin: Page = await staffPage(browser, app.url, 'erqi-admin');
    await admin.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '合作应用接口' }).click();
    await expect.poll(() => admin.locator('h1').textContent()).toBe('合作应用接口（Open311）');
    await admin.getByLabel('合作应用名称').fill('郑州随手拍');
    await admin.getByRole('button', { name: '发放密钥' }).click();
    key = (await admin.locator('code.secret').textContent({ timeout: 10_000 }))!;
    expect(key).toMatch(/^o311_/);
    await expect.poll(() => admin.locator('li.card h3').first().textContent()).toContain('郑州随手拍');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await screenshot(admin, 'staff-open311');

    const posted = await fetch(`${app.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key,
        jurisdiction_id: 'yongan',
        service_code: 'repairs',
        description: '4号楼单元门的闭门器坏了。',
        lat: '34.7509',
        long: '113.6315',
        phone: '13700000004',
      }),
    });
    expect(posted.status).toBe(201);
    const id = ((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const followed = await fetch(`${app.url}/open311/v2/requests/${id}.xml`);
    expect(await followed.text()).toContain(`<service_request_id>${id}</service_request_id>`);

    // The staff view names the channel and the app, and links the position to a map app.
    await admin.goto(`${app.url}/staff/desk/${id}`);
    await expect.poll(() => admin.getByText('合作应用（Open311） · 郑州随手拍').isVisible()).toBe(true);

    await admin.goto(`${app.url}/staff/open311`);
    await admin.getByText('撤销…').click();
    await admin.getByRole('button', { name: '确认撤销' }).click();
    await expect.poll(() => admin.locator('li.card .badge').first().textContent()).toBe('已撤销');
    await screenshot(admin, 'staff-open311-revoked');
    const refused = await fetch(`${app.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: key, jurisdiction_id: 'yongan', service_code: 'repairs' }),
    });
    expect(refused.status).toBe(403);
  });

  it('staff see a ticket position as text with a geo: link, no map tiles', async () => {
    const [placed] = await app.db
      .select({ number: tickets.number, lat: tickets.lat, long: tickets.long })
      .from(tickets)
      .where(and(isNotNull(tickets.lat), eq(tickets.channel, 'walk_in')));
    const property = await staffPage(browser, app.url, 'yongan-wuye');
    await property.goto(`${app.url}/staff/desk/${placed!.number}`);
    const link = property.getByRole('link', { name: '在地图应用中打开' });
    await expect.poll(() => link.getAttribute('href')).toBe(`geo:${placed!.lat},${placed!.long}`);
    expect(await property.locator('iframe, img[src*="tile"], canvas').count()).toBe(0);
    expect(await seriousA11yViolations(property)).toEqual([]);
    await screenshot(property, 'staff-ticket-position');
  });

  it('a resident attaches their position, can remove it, and files with it', async () => {
    const context = await browser.newContext({
      viewport: phone,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      permissions: ['geolocation'],
      geolocation: { latitude: 34.750823, longitude: 113.631241 },
    });
    const resident = await context.newPage();
    await resident.goto(app.url);
    await resident.getByLabel('街道').selectOption({ label: '建中街街道' });
    await resident.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await resident.getByRole('link', { name: '办事' }).click();
    await resident.getByRole('button', { name: '附上我的位置' }).click();
    await expect.poll(() => resident.getByText('已附上位置：北纬34.75082，东经113.63124').isVisible()).toBe(true);
    await resident.getByRole('button', { name: '移除位置' }).click();
    await resident.getByRole('button', { name: '附上我的位置' }).click();
    await resident.getByText('公共设施').click();
    await resident.getByLabel('请说说具体情况').fill('楼下的井盖松了，踩上去会晃。');
    await resident.getByLabel('具体位置').fill('2号楼南边');
    await resident.getByLabel('手机号（用于回访，不会公开）').fill('13812345679');
    await resident.getByText(/我同意社区保存我的联系方式/).click();
    await screenshot(resident, 'desk-form-position');
    await resident.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => resident.locator('h1').textContent()).toBe('办理进度');
    const number = (await resident.locator('.ticket-number').textContent())!.replace('编号 ', '');
    const [row] = await app.db.select().from(tickets).where(eq(tickets.number, number));
    expect([row!.lat, row!.long]).toEqual([34.75082, 113.63124]);
    await context.close();
  });
});
