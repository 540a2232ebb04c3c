import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ticketParts, tickets } from '../../schema/index.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, HOUR_MS, START, workingDaysAfterStart } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());
beforeEach(() => {
  d.clock = START;
});

/** An instant in Zhengzhou time, e.g. at('2026-12-30T10:00'). */
const at = (local: string) => Date.parse(`${local}:00+08:00`);
const endOf = (day: string) => Date.parse(`${day}T23:59:59+08:00`);

const pauseBody = { action: 'pause', reason: 'waiting_resident', note: '请居民补充漏水位置的照片' };

async function tracking(number: string, token: string) {
  const res = await d.track(number, token);
  expect(res.status).toBe(200);
  return res.json();
}

async function resolved(login = 'yongan-wuye', body: Record<string, unknown> = {}) {
  const filed = await d.fileOk(body);
  await d.actOk(login, filed.number, { action: 'accept' });
  await d.actOk(login, filed.number, { action: 'resolve', note: '已修好' });
  return filed;
}

const followUps = async (login: string, community?: string) => {
  const res = await d.t.api.desk['follow-ups'].$get({ query: community ? { community } : {} }, await d.as(login));
  expect(res.status).toBe(200);
  return (await res.json()).followUps;
};

const decide = async (login: string, number: string, id: number, body: Record<string, unknown>) =>
  d.t.api.desk.tickets[':number'].extensions[':id'].decision.$post(
    { param: { number, id: String(id) }, json: body as { approve: boolean } },
    await d.as(login),
  );

describe('pausing the clock', () => {
  it('gives back exactly the working days paused over a weekend and New Year (a holiday)', async () => {
    // Tuesday 29 December: three working days are 30 and 31 December and Monday 4 January.
    d.clock = at('2026-12-29T10:00');
    const { number, token } = await d.fileOk();
    expect((await d.view(number)).dueAt).toBe(endOf('2027-01-04'));
    d.clock = at('2026-12-30T10:00');
    await d.actOk('yongan-wuye', number, pauseBody);
    // Paused on 30 and 31 December and on 4 January: three working days back, so due Thursday 7 January.
    d.clock = at('2027-01-05T09:00');
    const back = await d.actOk('yongan-wuye', number, { action: 'resume', note: '照片已收到' });
    expect(back).toMatchObject({ dueAt: endOf('2027-01-07'), pause: null });
    expect(back.timeline.at(-1)).toMatchObject({
      kind: 'resumed',
      visibility: 'public',
      body: '照片已收到',
      detail: { dueAt: endOf('2027-01-07'), pausedDays: 3 },
    });
    expect(await tracking(number, token)).toMatchObject({ paused: null, workingDaysLeft: 3 });
  });

  it('gives back nothing for a pause within one day', async () => {
    const { number } = await d.fileOk();
    await d.actOk('yongan-wuye', number, pauseBody);
    d.clock = START + 5 * HOUR_MS;
    const back = await d.actOk('yongan-wuye', number, { action: 'resume' });
    expect(back.dueAt).toBe(workingDaysAfterStart(3));
    expect(back.timeline.at(-1)?.detail).toMatchObject({ pausedDays: 0 });
  });

  it('moves an hours-clock ticket by the time paused', async () => {
    const { number, token } = await d.fileOk({ category: 'stairwell-light' });
    d.clock = START + 2 * HOUR_MS;
    await d.actOk('yongan-wuye', number, { ...pauseBody, reason: 'waiting_funds', note: '灯具需要业委会批钱' });
    d.clock = START + 30 * HOUR_MS;
    expect(await tracking(number, token)).toMatchObject({ clock: 'hours', hoursLeft: 22, workingDaysLeft: null });
    expect((await d.actOk('yongan-wuye', number, { action: 'resume' })).dueAt).toBe(START + 52 * HOUR_MS);
  });

  it('shows the resident the public reason and since when, and the days left when it stopped', async () => {
    const { number, token } = await d.fileOk();
    d.clock = START + HOUR_MS;
    const paused = await d.actOk('yongan-wuye', number, pauseBody);
    expect(paused.pause).toEqual({ reason: 'waiting_resident', note: pauseBody.note, since: START + HOUR_MS });
    d.clock = START + 10 * 24 * HOUR_MS;
    const tracked = await tracking(number, token);
    expect(tracked).toMatchObject({
      clock: 'working_days',
      paused: { reason: 'waiting_resident', note: pauseBody.note, since: START + HOUR_MS },
      workingDaysLeft: 4,
      hoursLeft: null,
      overdue: false,
    });
    expect(tracked.timeline.at(-1)).toMatchObject({ kind: 'paused', body: pauseBody.note });
  });

  it('keeps a paused ticket off the overdue and supervision lists, and puts it back on resume', async () => {
    const { number } = await d.fileOk();
    await d.actOk('yongan-wuye', number, pauseBody);
    d.clock = workingDaysAfterStart(6);
    const listed = async () => {
      const res = await d.t.api.desk.supervision.$get({ query: {} }, await d.as('jianzhongjie'));
      return (await res.json()).items.some((i) => i.number === number);
    };
    expect((await d.view(number)).overdue).toBe(false);
    expect(await listed()).toBe(false);
    const overdueQueue = await (await d.queue('yongan-wuye', { overdue: 'true' })).json();
    expect(overdueQueue.tickets.some((t) => t.number === number)).toBe(false);
    // Resumed, it has the working days it had left when it stopped; after those it is overdue.
    await d.actOk('yongan-wuye', number, { action: 'resume' });
    d.clock = workingDaysAfterStart(10);
    expect((await d.view(number)).overdue).toBe(true);
    expect(await listed()).toBe(true);
  });

  it('refuses a second pause, a resume of a running clock, and names bad fields', async () => {
    const { number } = await d.fileOk();
    expect((await d.act('yongan-wuye', number, { action: 'resume' })).status).toBe(409);
    await d.actOk('yongan-wuye', number, pauseBody);
    const again = await d.act('yongan-wuye', number, pauseBody);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.code).toBe('invalid_transition');
    const bad = await d.act('yongan-wuye', number, { action: 'pause', reason: 'lunch', note: 'x' });
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).error.fields ?? {}).sort()).toEqual(['note', 'reason']);
  });
});

/** A joint ticket's two parts (community, property) put in these states straight in the table. */
async function withParts(number: string, statuses: ('working' | 'done')[]) {
  const [t] = await d.t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number));
  const ids = (
    await d.t.db
      .select({ id: ticketParts.id })
      .from(ticketParts)
      .where(eq(ticketParts.ticketId, t!.id))
      .orderBy(asc(ticketParts.id))
  ).map((p) => p.id);
  expect(ids).toHaveLength(2);
  for (const [i, status] of statuses.entries())
    await d.t.db.update(ticketParts).set({ status }).where(eq(ticketParts.id, ids[i]!));
  return async () =>
    d.t.db
      .select({ status: ticketParts.status, dueAt: ticketParts.dueAt })
      .from(ticketParts)
      .where(eq(ticketParts.ticketId, t!.id))
      .orderBy(asc(ticketParts.id));
}

describe("the parts' clocks", () => {
  it('move with the ticket on resume, except parts already done', async () => {
    const { number } = await d.fileOk({ category: 'not-sure' });
    const parts = await withParts(number, ['working', 'done']);
    await d.actOk('yongan', number, pauseBody);
    d.clock = workingDaysAfterStart(2) - HOUR_MS; // paused Thursday to Monday: Thu, Fri back
    await d.actOk('yongan', number, { action: 'resume' });
    expect(await parts()).toEqual([
      { status: 'working', dueAt: workingDaysAfterStart(5) },
      { status: 'done', dueAt: workingDaysAfterStart(3) },
    ]);
  });

  it('go back to working when the follow-up call reopens the ticket', async () => {
    const { number } = await d.fileOk({ category: 'not-sure' });
    const parts = await withParts(number, ['working', 'working']);
    // Each side finishes its own part; the second resolves the ticket.
    for (const { id, side } of (await d.view(number)).parts)
      await d.partOk(side === 'community' ? 'yongan' : 'yongan-wuye', number, id, { action: 'done', note: '已处理' });
    expect((await d.view(number)).status).toBe('resolved');
    await d.actOk('yongan', number, { action: 'follow_up', result: 'not_satisfied' });
    expect((await parts()).map((p) => p.status)).toEqual(['working', 'working']);
  });
});

describe('asking for more time', () => {
  it('is asked before the due date, once at a time, and the sub-district sees and approves it', async () => {
    const { number, token } = await d.fileOk();
    const asked = await d.actOk('yongan-wuye', number, { action: 'extend', amount: 2, reason: '防水材料要等厂家' });
    expect(asked.extensions).toMatchObject([{ amount: 2, status: 'pending', reason: '防水材料要等厂家' }]);
    expect(asked.timeline.at(-1)).toMatchObject({ kind: 'extension_requested', visibility: 'internal' });
    const twice = await d.act('yongan-wuye', number, { action: 'extend', amount: 1, reason: '再等一天' });
    expect(twice.status).toBe(409);
    expect((await errorOf(twice)).error.code).toBe('extension_pending');

    const sup = await (await d.t.api.desk.supervision.$get({ query: {} }, await d.as('jianzhongjie'))).json();
    const listed = sup.extensions.find((e) => e.number === number);
    expect(listed).toMatchObject({ amount: 2, reason: '防水材料要等厂家', dueAt: workingDaysAfterStart(3) });
    expect(listed!.community.slug).toBe('yongan');

    const id = asked.extensions[0]!.id;
    expect((await decide('yongan', number, id, { approve: true })).status).toBe(403);
    expect((await decide('yongan-wuye', number, id, { approve: true })).status).toBe(403);
    const ok = await decide('jianzhongjie', number, id, { approve: true, note: '同意' });
    expect(ok.status).toBe(200);
    const { ticket } = await ok.json();
    expect(ticket).toMatchObject({ dueAt: workingDaysAfterStart(5), extensions: [{ status: 'approved' }] });
    expect(ticket.timeline.at(-1)).toMatchObject({ kind: 'extended', visibility: 'public' });
    expect((await tracking(number, token)).dueAt).toBe(workingDaysAfterStart(5));
    const again = await decide('jianzhongjie', number, id, { approve: false, note: '不同意' });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.code).toBe('extension_decided');
    const after = await (await d.t.api.desk.supervision.$get({ query: {} }, await d.as('jianzhongjie'))).json();
    expect(after.extensions.some((e) => e.number === number)).toBe(false);
  });

  it('is refused after the due date with deadline_passed', async () => {
    const { number } = await d.fileOk();
    d.clock = workingDaysAfterStart(3) + 1000;
    const late = await d.act('yongan-wuye', number, { action: 'extend', amount: 2, reason: '来不及了' });
    expect(late.status).toBe(409);
    expect((await errorOf(late)).error.code).toBe('deadline_passed');
  });

  it('refused by the sub-district leaves the due date, with the reason required', async () => {
    const { number } = await d.fileOk();
    const asked = await d.actOk('yongan-wuye', number, { action: 'extend', amount: 3, reason: '人手不够' });
    const id = asked.extensions[0]!.id;
    const bare = await decide('jianzhongjie', number, id, { approve: false });
    expect(bare.status).toBe(400);
    expect((await errorOf(bare)).error.fields).toHaveProperty('note');
    const res = await decide('erqi-admin', number, id, { approve: false, note: '三天够用' });
    expect(res.status).toBe(200);
    const { ticket } = await res.json();
    expect(ticket).toMatchObject({ dueAt: workingDaysAfterStart(3), extensions: [{ status: 'refused' }] });
    expect(ticket.timeline.at(-1)).toMatchObject({ kind: 'extension_refused', visibility: 'internal' });
    const bad = await d.act('yongan-wuye', number, { action: 'extend', amount: 31, reason: 'x' });
    expect(Object.keys((await errorOf(bad)).error.fields ?? {}).sort()).toEqual(['amount', 'reason']);
  });
});

describe('the follow-up call (回访)', () => {
  it('lists residents to call from the next working day, per role, until rated or called', async () => {
    // Resolved on Friday 27 November: the call is due Monday 30 November.
    d.clock = at('2026-11-27T15:00');
    const a = await resolved();
    const b = await resolved();
    const mine = (list: { number: string }[]) =>
      list.map((f) => f.number).filter((n) => [a, b].some((x) => x.number === n));
    expect(mine(await followUps('yongan-wuye'))).toEqual([]);
    d.clock = at('2026-11-28T10:00');
    expect(mine(await followUps('yongan'))).toEqual([]);
    d.clock = at('2026-11-30T09:00');
    for (const login of ['yongan-wuye', 'yongan', 'jianzhongjie', 'erqi-admin'])
      expect([login, mine(await followUps(login))]).toEqual([login, [a.number, b.number]]);
    expect(mine(await followUps('yongan', 'yongan'))).toEqual([a.number, b.number]);
    for (const login of ['gongrenlu', 'songshanlu']) expect([login, mine(await followUps(login))]).toEqual([login, []]);
    const row = (await followUps('yongan')).find((f) => f.number === a.number);
    expect(row).toMatchObject({
      name: '张阿姨',
      phone: '13800000001',
      followUpDueAt: endOf('2026-11-30'),
      category: { code: 'repairs' },
    });
    expect((await d.t.api.desk['follow-ups'].$get({ query: {} }, await d.as('weihongmin'))).status).toBe(403);
    expect(
      (await d.t.api.desk['follow-ups'].$get({ query: { community: 'gongrenlu' } }, await d.as('yongan'))).status,
    ).toBe(404);
    // Rated online: no call. Called: off the list.
    const rated = await d.t.post(`/api/tickets/${a.number}/rating`, { token: a.token, score: 5 });
    expect(rated.status).toBe(201);
    await d.actOk('yongan', b.number, { action: 'follow_up', result: 'satisfied', comment: '挺好' });
    expect(mine(await followUps('yongan'))).toEqual([]);
    expect((await d.act('yongan', a.number, { action: 'follow_up', result: 'satisfied' })).status).toBe(409);
  });

  it('satisfied records the answer and changes nothing else', async () => {
    const { number } = await resolved();
    const before = await d.view(number);
    const after = await d.actOk('yongan-wuye', number, { action: 'follow_up', result: 'satisfied' });
    expect(after).toMatchObject({
      status: 'resolved',
      reopenCount: 0,
      resolvedAt: before.resolvedAt,
      dueAt: before.dueAt,
      followUp: { at: START, result: 'satisfied', comment: null },
    });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'followed_up', detail: { result: 'satisfied' } });
    expect((await d.act('yongan-wuye', number, { action: 'follow_up', result: 'partly' })).status).toBe(409);
  });

  it('not satisfied reopens the ticket (re-done), counted, and calls again after the next resolution', async () => {
    const { number, token } = await resolved();
    const after = await d.actOk('yongan', number, {
      action: 'follow_up',
      result: 'not_satisfied',
      comment: '还是漏水',
    });
    expect(after).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      resolvedAt: null,
      closedAt: null,
      followUp: { dueAt: null, result: 'not_satisfied', comment: '还是漏水' },
    });
    expect(after.timeline.at(-1)).toMatchObject({
      kind: 'reopened',
      visibility: 'public',
      body: '还是漏水',
      detail: { from: 'follow_up', result: 'not_satisfied' },
      fromStatus: 'resolved',
      toStatus: 'in_progress',
    });
    expect((await tracking(number, token)).timeline.at(-1)).toMatchObject({ kind: 'reopened', body: '还是漏水' });
    const sup = await (await d.t.api.desk.supervision.$get({ query: {} }, await d.as('jianzhongjie'))).json();
    expect(sup.items.find((i) => i.number === number)?.reasons).toContain('reopened');
    const again = await d.actOk('yongan-wuye', number, { action: 'resolve', note: '重新做了防水' });
    expect(again.followUp).toMatchObject({ dueAt: workingDaysAfterStart(1), at: null, result: null });
    expect((await (await d.read('yongan', number)).json()).actions).toContain('follow_up');
  });

  it('lets exactly one of two recordings at once win', async () => {
    const { number } = await resolved();
    const version = (await d.view(number)).version;
    const [x, y] = await Promise.all([
      d.act('yongan', number, { action: 'follow_up', version, result: 'not_satisfied' }),
      d.act('yongan-wuye', number, { action: 'follow_up', version, result: 'satisfied' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const view = await d.view(number);
    expect(view.reopenCount).toBe(x.status === 200 ? 1 : 0);
    expect(view.timeline.filter((e) => e.kind === 'followed_up' || e.kind === 'reopened')).toHaveLength(1);
  });

  it('names the bad field', async () => {
    const { number } = await resolved();
    const bad = await d.act('yongan', number, { action: 'follow_up', result: 'meh' });
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).error.fields ?? {})).toEqual(['result']);
  });
});
