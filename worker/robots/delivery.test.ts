import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffNotices, staffRobots, tickets } from '../../schema/index.ts';
import { type DeskApp, deskApp, HOUR_MS } from '../desk/test-helpers.ts';
import { deliverStaffNotices, WAIT_MS } from './delivery.ts';
import { findStaffNotices } from './notices.ts';
import { standInRobot, yonganOwners } from './test-helpers.ts';

const SECRET = 'SECtest-signing-secret-0123456789';
let d: DeskApp;
let robot: Awaited<ReturnType<typeof standInRobot>>;
let admin: Record<string, string>;
const origin = 'https://linli.example';

beforeAll(async () => {
  robot = await standInRobot({ secret: SECRET });
  d = await deskApp({ robotWebhookHosts: [robot.host] });
  admin = { ...(await d.as('erqi-admin')).headers, 'Content-Type': 'application/json', Origin: d.t.origin };
  const { communityId, companyId } = await yonganOwners(d.t.db);
  for (const body of [
    {
      ownerKind: 'community',
      ownerId: communityId,
      platform: 'dingtalk',
      webhookUrl: robot.dingtalkUrl,
      signingSecret: SECRET,
    },
    { ownerKind: 'company', ownerId: companyId, platform: 'wecom', webhookUrl: robot.wecomUrl },
  ]) {
    const res = await d.t.app.request('/api/robots', { method: 'POST', headers: admin, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(201);
  }
});
afterAll(async () => {
  await robot.close();
  await d.t.cleanup();
});

const pending = async () => (await d.t.db.select().from(staffNotices).where(eq(staffNotices.status, 'pending'))).length;
const deliver = (now = d.clock) => deliverStaffNotices(d.t.db, fetch, now, { origin, extraHosts: [robot.host] });

describe('a busy morning is one message per robot', () => {
  it('waits for the burst, then sends one message each, listing all 30, signed for DingTalk', async () => {
    // A joint category: each ticket is news to both the committee and the property company.
    const first = await Promise.all(Array.from({ length: 3 }, () => d.file({ category: 'nuisance-garbage' })));
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await deliver()).toEqual({ messages: 0, failed: 0 });
    expect(robot.received).toHaveLength(0);
    const rest = await Promise.all(Array.from({ length: 27 }, () => d.file({ category: 'nuisance-garbage' })));
    expect(rest.every((r) => r.status === 201)).toBe(true);
    expect(await pending()).toBe(60);

    d.clock += WAIT_MS;
    expect(await deliver()).toEqual({ messages: 2, failed: 0 });
    expect(robot.received).toHaveLength(2);
    const ding = robot.received.find((r) => r.path === '/robot/send')!;
    const wecom = robot.received.find((r) => r.path === '/cgi-bin/webhook/send')!;
    expect(ding.signed).toBe(true);
    expect(Object.keys(ding.body.markdown).sort()).toEqual(['text', 'title']);
    expect(ding.body.markdown.text).toContain('新诉求 30 条');
    expect(ding.body.markdown.text).toContain('…另有 20 条');
    expect(Object.keys(wecom.body.markdown)).toEqual(['content']);
    expect(wecom.body.markdown.content).toContain('新诉求 30 条');
    // Nothing personal: the resident's name and phone are in every ticket, and in no message.
    for (const r of robot.received) expect(JSON.stringify(r.body)).not.toMatch(/张阿姨|13800000001/);
    expect(await pending()).toBe(0);
    expect(await deliver(d.clock + WAIT_MS)).toEqual({ messages: 0, failed: 0 });
  });

  it('writes notices with the filing itself: a refused filing announces nothing', async () => {
    const res = await d.file({ category: 'no-such-category' });
    expect(res.status).toBe(400);
    const res2 = await d.file({ phone: 'not a phone' });
    expect(res2.status).toBe(400);
    expect(await pending()).toBe(0);
  });

  it('retries a rate-limited robot later with back-off, and the other robot is not held up', async () => {
    robot.received.length = 0;
    robot.answers.push({ errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
    const filed = await d.fileOk({ category: 'nuisance-garbage' });
    d.clock += WAIT_MS;
    // DingTalk (the committee's) is asked first or second; either way exactly one is refused.
    const dingFirst = await deliver();
    expect(dingFirst.messages + dingFirst.failed).toBe(2);
    expect(dingFirst.failed).toBe(1);
    const [community] = await d.t.db.select().from(staffRobots).where(eq(staffRobots.platform, 'dingtalk'));
    const [company] = await d.t.db.select().from(staffRobots).where(eq(staffRobots.platform, 'wecom'));
    const failed = [community, company].find((r) => r!.lastDeliveryOk === false)!;
    expect(failed.lastDeliveryError).toMatch(/^errcode 130101/);
    expect(failed.lastDeliveryError).not.toContain('token');
    expect(failed.nextAttemptAt! - d.clock).toBeGreaterThanOrEqual(60_000);
    expect(await pending()).toBe(1);
    // Too early: nothing is sent.
    expect(await deliver(d.clock + 30_000)).toEqual({ messages: 0, failed: 0 });
    d.clock = failed.nextAttemptAt!;
    expect(await deliver()).toEqual({ messages: 1, failed: 0 });
    expect(await pending()).toBe(0);
    expect(robot.received.filter((r) => JSON.stringify(r.body).includes(filed.number))).toHaveLength(3);
  });

  it('two runners in parallel send each notice once', async () => {
    robot.received.length = 0;
    await Promise.all(Array.from({ length: 12 }, () => d.fileOk({ category: 'nuisance-garbage' })));
    d.clock += WAIT_MS;
    const results = await Promise.all([deliver(), deliver(), deliver()]);
    expect(results.reduce((n, r) => n + r.messages, 0)).toBe(2);
    expect(robot.received).toHaveLength(2);
    expect(await pending()).toBe(0);
  });

  it('announces an assignment to the assignee’s side', async () => {
    robot.received.length = 0;
    const { number } = await d.fileOk();
    await d.t.db.update(staffNotices).set({ status: 'sent' }).where(eq(staffNotices.status, 'pending'));
    const staff = await d.view(number);
    expect(staff.owner).toBe('property');
    const res = await d.act('erqi-admin', number, { action: 'assign', staffId: await staffIdOf('yongan-wuye') });
    expect(res.status).toBe(200);
    const [notice] = await d.t.db.select().from(staffNotices).where(eq(staffNotices.status, 'pending'));
    expect(notice).toMatchObject({ kind: 'part_assigned', ownerKind: 'company', ticketNumber: number });
    expect(notice!.summary).toContain('永安物业值班员');
    // A lost race (a stale version) is refused and announces nothing.
    const stale = await d.act('erqi-admin', number, {
      action: 'assign',
      version: 1,
      staffId: await staffIdOf('yongan-wuye'),
    });
    expect(stale.status).toBe(409);
    expect(await pending()).toBe(1);
  });

  it('tells the side a re-routed ticket now belongs to, once', async () => {
    await d.t.db.update(staffNotices).set({ status: 'sent' }).where(eq(staffNotices.status, 'pending'));
    const { number } = await d.fileOk({ category: 'fire-safety' });
    const told = async () =>
      (await d.t.db.select().from(staffNotices).where(eq(staffNotices.ticketNumber, number))).map((n) => n.ownerKind);
    expect(await told()).toEqual(['community']);
    const res = await d.act('erqi-admin', number, { action: 'reroute', owner: 'joint', reason: '涉及物业的消防通道' });
    expect(res.status).toBe(200);
    expect((await told()).sort()).toEqual(['community', 'company']);
  });

  it('finds overdue tickets and tomorrow’s follow-up calls once, the calls only after 16:00', async () => {
    await d.t.db.update(staffNotices).set({ status: 'sent' }).where(eq(staffNotices.status, 'pending'));
    const { number } = await d.fileOk({ category: 'nuisance-garbage' });
    await d.t.db.update(staffNotices).set({ status: 'sent' }).where(eq(staffNotices.status, 'pending'));
    const [t] = await d.t.db.select().from(tickets).where(eq(tickets.number, number));
    const after = t!.dueAt + HOUR_MS;
    await findStaffNotices(d.t.db, after);
    await findStaffNotices(d.t.db, after + 60_000);
    const overdue = await d.t.db.select().from(staffNotices).where(sql`kind = 'overdue' and ticket_number = ${number}`);
    expect(overdue.map((n) => n.ownerKind).sort()).toEqual(['community', 'company']);

    // A resolved ticket whose call is due tomorrow (Zhengzhou), announced once from 16:00.
    const day = Date.UTC(2026, 11, 10); // 10 December, 00:00 UTC = 08:00 in Zhengzhou
    await d.t.db
      .update(tickets)
      .set({ status: 'resolved', followUpDueAt: Date.parse('2026-12-11T23:59:59+08:00') })
      .where(eq(tickets.number, number));
    await findStaffNotices(d.t.db, day + 6 * HOUR_MS); // 14:00
    const calls = () => d.t.db.select().from(staffNotices).where(eq(staffNotices.kind, 'follow_ups_tomorrow'));
    expect(await calls()).toHaveLength(0);
    await findStaffNotices(d.t.db, day + 9 * HOUR_MS); // 17:00
    await findStaffNotices(d.t.db, day + 10 * HOUR_MS);
    const found = await calls();
    expect(found).toHaveLength(2);
    expect(found[0]!.summary).toContain(number);
  });
});

async function staffIdOf(login: string) {
  const rows = await d.t.db.all<{ id: number }>(sql`select id from staff where login = ${login}`);
  return rows[0]!.id;
}
