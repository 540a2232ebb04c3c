import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, samplePng, screenshot, startApp } from './harness.ts';

/**
 * Filing on a flaky network: a ticket or a sign-up submitted offline is kept on the phone, the
 * page closed, and the app reopened online sends it once, tells the number and lists it as the
 * resident's own; one the server refuses on sending says why and can be discarded.
 */
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

const count = async (query: ReturnType<typeof sql>) => (await app.db.all<{ n: number }>(query))[0]!.n;
const controlled = (page: Page) => page.evaluate(() => !!navigator.serviceWorker.controller);

/** A resident's phone with the app opened once online in the given place (so it is cached). */
async function phoneIn(subdistrict: string, community: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(app.url);
  await page.getByLabel('街道').selectOption({ label: subdistrict });
  await page.getByLabel('社区', { exact: true }).selectOption({ label: community });
  await expect.poll(() => controlled(page)).toBe(true);
  return page;
}

/** Closes the page, comes back online and opens the app again in a new page of the same phone. */
async function reopenOnline(context: BrowserContext, page: Page): Promise<Page> {
  await page.close();
  await context.setOffline(false);
  const next = await context.newPage();
  next.on('pageerror', (err) => {
    throw err;
  });
  await next.goto(app.url);
  return next;
}

/** Opens the Small-Stool Class's page and goes offline there. */
async function offlineAtEvent(page: Page) {
  await page.getByRole('link', { name: '活动', exact: true }).click();
  await page.locator('.event-card', { hasText: '小板凳课堂' }).first().locator('a.event-link').click();
  await expect.poll(() => page.getByRole('button', { name: '报名' }).isVisible()).toBe(true);
  const eventId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.context().setOffline(true);
  return eventId;
}

describe('filing without a network', () => {
  it('keeps a ticket on the phone, sends it once when the app reopens online, and tells its number', async () => {
    let page = await phoneIn('建中街街道', '永安社区');
    const context = page.context();
    await page.getByRole('link', { name: '办事' }).click();
    await expect.poll(() => page.getByText('公共设施').isVisible()).toBe(true);
    await context.setOffline(true);
    const description = '离线提交：3号楼楼道灯坏了，晚上看不见台阶。';
    await page.getByText('公共设施').click();
    await page.getByLabel('请说说具体情况').fill(description);
    await page.getByLabel('具体位置').fill('3号楼2单元');
    await page.getByLabel('手机号（用于回访，不会公开）').fill('138 0000 1111');
    await page.getByText(/我同意社区保存我的联系方式/).click();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '已保存在这部手机上，联网后会自动发送' }).waitFor();
    expect(await page.locator('.saved-on-phone').textContent()).toContain(description.slice(0, 20));
    await screenshot(page, 'offline-filing-saved');
    expect(await count(sql`select count(*) as n from tickets where description = ${description}`)).toBe(0);

    page = await reopenOnline(context, page);
    const sent = page.locator('.outbox-notice .notice', { hasText: '您离线时提交的工单已发送' });
    await expect.poll(() => sent.textContent()).toMatch(/编号 YA-\d{8}-\d{4}/);
    const number = (await sent.textContent())!.match(/YA-\d{8}-\d{4}/)![0];
    await screenshot(page, 'offline-filing-sent');
    expect(await count(sql`select count(*) as n from tickets where description = ${description}`)).toBe(1);
    expect(await count(sql`select count(*) as n from tickets where number = ${number}`)).toBe(1);

    // Its tracking page, and the resident's own list on the desk page.
    await sent.getByRole('link', { name: '查看进度' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('办理进度');
    expect(await page.locator('.ticket-number').textContent()).toBe(`编号 ${number}`);
    await page.goto(`${app.url}/desk`);
    await expect.poll(() => page.getByRole('link', { name: new RegExp(number) }).count()).toBeGreaterThan(0);
    // Told once; another start sends nothing more.
    await page.goto(app.url);
    await page.locator('h1').waitFor();
    expect(await page.locator('.outbox-notice').count()).toBe(0);
    expect(await count(sql`select count(*) as n from tickets where description = ${description}`)).toBe(1);
  });

  it('keeps a photo picked offline on the phone with the ticket, and both arrive once when the network returns', async () => {
    let page = await phoneIn('建中街街道', '永安社区');
    const context = page.context();
    await page.getByRole('link', { name: '办事' }).click();
    await expect.poll(() => page.getByText('公共设施').isVisible()).toBe(true);
    await context.setOffline(true);
    const description = '离线带照片：楼门口的井盖松了，踩上去会晃。';
    await page.getByText('公共设施').click();
    await page.getByLabel('请说说具体情况').fill(description);
    await page.getByLabel('具体位置').fill('5号楼门口');
    await page.getByLabel('手机号（用于回访，不会公开）').fill('138 0000 2222');
    await page.getByText(/我同意社区保存我的联系方式/).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'lid.png', mimeType: 'image/png', buffer: samplePng() });
    // It cannot upload: it waits for the network, and the form is sent with it kept on the phone.
    await expect.poll(() => page.getByRole('button', { name: '取消上传这张照片' }).count()).toBe(1);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '已保存在这部手机上，联网后会自动发送' }).waitFor();
    expect(await page.locator('.saved-on-phone').textContent()).toContain('含 1 张照片');
    expect(await count(sql`select count(*) as n from tickets where description = ${description}`)).toBe(0);
    const photosBefore = await count(sql`select count(*) as n from photos`);

    page = await reopenOnline(context, page);
    const sent = page.locator('.outbox-notice .notice', { hasText: '您离线时提交的工单已发送' });
    await expect.poll(() => sent.textContent()).toMatch(/编号 YA-\d{8}-\d{4}/);
    expect(await count(sql`select count(*) as n from tickets where description = ${description}`)).toBe(1);
    const attached = sql`select count(*) as n from photos where ticket_id = (select id from tickets where description = ${description})`;
    expect(await count(attached)).toBe(1);
    // One upload for one photo: nothing uploaded twice, nothing left unclaimed.
    expect(await count(sql`select count(*) as n from photos`)).toBe(photosBefore + 1);
  });

  it('keeps a sign-up on the phone and it lands exactly once when the app reopens online', async () => {
    let page = await phoneIn('京广路街道', '洁云路社区');
    const eventId = await offlineAtEvent(page);
    await page.getByLabel('姓名（签到时叫您）').fill('离线王阿姨');
    await page.getByLabel('手机号').fill('139 0371 0001');
    await page.getByRole('button', { name: '报名' }).click();
    await page.getByRole('heading', { name: '已保存在这部手机上，联网后会自动发送' }).waitFor();
    // Moving on and back (still offline) gives a fresh form, not the note again.
    await page.goBack();
    await page.goForward();
    await expect.poll(() => page.getByRole('button', { name: '报名' }).isVisible()).toBe(true);
    expect(await page.locator('.saved-on-phone').count()).toBe(0);

    page = await reopenOnline(page.context(), page);
    const sent = page.locator('.outbox-notice .notice', { hasText: '您离线时的报名已发送：小板凳课堂' });
    await sent.waitFor();
    const signups = sql`select count(*) as n from event_signups where event_id = ${eventId} and name = '离线王阿姨'`;
    expect(await count(signups)).toBe(1);
    await sent.getByRole('link', { name: '查看进度' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('我的报名');
    await page.goto(app.url);
    await page.locator('h1').waitFor();
    expect(await count(signups)).toBe(1);
  });

  it('the service worker sends a kept post by Background Sync with no page open; the app then tells its number', async () => {
    let page = await phoneIn('建中街街道', '永安社区');
    const context = page.context();
    await page.getByRole('link', { name: '办事' }).click();
    await expect.poll(() => page.getByText('公共设施').isVisible()).toBe(true);
    await context.setOffline(true);
    const description = '后台同步：2号楼门禁坏了，关不上。';
    await page.getByLabel('请说说具体情况').fill(description);
    await page.getByLabel('具体位置').fill('2号楼');
    await page.getByLabel('手机号（用于回访，不会公开）').fill('138 0000 2222');
    await page.getByText(/我同意社区保存我的联系方式/).click();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '已保存在这部手机上，联网后会自动发送' }).waitFor();
    await page.close();
    await context.setOffline(false);

    // The browser's sync, fired through DevTools on a blank page of the same phone.
    const blank = await context.newPage();
    const cdp = await context.newCDPSession(blank);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r: { scopeURL: string }) => r.scopeURL.startsWith(app.url));
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: app.url,
      registrationId,
      tag: 'linli-outbox',
      lastChance: false,
    });
    const filed = sql`select count(*) as n from tickets where description = ${description}`;
    await expect.poll(() => count(filed)).toBe(1);
    await blank.close();

    page = await context.newPage();
    await page.goto(app.url);
    const sent = page.locator('.outbox-notice .notice', { hasText: '您离线时提交的工单已发送' });
    await expect.poll(() => sent.textContent()).toMatch(/编号 YA-\d{8}-\d{4}/);
    const number = (await sent.textContent())!.match(/YA-\d{8}-\d{4}/)![0];
    expect(
      await count(sql`select count(*) as n from tickets where number = ${number} and description = ${description}`),
    ).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('linli.myTickets'))).toContain(number);
    expect(await count(filed)).toBe(1);
  });

  it('says why a kept sign-up was refused on sending, and lets the resident discard it', async () => {
    let page = await phoneIn('京广路街道', '洁云路社区');
    const eventId = await offlineAtEvent(page);
    await page.getByLabel('姓名（签到时叫您）').fill('离线李大爷');
    await page.getByLabel('手机号').fill('139 0371 0002');
    await page.getByRole('button', { name: '报名' }).click();
    await page.getByRole('heading', { name: '已保存在这部手机上，联网后会自动发送' }).waitFor();
    // Meanwhile staff close the sign-ups.
    await app.db.run(sql`update events set signup_open = 0 where id = ${eventId}`);
    try {
      page = await reopenOnline(page.context(), page);
      const refused = page.locator('.outbox-refused');
      await expect.poll(() => refused.textContent()).toContain('“小板凳课堂”没能发送。这个活动已经不能报名了。');
      await screenshot(page, 'offline-filing-refused');
      await refused.getByRole('button', { name: '不要了，删除' }).click();
      await expect.poll(() => refused.count()).toBe(0);
      await page.reload();
      await page.locator('h1').waitFor();
      expect(await page.locator('.outbox-refused').count()).toBe(0);
      expect(
        await count(sql`select count(*) as n from event_signups where event_id = ${eventId} and name = '离线李大爷'`),
      ).toBe(0);
    } finally {
      await app.db.run(sql`update events set signup_open = 1 where id = ${eventId}`);
    }
  });

  it('a wish kept with a photo uploaded before the network went keeps its key; a photo gone stale is named as the reason', async () => {
    let page = await phoneIn('京广路街道', '洁云路社区');
    await page.getByRole('link', { name: '全部改造项目' }).click();
    await page.getByRole('link', { name: /铁道洁云里/ }).click();
    await page.getByRole('heading', { name: '提一个心愿或意见' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'w.png', mimeType: 'image/png', buffer: samplePng() });
    await expect.poll(() => page.locator('.thumbs img').count()).toBe(1);
    // The thumbnail shows while the photo uploads; the key exists once the upload is done.
    const uploaded = async () =>
      (
        await app.db.all<{ key: string }>(
          sql`select key from photos where ticket_id is null and wish_id is null order by created_at desc limit 1`,
        )
      )[0]?.key;
    await expect.poll(uploaded).toBeTruthy();
    await expect.poll(() => page.getByRole('button', { name: '取消上传这张照片' }).count()).toBe(0);
    const key = (await uploaded())!;
    await page.context().setOffline(true);
    // Photos picked from now on wait on the phone with the post; the form says so.
    await expect.poll(() => page.getByText('没有网络：照片先存在这部手机上').isVisible()).toBe(true);
    const description = '离线心愿：希望在紫藤架下放两张长椅。';
    await page.getByLabel('请说说您的想法').fill(description);
    await page.getByLabel('手机号（用于回访，不会公开）').fill('13900001111');
    await page.getByText(/我同意社区保存我的称呼/).click();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '已保存在这部手机上，联网后会自动发送' }).waitFor();
    const kept = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve) => {
          const req = indexedDB.open('linli-outbox', 1);
          req.onsuccess = () => {
            const all = req.result.transaction('posts').objectStore('posts').getAll();
            all.onsuccess = () => resolve(all.result);
          };
        }),
    );
    expect(kept).toMatchObject([{ kind: 'wish', state: 'pending', body: { photos: [key] } }]);
    // The upload expired before the network came back (the server drops unclaimed ones after a day).
    await app.db.run(sql`delete from photos where key = ${key}`);

    page = await reopenOnline(page.context(), page);
    await expect.poll(() => page.locator('.outbox-refused').textContent()).toContain('照片在网上只保留一天，已经过期');
    expect(await count(sql`select count(*) as n from renovation_wishes where description = ${description}`)).toBe(0);
  });

  it('keeps a home-visit request on the phone and sends it once when the app reopens online', async () => {
    let page = await phoneIn('嵩山路街道', '工人路社区');
    await page.getByRole('link', { name: '办事', exact: true }).click();
    await page.getByRole('link', { name: '申请上门服务' }).click();
    await page.getByRole('button', { name: '提交申请' }).waitFor();
    await page.context().setOffline(true);
    await page.getByText('为家里人', { exact: true }).click();
    await page.getByText('社保卡更换及激活').click();
    await page.getByLabel('要上门服务的人的姓名').fill('离线贺建国');
    await page.getByLabel('上门时怎么称呼').fill('贺爷爷');
    await page.getByLabel('楼号').fill('5号楼');
    await page.getByLabel('门牌号').fill('302');
    await page.getByLabel('联系电话（上门前联系，不会公开）').fill('139 1234 0003');
    await page.getByText('年纪大了').click();
    await page.getByText(/我同意社区保存以上信息/).click();
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '已保存在这部手机上，联网后会自动发送' }).waitFor();

    page = await reopenOnline(page.context(), page);
    const sent = page.locator('.outbox-notice .notice', { hasText: '您离线时提交的上门服务申请已发送' });
    await expect.poll(() => sent.textContent()).toMatch(/编号 GR-H\d{8}-\d{4}/);
    const number = (await sent.textContent())!.match(/GR-H\d{8}-\d{4}/)![0];
    expect(await count(sql`select count(*) as n from home_visits where number = ${number}`)).toBe(1);
    expect(await count(sql`select count(*) as n from home_visits where person_name = '离线贺建国'`)).toBe(1);
    await sent.getByRole('link', { name: '查看进度' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('上门服务进度');
  });
});
