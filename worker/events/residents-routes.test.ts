import type { InferRequestType } from 'hono/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-helpers.ts';
import { DAY_MS, type EventsApp, eventsApp, START } from './test-helpers.ts';

let e: EventsApp;
beforeAll(async () => {
  e = await eventsApp();
});
afterAll(() => e.t.cleanup());

type Query = InferRequestType<EventsApp['t']['api']['events']['$get']>['query'];
const places = (query: Query) => e.t.api.events.$get({ query });
const list = async (query: Query) => e.ok(places(query));

describe('the events of a place', () => {
  it('lists the upcoming Small-Stool Class sessions of Jieyun Road, soonest first, with seats left', async () => {
    const body = await list({ community: 'jieyunlu' });
    expect(body.community?.slug).toBe('jieyunlu');
    const stool = body.events.filter((x) => x.title === '小板凳课堂');
    expect(stool).toHaveLength(6);
    expect(stool.map((x) => x.series?.sessionNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stool.every((x) => x.startsAt > START)).toBe(true);
    // The demo neighbours took six of the 30 stools of the first session.
    expect(stool[0]).toMatchObject({
      capacity: 30,
      seatsLeft: 24,
      canSignUp: true,
      organiser: { level: 'community', slug: 'jieyunlu' },
    });
    expect(body.events.map((x) => x.startsAt)).toEqual([...body.events.map((x) => x.startsAt)].sort((a, b) => a - b));
  });

  it('adds the events the sub-district organises itself, and not those of other places', async () => {
    const [own] = await e.create('erqi-admin', {
      community: undefined,
      subdistrict: 'jingguanglu',
      compound: undefined,
      title: '京广路街道全体居民大会',
    });
    const jieyun = await list({ community: 'jieyunlu' });
    expect(jieyun.events.map((x) => x.id)).toContain(own!.id);
    expect(jieyun.events.find((x) => x.id === own!.id)?.organiser).toMatchObject({
      level: 'subdistrict',
      slug: 'jingguanglu',
    });
    expect((await list({ community: 'yongan' })).events.map((x) => x.id)).not.toContain(own!.id);
  });

  it('lists a whole sub-district: the Mifengzhang three-channel outreach', async () => {
    const body = await list({ subdistrict: 'mifengzhang' });
    expect(body.community).toBeNull();
    expect(body.events.map((x) => x.channel).sort()).toEqual(['loudspeaker', 'online', 'onsite']);
  });

  it("lists the whole district: there a Yong'an resident finds the Small-Stool Class", async () => {
    const yongan = await list({ community: 'yongan' });
    expect(yongan.events.map((x) => x.title)).not.toContain('小板凳课堂');
    const body = await list({ district: '1' });
    expect(body).toMatchObject({
      district: { slug: 'erqi', name: '二七区', nameEn: 'Erqi District' },
      subdistrict: null,
      community: null,
    });
    expect(yongan.district).toBeNull();
    const stool = body.events.filter((x) => x.title === '小板凳课堂');
    expect(stool).toHaveLength(6);
    expect(stool[0]!.organiser).toMatchObject({ level: 'community', slug: 'jieyunlu' });
    for (const id of yongan.events.map((x) => x.id)) expect(body.events.map((x) => x.id)).toContain(id);
    const organisers = new Set(body.events.map((x) => x.organiser.slug));
    expect([...organisers]).toEqual(expect.arrayContaining(['jieyunlu', 'mifengzhang', 'yongan']));
    expect(body.events.map((x) => x.startsAt)).toEqual([...body.events.map((x) => x.startsAt)].sort((a, b) => a - b));
    const past = await list({ district: '1', when: 'past' });
    expect(past.events.map((x) => x.title)).toContain('小板凳课堂');
  });

  it('shows past events with their summary and attendance', async () => {
    const past = await list({ community: 'jieyunlu', when: 'past' });
    expect(past.events[0]).toMatchObject({
      title: '小板凳课堂',
      status: 'completed',
      attendance: 28,
      summary: expect.stringContaining('黄新生'),
    });
  });

  it('answers 400 naming community without a place or with two, and 404 for an unknown one', async () => {
    for (const q of [{}, { community: 'jieyunlu', subdistrict: 'jingguanglu' }, { community: 'Not a slug' }]) {
      const res = await places(q);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'invalid_input', fields: { community: expect.any(String) } },
      });
    }
    for (const [q, fields] of [
      [{ district: 'erqi' }, ['district']],
      [{ community: 'yongan', district: '1' }, ['community', 'district']],
      [{ subdistrict: 'jianzhongjie', district: '1' }, ['district', 'subdistrict']],
    ] as const) {
      const res = await places(q as Query);
      expect(res.status).toBe(400);
      const { error } = await errorOf(res);
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields);
    }
    expect((await places({ community: 'atlantis' })).status).toBe(404);
    expect((await places({ subdistrict: 'atlantis' })).status).toBe(404);
  });
});

describe('one event', () => {
  it('has a page with its series and never a resident’s phone', async () => {
    const first = (await list({ community: 'jieyunlu' })).events.find((x) => x.title === '小板凳课堂')!;
    const res = await e.event(first.id);
    expect(res.status).toBe(200);
    const text = await res.clone().text();
    expect(text).not.toMatch(/1390000000\d/);
    const body = await res.json();
    expect(body.event).toMatchObject({ speaker: '黄新生', venue: '铁道洁云里小区广场', seatsLeft: 24 });
    // The class moves: the third session is in the community meeting room.
    expect(body.sessions.map((s) => s.venue)[2]).toBe('洁云路社区会议室');
    expect((await e.event(999999)).status).toBe(404);
  });

  it('is one .ics for "add to calendar", with absolute links from the request origin', async () => {
    const [event] = await e.create('erqi-admin', {
      startsAt: '2026-12-01T07:30:00+08:00',
      endsAt: '2026-12-01T08:30:00+08:00',
    });
    const res = await e.t.app.request(`https://linli.example/api/events/${event!.id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await res.text();
    expect(text).toContain(`UID:event-${event!.id}@linli.example\r\n`);
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261201T073000\r\n');
    expect(text).toContain(`URL:https://linli.example/events/${event!.id}\r\n`);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('keeps the seats left right as residents come and go', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 3 });
    const s = await e.signUpOk(event!.id, { seats: 2 });
    const seatsLeft = async () => (await e.ok(e.event(event!.id))).event.seatsLeft;
    expect(await seatsLeft()).toBe(1);
    await e.cancelMine(s);
    expect(await seatsLeft()).toBe(3);
  });

  it('drops an event from "upcoming" once it has ended', async () => {
    const [event] = await e.create();
    const saved = e.clock;
    e.clock = START + 4 * DAY_MS;
    try {
      expect((await list({ community: 'jieyunlu' })).events.map((x) => x.id)).not.toContain(event!.id);
      expect((await list({ community: 'jieyunlu', when: 'past' })).events.map((x) => x.id)).toContain(event!.id);
    } finally {
      e.clock = saved;
    }
  });
});
