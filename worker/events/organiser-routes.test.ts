import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, eventSeries, events } from '../../schema/index.ts';
import { errorOf } from '../test-helpers.ts';
import { anEvent, DAY_MS, type EventsApp, eventsApp, shanghai } from './test-helpers.ts';

let e: EventsApp;
beforeAll(async () => {
  e = await eventsApp();
});
afterAll(() => e.t.cleanup());

describe('creating events', () => {
  it('creates one session with an audit entry, stored in UTC', async () => {
    const before = (await e.audits('event.create')).length;
    const [event] = await e.create('erqi-admin', {
      startsAt: '2026-11-30T07:30:00+08:00',
      endsAt: '2026-11-30T08:30:00+08:00',
    });
    const [row] = await e.t.db.select().from(events).where(eq(events.id, event!.id));
    expect(row).toMatchObject({
      startsAt: Date.UTC(2026, 10, 29, 23, 30),
      endsAt: Date.UTC(2026, 10, 30, 0, 30),
      seriesId: null,
      version: 1,
      status: 'scheduled',
    });
    const audits = await e.audits('event.create');
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ objectType: 'event', objectId: String(event!.id) });
  });

  it('generates a weekly series as separate sessions from the rule, each audited', async () => {
    const before = (await e.audits('event.create')).length;
    const sessions = await e.create('yongan', { community: 'yongan', compound: 'yongan-jiayuan', weeklySessions: 4 });
    expect(sessions).toHaveLength(4);
    const [first] = await e.t.db.select().from(events).where(eq(events.id, sessions[0]!.id));
    const rows = await e.t.db.select().from(events).where(eq(events.seriesId, first!.seriesId!));
    expect(rows.map((r) => r.sessionNumber)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r.startsAt - rows[0]!.startsAt)).toEqual([0, 7, 14, 21].map((d) => d * DAY_MS));
    const [series] = await e.t.db.select().from(eventSeries).where(eq(eventSeries.id, rows[0]!.seriesId!));
    expect(series!.rule).toBe('FREQ=WEEKLY;COUNT=4');
    const audits = (await e.audits('event.create')).slice(before);
    expect(audits.map((a) => a.objectId)).toEqual(sessions.map((s) => String(s.id)));
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an end before the start', { endsAt: shanghai(3, '08:00') }, 'endsAt'],
    ['an online event without a link', { channel: 'online' }, 'joinUrl'],
    ['a link that is not http', { channel: 'online', joinUrl: 'javascript:alert(1)' }, 'joinUrl'],
    ['no organiser', { community: undefined }, 'community'],
    ['two organisers', { subdistrict: 'jingguanglu' }, 'community'],
    ['an unknown kind', { kind: 'rave' }, 'kind'],
    ['a time without offset', { startsAt: '2026-11-30T09:30' }, 'startsAt'],
    ['zero capacity', { capacity: 0 }, 'capacity'],
    ['27 weekly sessions', { weeklySessions: 27 }, 'weeklySessions'],
    ['a compound of another community', { compound: 'yongan-jiayuan' }, 'compound'],
    ['an unknown community', { community: 'atlantis' }, 'community'],
  ];
  for (const [what, body, field] of bad) {
    it(`refuses ${what} with a 400 naming ${field}`, async () => {
      const res = await e.createRes('erqi-admin', { ...anEvent, ...body });
      expect(res.status).toBe(400);
      expect(Object.keys((await errorOf(res)).error.fields ?? {})).toContain(field);
    });
  }
});

describe('changing an event', () => {
  it('edits with the version it read, raising the version (the calendar SEQUENCE)', async () => {
    const [event] = await e.create();
    const res = await e.edit('erqi-admin', event!.id, { version: 1, venue: '洁云路社区会议室', compound: null });
    expect(res.status).toBe(200);
    expect((await res.json()).event).toMatchObject({
      version: 2,
      sequence: 1,
      venue: '洁云路社区会议室',
      compound: null,
    });
    const stale = await e.edit('erqi-admin', event!.id, { version: 1, title: '过时的修改' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    expect((await e.audits('event.edit')).filter((a) => a.objectId === String(event!.id))).toHaveLength(1);
  });

  it('refuses a capacity below the seats confirmed, and lets the waitlist in when it grows', async () => {
    const [event] = await e.create('erqi-admin', { capacity: 2 });
    await e.signUpOk(event!.id, { seats: 2 });
    const waiting = await e.signUpOk(event!.id, { seats: 1 });
    const shrink = await e.edit('erqi-admin', event!.id, { version: 1, capacity: 1 });
    expect(shrink.status).toBe(409);
    expect(await shrink.json()).toMatchObject({
      error: { code: 'capacity_below_confirmed', fields: { capacity: expect.any(String) } },
    });
    expect((await e.edit('erqi-admin', event!.id, { version: 1, capacity: 3 })).status).toBe(200);
    expect(await e.statusOf(waiting.id)).toBe('confirmed');
  });

  it('checks the times across fields against the stored event', async () => {
    const [event] = await e.create();
    const res = await e.edit('erqi-admin', event!.id, { version: 1, endsAt: shanghai(2, '09:00') });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { endsAt: expect.any(String) } } });
  });
});

describe('cancelling an event', () => {
  it('cancels once, audited; residents see it on their page and cannot sign up', async () => {
    const [event] = await e.create();
    const s = await e.signUpOk(event!.id);
    const res = await e.cancel('erqi-admin', event!.id, { version: 1, reason: '大风天气，改到下周' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      event: { status: 'cancelled', version: 2, cancelReason: '大风天气，改到下周', canSignUp: false },
    });
    const page = await (await e.mine(s.id, s.token)).json();
    expect(page).toMatchObject({
      event: { status: 'cancelled', cancelReason: '大风天气，改到下周' },
      canCancel: false,
      signup: { status: 'confirmed' },
    });
    const again = await e.cancel('erqi-admin', event!.id, { version: 2, reason: '再取消一次' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'invalid_transition' } });
    expect((await e.edit('erqi-admin', event!.id, { version: 2, title: '复活' })).status).toBe(409);
    expect((await e.audits('event.cancel')).filter((a) => a.objectId === String(event!.id))).toHaveLength(1);
  });

  it('needs a reason', async () => {
    const [event] = await e.create();
    const res = await e.cancel('erqi-admin', event!.id, { version: 1 });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { reason: expect.any(String) } } });
  });
});

describe('the summary afterwards', () => {
  it('is refused before the start, then counts the seats checked in unless told otherwise', async () => {
    const [event] = await e.create();
    const s = await e.signUpOk(event!.id, { seats: 2 });
    await e.signUpOk(event!.id, { seats: 1 });
    const early = await e.summary('erqi-admin', event!.id, { version: 1, summary: '还没开始' });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { code: 'not_started' } });
    const saved = e.clock;
    e.clock = Date.parse(anEvent.startsAt) + 10 * 60 * 1000;
    try {
      await e.checkIn('erqi-admin', event!.id, s.id, true);
      const done = await e.summary('erqi-admin', event!.id, { version: 1, summary: '大家学习了防范养老诈骗的知识。' });
      expect(done.status).toBe(200);
      expect(await done.json()).toMatchObject({
        event: { status: 'completed', attendance: 2, summary: '大家学习了防范养老诈骗的知识。', version: 2 },
      });
      const corrected = await e.summary('erqi-admin', event!.id, {
        version: 2,
        summary: '更正：现场还来了5位没报名的居民。',
        attendance: 7,
      });
      expect(await corrected.json()).toMatchObject({ event: { attendance: 7, version: 3 } });
      expect((await e.audits('event.summary')).filter((a) => a.objectId === String(event!.id))).toHaveLength(2);
    } finally {
      e.clock = saved;
    }
  });

  it('links a news article that exists, and names the field when it does not', async () => {
    const [event] = await e.create('erqi-admin', {
      startsAt: new Date(e.clock - 7_200_000).toISOString(),
      endsAt: new Date(e.clock - 3_600_000).toISOString(),
    });
    const missing = await e.summary('erqi-admin', event!.id, { version: 1, summary: '已举办', articleId: 987_654 });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { fields: { articleId: expect.any(String) } } });
    const [article] = await e.t.db.select({ id: articles.id }).from(articles).limit(1);
    expect(article, 'the demo data has news articles').toBeDefined();
    const linked = await e.summary('erqi-admin', event!.id, { version: 1, summary: '已举办', articleId: article!.id });
    expect(await linked.json()).toMatchObject({ event: { articleId: article!.id } });
  });
});
