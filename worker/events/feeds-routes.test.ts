import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsApp, eventsApp } from './test-helpers.ts';

let e: EventsApp;
beforeAll(async () => {
  e = await eventsApp();
});
afterAll(() => e.t.cleanup());

const origin = 'https://linli.example';
const feed = async (query: string) => {
  const res = await e.t.app.request(`${origin}/feeds/events.ics?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  return res.text();
};

/** The feed as a phone's calendar reads it: ical.js, with the feed's own VTIMEZONE registered. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  return {
    calendar,
    vtimezone,
    events: calendar.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) })),
  };
}
const byUid = (text: string, uid: string) => parse(text).events.find((x) => x.e.uid === uid);

describe('the community calendar feed', () => {
  it('is valid iCalendar with a VTIMEZONE, and each session has UID, DTSTAMP, LOCATION and an absolute URL', async () => {
    const text = await feed('community=jieyunlu');
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const { calendar, vtimezone, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    const stool = events.filter((x) => x.e.summary === '小板凳课堂');
    expect(stool.length).toBeGreaterThanOrEqual(6);
    for (const { v, e: ev } of stool) {
      expect(ev.uid).toMatch(/^event-\d+@linli.example$/);
      expect(v.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(ev.startDate.zone?.tzid).toBe('Asia/Shanghai');
      // The class moves: the square and a courtyard of the compound, or the community's meeting room.
      expect(ev.location).toMatch(/铁道洁云里小区|洁云路社区会议室/);
      expect(v.getFirstPropertyValue('url')).toMatch(new RegExp(`^${origin}/events/\\d+$`));
    }
    expect(stool[0]!.e.description).toContain('宣讲人：黄新生');
  });

  it('gives local times in Zhengzhou that resolve to the right instants across midnight UTC', async () => {
    const [event] = await e.create('erqi-admin', {
      startsAt: '2026-12-02T07:30:00+08:00',
      endsAt: '2026-12-02T08:45:00+08:00',
    });
    const { vtimezone } = parse(await feed('community=jieyunlu'));
    ICAL.TimezoneService.register(vtimezone!);
    try {
      const found = byUid(await feed('community=jieyunlu'), `event-${event!.id}@linli.example`)!.e;
      // 07:30 on 2 December in Zhengzhou is 23:30 on 1 December UTC.
      expect(found.startDate.toString()).toBe('2026-12-02T07:30:00');
      expect(found.startDate.toJSDate().toISOString()).toBe('2026-12-01T23:30:00.000Z');
      expect(found.endDate.toJSDate().toISOString()).toBe('2026-12-02T00:45:00.000Z');
      expect(found.startDate.convertToZone(ICAL.Timezone.utcTimezone).day).toBe(1);
    } finally {
      ICAL.TimezoneService.remove('Asia/Shanghai');
    }
  });

  it('raises SEQUENCE on every change and keeps a cancelled session as STATUS:CANCELLED under the same UID', async () => {
    const [event] = await e.create();
    const uid = `event-${event!.id}@linli.example`;
    const sequence = async () => byUid(await feed('community=jieyunlu'), uid)!.v.getFirstPropertyValue('sequence');
    expect(await sequence()).toBe(0);
    await e.edit('erqi-admin', event!.id, { version: 1, venue: '洁云路社区会议室' });
    expect(await sequence()).toBe(1);
    await e.cancel('erqi-admin', event!.id, { version: 2, reason: '下雪路滑' });
    const cancelled = byUid(await feed('community=jieyunlu'), uid)!;
    expect(cancelled.v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.v.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelled.e.summary).toContain('已取消');
    expect(cancelled.e.location).toBe('铁道洁云里小区 洁云路社区会议室');
  });

  it('serves a sub-district, and answers errors as JSON', async () => {
    const text = await feed('subdistrict=mifengzhang');
    // The three channels' next sessions, and the 5 + 8 + 21 held in the last four weeks (the feed keeps 60 days).
    expect(parse(text).events.map((x) => x.e.summary)).toHaveLength(3 + 34);
    expect(text).toContain('https://example.com/linli-demo/mifengzhang-online-lecture');
    const missing = await e.t.app.request(`${origin}/feeds/events.ics`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'invalid_input' } });
    expect((await e.t.app.request(`${origin}/feeds/events.ics?community=atlantis`)).status).toBe(404);
  });

  it('answers a calendar app that asks again with 304 until an event changes, with ids unique to this installation', async () => {
    const first = await e.t.app.request(`${origin}/feeds/events.ics?community=jieyunlu`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const again = await e.t.app.request(`${origin}/feeds/events.ics?community=jieyunlu`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const elsewhere = await e.t.app.request('https://other-district.example/feeds/events.ics?community=jieyunlu');
    expect(await elsewhere.text()).toMatch(/UID:event-\d+@other-district\.example\r\n/);
    expect(elsewhere.headers.get('etag')).not.toBe(etag);
  });
});
