import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, renovationMeetings, renovationWishes } from '../../schema/index.ts';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { JIEYUNLI, type RenovationApp, renovationApp } from './test-helpers.ts';

let r: RenovationApp;
beforeAll(async () => {
  r = await renovationApp();
});
afterAll(() => r.t.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: staff answers are read loosely here; their shapes are checked field by field
type Json = Record<string, any>;
const HOUR = 60 * 60 * 1000;
const at = (ms: number) => new Date(ms).toISOString();
const meetingBody = (startsIn = 3 * DAY_MS) => ({
  type: 'four_party',
  startsAt: at(r.clock + startsIn),
  endsAt: at(r.clock + startsIn + 2 * HOUR),
  venue: '洁云路社区会议室',
  parties: { partyBranch: '铁道洁云里楼院党支部', representatives: '党员代表3名、居民代表5名' },
});
const outcomeOf = async (number: string) =>
  (await r.t.db.select().from(renovationWishes).where(eq(renovationWishes.number, number)))[0]!;

/** A meeting of the Jieyunli project with two fresh wishes on its agenda. */
async function meetingWithAgenda() {
  const { meeting } = await r.staffOk<Json>('jieyunlu', 'POST', `/projects/${JIEYUNLI}/meetings`, meetingBody());
  const wish = await r.wishOk({ description: '希望充电棚装上监控。' });
  const objection = await r.wishOk({ kind: 'objection', description: '反对占用绿地建充电棚。' });
  const set = await r.staffOk<Json>('jieyunlu', 'PUT', `/meetings/${meeting.id}/agenda`, {
    version: meeting.version,
    wishes: [objection.number, wish.number],
  });
  return { meeting: set.meeting, wish, objection };
}

describe('creating a joint meeting', () => {
  it('makes a joint_meeting event in the project’s community, with the four parties', async () => {
    const res = await r.staff('jieyunlu', 'POST', `/projects/${JIEYUNLI}/meetings`, meetingBody());
    expect(res.status).toBe(201);
    const { meeting } = (await res.json()) as Json;
    expect(meeting).toMatchObject({
      type: 'four_party',
      title: '四方联席会：铁道洁云里小区',
      status: 'scheduled',
      parties: {
        partyBranch: '铁道洁云里楼院党支部',
        contractor: '（演示）某建设工程有限公司',
        supervisor: '（演示）某工程监理有限公司',
      },
      agenda: [],
      version: 1,
    });
    expect(meeting.openWishes.length).toBeGreaterThan(0);
    const listed = await (await r.t.api.events.$get({ query: { community: 'jieyunlu' } })).json();
    expect(listed.events.find((e) => e.id === meeting.eventId)).toMatchObject({
      kind: 'joint_meeting',
      venue: '洁云路社区会议室',
    });
    expect(await r.audits('event.create', String(meeting.eventId))).toBe(1);
    expect((await r.page(JIEYUNLI)).meetings.upcoming.map((m) => m.id)).toContain(meeting.id);
  });

  it('is only for the project’s own staff, and needs a time in order', async () => {
    expect((await r.staff('yongan', 'POST', `/projects/${JIEYUNLI}/meetings`, meetingBody())).status).toBe(404);
    expect((await r.staff('weihongmin', 'POST', `/projects/${JIEYUNLI}/meetings`, meetingBody())).status).toBe(403);
    const backwards = { ...meetingBody(), endsAt: at(r.clock) };
    const res = await r.staff('jieyunlu', 'POST', `/projects/${JIEYUNLI}/meetings`, backwards);
    expect((await errorOf(res)).error.fields).toEqual({ endsAt: 'The end must be after the start.' });
    const noParties = await r.staff('jieyunlu', 'POST', `/projects/${JIEYUNLI}/meetings`, {
      ...meetingBody(),
      parties: {},
    });
    expect(Object.keys((await errorOf(noParties)).error.fields ?? {}).sort()).toEqual([
      'parties.partyBranch',
      'parties.representatives',
    ]);
  });
});

describe('the agenda', () => {
  it('puts open wishes on it, which residents see as "on the agenda of meeting X"', async () => {
    const { meeting, wish } = await meetingWithAgenda();
    expect(meeting.agenda.map((a: Json) => a.wish.kind)).toEqual(['objection', 'wish']);
    const tracked = await (await r.trackWish(wish.number, wish.token)).json();
    expect(tracked.answer).toMatchObject({ outcome: 'on_agenda', meeting: { id: meeting.id, title: meeting.title } });
    expect(tracked.timeline.map((e) => e.kind)).toEqual(['submitted', 'agenda']);
  });

  it('refuses unknown, doubled and finished wishes, and a stale version', async () => {
    const { meeting, wish } = await meetingWithAgenda();
    const path = `/meetings/${meeting.id}/agenda`;
    const renhe = (await r.page(1)).wishGroups[0]!.wishes[0]!.number;
    for (const [wishes, field] of [
      [['JY-20991231-W0001'], 'wishes.0'],
      [[wish.number, wish.number], 'wishes.1'],
      [[renhe], 'wishes.0'],
    ] as const) {
      const res = await r.staff('jieyunlu', 'PUT', path, { version: meeting.version, wishes });
      expect(res.status).toBe(400);
      expect(Object.keys((await errorOf(res)).error.fields ?? {})).toEqual([field]);
    }
    const stale = await r.staff('jieyunlu', 'PUT', path, { version: meeting.version - 1, wishes: [] });
    expect(stale.status).toBe(409);
  });

  it('puts a wish answered "on the agenda of meeting X" on that agenda too', async () => {
    const { meeting } = await meetingWithAgenda();
    const { number } = await r.wishOk({ description: '希望会上也议一议楼道灯。' });
    await r.staffOk('jieyunlu', 'POST', `/wishes/${number}/answer`, {
      version: 1,
      outcome: 'on_agenda',
      meeting: meeting.id,
    });
    const after = await r.staffOk<Json>('jieyunlu', 'GET', `/meetings/${meeting.id}`);
    expect(after.meeting.agenda.map((a: Json) => a.wish.number).at(-1)).toBe(number);
    expect(after.meeting.agenda).toHaveLength(3);
    const other = await r.wishOk();
    const noMeeting = await r.staff('jieyunlu', 'POST', `/wishes/${other.number}/answer`, {
      version: 1,
      outcome: 'on_agenda',
      meeting: 999,
    });
    expect((await errorOf(noMeeting)).error.fields).toEqual({ meeting: 'No such meeting of this project.' });
  });

  it('gives a wish taken off the agenda back to "under consideration"', async () => {
    const { meeting, wish, objection } = await meetingWithAgenda();
    await r.staffOk('jieyunlu', 'PUT', `/meetings/${meeting.id}/agenda`, {
      version: meeting.version,
      wishes: [objection.number],
    });
    expect((await outcomeOf(wish.number)).outcome).toBe('under_consideration');
    expect((await outcomeOf(objection.number)).outcome).toBe('on_agenda');
  });
});

describe('the minutes', () => {
  it('waits until the meeting has begun', async () => {
    const { meeting, wish, objection } = await meetingWithAgenda();
    const res = await r.staff('jieyunlu', 'POST', `/meetings/${meeting.id}/minutes`, {
      version: meeting.version,
      minutes: '会议记录',
      decisions: [
        { wish: wish.number, decision: 'deferred', deferredTo: '2026-12-20' },
        { wish: objection.number, decision: 'deferred', deferredTo: '2026-12-20' },
      ],
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).error.code).toBe('not_started');
  });

  it('writes each decision back to its wish, completes the event and keeps the minutes, once', async () => {
    const { meeting, wish, objection } = await meetingWithAgenda();
    const item = (await r.page(JIEYUNLI)).items.find((i) => i.title === '非机动车充电棚')!;
    r.clock += 3 * DAY_MS + HOUR;
    const path = `/meetings/${meeting.id}/minutes`;
    const missing = await r.staff('jieyunlu', 'POST', path, {
      version: meeting.version,
      minutes: '只议了一项',
      decisions: [{ wish: wish.number, decision: 'accepted', item: item.id }],
    });
    expect(Object.keys((await errorOf(missing)).error.fields ?? {})).toEqual(['decisions']);
    const notOnAgenda = await r.staff('jieyunlu', 'POST', path, {
      version: meeting.version,
      minutes: '多议了一项',
      decisions: [{ wish: 'JY-20261126-W9999', decision: 'not_possible', note: '不行' }],
    });
    expect(Object.keys((await errorOf(notOnAgenda)).error.fields ?? {})).toEqual(['decisions.0.wish']);
    const needsReason = await r.staff('jieyunlu', 'POST', path, {
      version: meeting.version,
      minutes: '没写理由',
      decisions: [{ wish: objection.number, decision: 'not_possible' }],
    });
    expect((await errorOf(needsReason)).error.fields).toEqual({
      'decisions.0.note': 'Say publicly why it is not possible.',
    });

    const minutes = {
      version: meeting.version,
      minutes: '四方议定：充电棚装监控；不占用绿地，改到3号楼北侧。',
      attendance: 12,
      decisions: [
        { wish: wish.number, decision: 'accepted', item: item.id },
        { wish: objection.number, decision: 'changed', item: item.id, note: '不占绿地，改到3号楼北侧。' },
      ],
    };
    const recorded = await r.staffOk<Json>('jieyunlu', 'POST', path, minutes);
    expect(recorded.meeting).toMatchObject({ status: 'completed', minutes: minutes.minutes, attendance: 12 });
    expect(recorded.meeting.agenda.map((a: Json) => a.decision)).toEqual(['changed', 'accepted']);

    const tracked = await (await r.trackWish(objection.number, objection.token)).json();
    expect(tracked.answer).toMatchObject({
      outcome: 'in_plan',
      note: '不占绿地，改到3号楼北侧。',
      item: { id: item.id },
      at: r.clock,
    });
    expect(tracked.timeline.map((e) => e.kind)).toEqual(['submitted', 'agenda', 'decision']);
    const page = await r.page(JIEYUNLI);
    const past = page.meetings.past.find((m) => m.id === meeting.id)!;
    expect(past.agenda[0]).toMatchObject({
      decision: 'changed',
      item: { id: item.id },
      wish: { number: objection.number },
    });
    expect(
      page.wishGroups
        .find((g) => g.outcome === 'in_plan')!
        .wishes.map((w) => w.number)
        .sort(),
    ).toEqual([wish.number, objection.number].sort());
    const [event] = await r.t.db.select().from(events).where(eq(events.id, meeting.eventId));
    expect(event).toMatchObject({ status: 'completed', summary: minutes.minutes });
    expect(await r.audits('renovation.meeting.minutes', String(meeting.id))).toBe(1);

    const again = await r.staff('jieyunlu', 'POST', path, { ...minutes, version: recorded.meeting.version });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.code).toBe('invalid_transition');
    const agenda = await r.staff('jieyunlu', 'PUT', `/meetings/${meeting.id}/agenda`, {
      version: recorded.meeting.version,
      wishes: [],
    });
    expect(agenda.status).toBe(409);
    r.clock -= 3 * DAY_MS + HOUR;
  });

  it('lands all of it in one batch: when its last statement fails, no decision, minutes or audit entry remains', async () => {
    const { meeting, wish, objection } = await meetingWithAgenda();
    r.clock += 3 * DAY_MS + HOUR;
    // The timeline entries come last in the batch; make the second one fail.
    await r.t.db.run(sql`create trigger fail_second_decision before insert on renovation_wish_entries
      when new.kind = 'decision' and (select count(*) from renovation_wish_entries where kind = 'decision' and at = new.at) >= 1
      begin select raise(abort, 'injected failure'); end`);
    const body = {
      version: meeting.version,
      minutes: '一次写完',
      decisions: [
        { wish: wish.number, decision: 'deferred', deferredTo: '2027-01-10' },
        { wish: objection.number, decision: 'not_possible', note: '绿地不能占用。' },
      ],
    };
    try {
      const failed = await r.staff('jieyunlu', 'POST', `/meetings/${meeting.id}/minutes`, body);
      expect(failed.status).toBe(500);
    } finally {
      await r.t.db.run(sql`drop trigger fail_second_decision`);
    }
    const [m] = await r.t.db.select().from(renovationMeetings).where(eq(renovationMeetings.id, meeting.id));
    expect(m).toMatchObject({ minutes: null, minutesAt: null, version: meeting.version });
    expect((await outcomeOf(wish.number)).outcome).toBe('on_agenda');
    expect((await outcomeOf(objection.number)).outcome).toBe('on_agenda');
    expect(await r.audits('renovation.meeting.minutes', String(meeting.id))).toBe(0);
    const [event] = await r.t.db.select().from(events).where(eq(events.id, meeting.eventId));
    expect(event!.status).toBe('scheduled');

    const retried = await r.staff('jieyunlu', 'POST', `/meetings/${meeting.id}/minutes`, body);
    expect(retried.status).toBe(200);
    expect(await outcomeOf(wish.number)).toMatchObject({ outcome: 'under_consideration', deferredTo: '2027-01-10' });
    expect(await outcomeOf(objection.number)).toMatchObject({ outcome: 'not_possible', outcomeNote: '绿地不能占用。' });
    r.clock -= 3 * DAY_MS + HOUR;
  });

  it('turns away the second of two racing minutes, with nothing of it written', async () => {
    const { meeting, wish, objection } = await meetingWithAgenda();
    r.clock += 3 * DAY_MS + HOUR;
    const body = (decision: 'deferred' | 'not_possible') => ({
      version: meeting.version,
      minutes: `记录：${decision}`,
      decisions: [wish, objection].map((w) =>
        decision === 'deferred'
          ? { wish: w.number, decision, deferredTo: '2027-02-01' }
          : { wish: w.number, decision, note: '做不到。' },
      ),
    });
    const answers = await Promise.all([
      r.staff('jieyunlu', 'POST', `/meetings/${meeting.id}/minutes`, body('deferred')),
      r.staff('jieyunlu', 'POST', `/meetings/${meeting.id}/minutes`, body('not_possible')),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const [m] = await r.t.db.select().from(renovationMeetings).where(eq(renovationMeetings.id, meeting.id));
    const winner = m!.minutes === '记录：deferred' ? 'under_consideration' : 'not_possible';
    expect((await outcomeOf(wish.number)).outcome).toBe(winner);
    expect((await outcomeOf(objection.number)).outcome).toBe(winner);
    expect(await r.audits('renovation.meeting.minutes', String(meeting.id))).toBe(1);
    r.clock -= 3 * DAY_MS + HOUR;
  });
});
