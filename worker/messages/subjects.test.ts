import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { messageOptins, messageOutbox, renovationWishes } from '../../schema/index.ts';
import { eventsApp } from '../events/test-helpers.ts';
import { visitApp } from '../home-visits/test-helpers.ts';
import type { Db } from '../lib/platform.ts';
import { renovationApp } from '../renovation/test-helpers.ts';

/** The outbox rows of one subject's opt-ins. */
const outboxOf = (db: Db, kind: 'visit' | 'signup' | 'wish', subjectId: number) =>
  db
    .select({ m: messageOutbox })
    .from(messageOutbox)
    .innerJoin(messageOptins, eq(messageOptins.id, messageOutbox.optinId))
    .where(and(eq(messageOptins.subjectKind, kind), eq(messageOptins.subjectId, subjectId)))
    .then((rows) => rows.map((r) => r.m));

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

describe('home visits', () => {
  it('the agreed time and other public steps reach a requester who opted in; one who did not gets none', async () => {
    const v = await visitApp();
    cleanups.push(v.t.cleanup);
    const opted = await v.walk('scheduled', { notifySms: true });
    const quiet = await v.walk('scheduled');
    const idOf = async (n: string) => (await v.stored(n)).id;
    const rows = await outboxOf(v.t.db, 'visit', await idOf(opted.number));
    // Reviewed, sent, the partner's proposed time; the requester's own confirmation sends nothing.
    expect(rows.map((m) => m.kind)).toEqual(['visit_status', 'visit_status', 'visit_time']);
    expect(rows.at(-1)!.params).toMatchObject({ number: opted.number, status: 'accepted', time: '11月28日 09:30' });
    expect(await outboxOf(v.t.db, 'visit', await idOf(quiet.number))).toEqual([]);
  });
});

describe('events', () => {
  it('a promotion from the waitlist tells that resident; a cancellation on the day tells everyone, urgently', async () => {
    const e = await eventsApp();
    cleanups.push(e.t.cleanup);
    const [event] = await e.create('erqi-admin', { capacity: 1 });
    const first = await e.signUpOk(event!.id, { notifySms: true });
    const waiting = await e.signUpOk(event!.id, { notifySms: true });
    expect(waiting.status).toBe('waitlisted');
    expect((await e.cancelMine(first)).status).toBe(200);
    expect((await outboxOf(e.t.db, 'signup', waiting.id)).map((m) => m.kind)).toEqual(['signup_promoted']);
    expect(await outboxOf(e.t.db, 'signup', first.id)).toEqual([]);
    const version = (await e.view(event!.id)).version;
    const res = await e.cancel('erqi-admin', event!.id, { version, reason: '下雨，改期。' });
    expect(res.status).toBe(200);
    const rows = await outboxOf(e.t.db, 'signup', waiting.id);
    expect(rows.map((m) => m.kind)).toEqual(['signup_promoted', 'event_cancelled']);
    // The demo's event is days away: not on the day, so it waits for the morning if need be.
    expect(rows[1]!.urgent).toBe(false);
    expect(rows[1]!.params).toMatchObject({ title: expect.any(String), startsAt: expect.any(Number) });
  });
});

describe('renovation wishes', () => {
  it('an answer reaches the resident who opted in, once', async () => {
    const r = await renovationApp();
    cleanups.push(r.t.cleanup);
    const { number } = await r.wishOk({ notifySms: true });
    const [wish] = await r.t.db.select().from(renovationWishes).where(eq(renovationWishes.number, number));
    await r.staffOk('jieyunlu', 'POST', `/wishes/${number}/answer`, {
      version: wish!.version,
      outcome: 'not_possible',
      note: '消防通道不能占用。',
    });
    const rows = await outboxOf(r.t.db, 'wish', wish!.id);
    expect(rows.map((m) => [m.kind, m.params.outcome])).toEqual([['wish_answered', 'not_possible']]);
  });
});
