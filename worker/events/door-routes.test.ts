import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsApp, eventsApp } from './test-helpers.ts';

let e: EventsApp;
beforeAll(async () => {
  e = await eventsApp();
});
afterAll(() => e.t.cleanup());

const doorList = async (eventId: number, login = 'erqi-admin') => e.ok(e.door(login, eventId));

describe('the door list', () => {
  it('shows organisers full phones, confirmed first, then the waitlist in order', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 2 });
    const a = await e.signUpOk(event!.id, { name: '甲', phone: '13911112222', seats: 2 });
    const w = await e.signUpOk(event!.id, { name: '乙', phone: '13933334444' });
    const list = await doorList(event!.id);
    expect(list.signups.map((s) => [s.id, s.name, s.phone, s.status])).toEqual([
      [a.id, '甲', '13911112222', 'confirmed'],
      [w.id, '乙', '13933334444', 'waitlisted'],
    ]);
    // The resident's own answer and the public event never carry the full number.
    expect(a.phone).toBe('139****2222');
    expect(await (await e.event(event!.id)).text()).not.toContain('1391111');
  });

  it('checks an attendee in and out, audited, and counts checked-in seats', async () => {
    const [event] = await e.create();
    const s = await e.signUpOk(event!.id, { seats: 3 });
    const res = await e.checkIn('erqi-admin', event!.id, s.id, true);
    expect(res.status).toBe(200);
    expect((await res.json()).signups[0]!.checkedInAt).toBe(e.clock);
    expect((await doorList(event!.id)).event.checkedInSeats).toBe(3);
    await e.checkIn('erqi-admin', event!.id, s.id, false);
    expect((await doorList(event!.id)).signups[0]!.checkedInAt).toBeNull();
    expect((await e.audits('signup.check_in')).filter((a) => a.objectId === String(s.id))).toHaveLength(1);
    expect((await e.audits('signup.undo_check_in')).filter((a) => a.objectId === String(s.id))).toHaveLength(1);
  });

  it('cancels a sign-up for a resident, promoting the waitlist and telling the resident', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 1 });
    const a = await e.signUpOk(event!.id);
    const w = await e.signUpOk(event!.id);
    const res = await e.cancelFor('erqi-admin', event!.id, a.id);
    expect(res.status).toBe(200);
    expect((await res.json()).signups.map((s) => [s.id, s.status, s.cancelledBy])).toEqual([
      [w.id, 'confirmed', null],
      [a.id, 'cancelled', 'staff'],
    ]);
    expect(await (await e.mine(a.id, a.token)).json()).toMatchObject({
      signup: { status: 'cancelled', cancelledBy: 'staff' },
      canCancel: false,
    });
    expect((await e.audits('signup.cancel')).filter((x) => x.objectId === String(a.id))).toHaveLength(1);
    const checkIn = await e.checkIn('erqi-admin', event!.id, a.id, true);
    expect(checkIn.status).toBe(409);
    expect((await e.cancelFor('erqi-admin', event!.id, a.id)).status).toBe(409);
    expect((await e.audits('signup.cancel')).filter((x) => x.objectId === String(a.id))).toHaveLength(1);
  });

  it('answers 404 for a sign-up of another event', async () => {
    const [one] = await e.create();
    const [other] = await e.create();
    const s = await e.signUpOk(other!.id);
    expect((await e.checkIn('erqi-admin', one!.id, s.id, true)).status).toBe(404);
  });
});

describe('who may organise', () => {
  let yongan: number;
  let jieyun: number;
  let subdistrictWide: number;
  beforeAll(async () => {
    yongan = (await e.create('yongan', { community: 'yongan', compound: 'yongan-jiayuan', venue: '永安家园' }))[0]!.id;
    jieyun = (await e.create('erqi-admin'))[0]!.id;
    subdistrictWide = (
      await e.create('jianzhongjie', { community: undefined, subdistrict: 'jianzhongjie', compound: undefined })
    )[0]!.id;
  });

  const matrix: [string, () => number, number][] = [
    ['erqi-admin', () => jieyun, 200],
    ['jianzhongjie', () => yongan, 200],
    ['jianzhongjie', () => subdistrictWide, 200],
    ['jianzhongjie', () => jieyun, 404],
    ['yongan', () => yongan, 200],
    ['yongan', () => jieyun, 404],
    ['yongan', () => subdistrictWide, 404],
    // Property staff serve the compound the event is in: they may know of it, not run it.
    ['yongan-wuye', () => yongan, 403],
    ['yongan-wuye', () => jieyun, 404],
    // The Jieyun Road correspondent reports on its events but does not organise them.
    ['weihongmin', () => jieyun, 403],
    ['weihongmin', () => yongan, 404],
  ];
  for (const [login, id, status] of matrix) {
    it(`${login} → ${status} for an event ${status === 200 ? 'they manage' : 'they do not'}, for reading, the door list and changes`, async () => {
      expect((await e.get(login, id())).status).toBe(status);
      expect((await e.door(login, id())).status).toBe(status);
      const version = (await e.view(id())).version;
      const changed = await e.edit(login, id(), { version, description: `改于 ${login}` });
      expect(changed.status).toBe(status);
    });
  }

  it('lists only the events in the staff member’s place, and not at all for other roles', async () => {
    const ids = async (login: string) => (await e.ok(e.list(login))).events.map((x) => x.id);
    expect(await ids('yongan')).toContain(yongan);
    expect(await ids('yongan')).not.toContain(jieyun);
    expect(await ids('yongan')).not.toContain(subdistrictWide);
    expect(await ids('jianzhongjie')).toEqual(expect.arrayContaining([yongan, subdistrictWide]));
    expect(await ids('jianzhongjie')).not.toContain(jieyun);
    expect(await ids('erqi-admin')).toEqual(expect.arrayContaining([yongan, jieyun, subdistrictWide]));
    for (const login of ['yongan-wuye', 'weihongmin']) expect((await e.list(login)).status).toBe(403);
    expect((await e.list(null)).status).toBe(401);
  });

  it('lets staff create only for their own place', async () => {
    const create = (login: string, body: Record<string, unknown>) =>
      e.createRes(login, {
        ...body,
        title: '测试活动',
        kind: 'other',
        channel: 'onsite',
        venue: '活动室',
        startsAt: '2026-12-20T09:00:00+08:00',
        endsAt: '2026-12-20T10:00:00+08:00',
      });
    expect((await create('jianzhongjie', { community: 'yongan' })).status).toBe(201);
    expect((await create('yongan', { community: 'jieyunlu' })).status).toBe(404);
    expect((await create('yongan', { subdistrict: 'jianzhongjie' })).status).toBe(404);
    expect((await create('weihongmin', { community: 'jieyunlu' })).status).toBe(403);
    expect((await create('yongan-wuye', { community: 'yongan' })).status).toBe(403);
  });
});
