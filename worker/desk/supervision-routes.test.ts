import { count } from 'drizzle-orm';
import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressMeetings } from '../../schema/index.ts';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, START } from './test-helpers.ts';

let d: DeskApp;
const n = {} as Record<'overdue' | 'reopened' | 'flagged' | 'resolved' | 'calm' | 'elsewhere', string>;
const tokens = {} as Record<keyof typeof n, string>;

type MeetingInput = InferRequestType<DeskApp['t']['api']['desk']['meetings']['$post']>['json'];

beforeAll(async () => {
  d = await deskApp();
  const file = async (key: keyof typeof n, body: Record<string, unknown> = {}) => {
    const filed = await d.fileOk(body);
    n[key] = filed.number;
    tokens[key] = filed.token;
  };
  await file('overdue'); // a repair: due in 3 working days
  await file('reopened', { category: 'culture-sports' }); // 7 working days
  await file('flagged', { category: 'illegal-construction' }); // 7 working days
  await file('resolved');
  await file('calm', { category: 'rental-housing' });
  await file('elsewhere', { community: 'gongrenlu', compound: undefined });
  await d.actOk('yongan', n.reopened, { action: 'accept' });
  await d.actOk('yongan', n.reopened, { action: 'resolve', note: '活动室已开放' });
  expect(
    (await d.t.post(`/api/tickets/${n.reopened}/reopen`, { token: tokens.reopened, reason: '又锁上了' })).status,
  ).toBe(200);
  await d.actOk('yongan', n.flagged, { action: 'flag', reason: '违建户拒不配合，需要街道协调' });
  await d.actOk('yongan-wuye', n.resolved, { action: 'accept' });
  // Wednesday 2 December: the repair (3 working days) was due at the end of Tuesday.
  d.clock = START + 6 * DAY_MS;
  await d.actOk('yongan-wuye', n.resolved, { action: 'resolve', note: '修好了，晚了一天' });
});
afterAll(() => d.t.cleanup());

const supervision = async (login: string, subdistrict?: string) =>
  d.t.api.desk.supervision.$get({ query: { subdistrict } }, await d.as(login));
const list = async (login: string, subdistrict?: string) => {
  const res = await supervision(login, subdistrict);
  expect(res.status).toBe(200);
  return (await res.json()).items;
};
const meetings = async (login: string) => d.t.api.desk.meetings.$get({ query: {} }, await d.as(login));
const hold = async (login: string, body: Record<string, unknown>) =>
  d.t.api.desk.meetings.$post({ json: body as MeetingInput }, await d.as(login));
const meeting = (links: Record<string, unknown>[], more: Record<string, unknown> = {}) => ({
  heldAt: '2026-11-30T09:30:00+08:00',
  attendees: '街道、永安社区、永安物业、居民代表',
  notes: '逐件过了督办清单',
  links,
  ...more,
});

describe('the supervision list', () => {
  it('lists overdue, reopened and flagged tickets with age, owner and reasons', async () => {
    const items = await list('jianzhongjie');
    const byNumber = new Map(items.map((i) => [i.number, i]));
    expect(byNumber.get(n.overdue)).toMatchObject({
      owner: 'property',
      status: 'submitted',
      ageDays: 6,
      overdueDays: 1,
      reasons: ['overdue'],
      community: { slug: 'yongan' },
      category: { name: '报修' },
    });
    expect(byNumber.get(n.reopened)).toMatchObject({
      owner: 'community',
      status: 'in_progress',
      reasons: ['reopened'],
      overdueDays: 0,
    });
    expect(byNumber.get(n.flagged)).toMatchObject({ owner: 'community', reasons: ['flagged'], ageDays: 6 });
    // The demo's rubbish in the fire lane: filed 15 days before, overdue 8 days, flagged on the way.
    expect(byNumber.get('YA-20261117-0001')).toMatchObject({
      owner: 'joint',
      reasons: ['overdue', 'flagged'],
      ageDays: 15,
      overdueDays: 8,
    });
    expect(byNumber.has(n.resolved)).toBe(false);
    expect(byNumber.has(n.calm)).toBe(false);
    expect(byNumber.has(n.elsewhere)).toBe(false);
    expect(items.map((i) => i.dueAt)).toEqual(items.map((i) => i.dueAt).sort((a, b) => a - b));
  });

  it('drops a flag once it is lifted', async () => {
    const { number } = await d.fileOk({ category: 'rental-housing' });
    await d.actOk('yongan', number, { action: 'flag', reason: '需要派出所配合' });
    expect((await list('jianzhongjie')).map((i) => i.number)).toContain(number);
    await d.actOk('yongan', number, { action: 'unflag' });
    expect((await list('jianzhongjie')).map((i) => i.number)).not.toContain(number);
  });

  it('shows each sub-district its own, and admins the one they ask for', async () => {
    expect((await list('erqi-admin', 'songshanlu')).map((i) => i.number)).toContain(n.elsewhere);
    expect((await list('erqi-admin', 'jianzhongjie')).map((i) => i.number)).toContain(n.overdue);
    expect((await list('yongan')).map((i) => i.number)).toContain(n.flagged);
    for (const [login, query, status] of [
      ['jianzhongjie', 'songshanlu', 404],
      ['yongan', 'songshanlu', 404],
      ['yongan-wuye', 'jianzhongjie', 404],
      ['weihongmin', undefined, 403],
      ['erqi-admin', 'atlantis', 404],
    ] as const) {
      const res = await supervision(login, query);
      expect([login, query, res.status]).toEqual([login, query, status]);
      expect(await res.json()).toHaveProperty('error.code');
    }
  });
});

describe('progress meetings', () => {
  it('links tickets with a follow-up and a new due date that the resident sees', async () => {
    const before = await d.view(n.overdue);
    const res = await hold(
      'jianzhongjie',
      meeting([{ number: n.overdue, followUp: '物业12月7日前换好电梯控制板', newDueDate: '2026-12-07' }]),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true, linked: 1 });

    const after = await d.view(n.overdue);
    expect(after.dueAt).toBe(Date.parse('2026-12-07T23:59:59+08:00'));
    expect(after.version).toBe(before.version + 1);
    const tracked = await (await d.track(n.overdue, tokens.overdue)).json();
    expect(tracked).toMatchObject({ dueAt: after.dueAt, overdue: false });
    expect(tracked.timeline.at(-1)).toMatchObject({ kind: 'meeting', body: '物业12月7日前换好电梯控制板' });
    expect((await list('jianzhongjie')).map((i) => i.number)).not.toContain(n.overdue);

    const held = await (await meetings('jianzhongjie')).json();
    expect(held.meetings[0]).toMatchObject({
      attendees: '街道、永安社区、永安物业、居民代表',
      links: [{ number: n.overdue, followUp: '物业12月7日前换好电梯控制板', newDueAt: after.dueAt }],
    });
  });

  it('refuses a ticket of another sub-district, writing nothing', async () => {
    const meetingsBefore = (await d.t.db.select({ n: count() }).from(progressMeetings))[0]!.n;
    const dueBefore = (await d.view(n.flagged)).dueAt;
    const res = await hold(
      'jianzhongjie',
      meeting([
        { number: n.flagged, followUp: '街道约谈违建户', newDueDate: '2026-12-10' },
        { number: n.elsewhere, followUp: '不归我们', newDueDate: '2026-12-10' },
      ]),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { 'links.1.number': expect.any(String) } },
    });
    expect((await d.t.db.select({ n: count() }).from(progressMeetings))[0]!.n).toBe(meetingsBefore);
    expect((await d.view(n.flagged)).dueAt).toBe(dueBefore);
  });

  it('refuses the same ticket twice in one meeting', async () => {
    const link = { number: n.flagged, followUp: '约谈', newDueDate: '2026-12-10' };
    const res = await hold('jianzhongjie', meeting([link, { ...link, followUp: '再约谈' }]));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { 'links.1.number': expect.any(String) } },
    });
  });

  it('names bad fields, including a day that is not in the calendar', async () => {
    const res = await hold(
      'jianzhongjie',
      meeting([{ number: n.flagged, followUp: '约谈', newDueDate: '2026-13-01' }], { heldAt: 'Monday', attendees: '' }),
    );
    expect(res.status).toBe(400);
    const fields = (await errorOf(res)).error.fields;
    expect(Object.keys(fields ?? {}).sort()).toEqual(['attendees', 'heldAt', 'links.0.newDueDate']);
  });

  it("is the sub-district's job: community staff 403, property staff and other sub-districts 404", async () => {
    const body = meeting([{ number: n.flagged, followUp: '约谈', newDueDate: '2026-12-10' }]);
    expect((await hold('yongan', body)).status).toBe(403);
    expect((await meetings('yongan')).status).toBe(403);
    expect((await hold('yongan-wuye', { ...body, subdistrict: 'jianzhongjie' })).status).toBe(404);
    expect((await hold('jianzhongjie', { ...body, subdistrict: 'songshanlu' })).status).toBe(404);
    expect((await hold('weihongmin', { ...body, subdistrict: 'jingguanglu' })).status).toBe(403);
    expect((await hold('erqi-admin', { ...body, subdistrict: 'jianzhongjie' })).status).toBe(201);
  });
});
