import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, START } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

/** Files a property ticket and walks it with the property staff to the given status. */
async function ticketIn(
  status: 'submitted' | 'accepted' | 'in_progress' | 'resolved' | 'closed' | 'rejected' | 'duplicate',
) {
  const filed = await d.fileOk();
  const { number, token } = filed;
  const steps: Record<string, Record<string, unknown>[]> = {
    submitted: [],
    accepted: [{ action: 'accept' }],
    in_progress: [{ action: 'accept' }, { action: 'start' }],
    resolved: [{ action: 'accept' }, { action: 'resolve', note: '已修好' }],
    closed: [{ action: 'accept' }, { action: 'resolve', note: '已修好' }],
    rejected: [{ action: 'reject', reason: '重复报修' }],
    duplicate: [{ action: 'duplicate', duplicateOf: (await d.fileOk()).number }],
  };
  for (const step of steps[status]!) await d.actOk('yongan-wuye', number, step);
  if (status === 'closed') expect((await d.t.post(`/api/tickets/${number}/confirm`, { token })).status).toBe(200);
  expect((await d.view(number)).status).toBe(status);
  return filed;
}

describe('the lifecycle through staff actions', () => {
  it('goes accept → start → resolve → resident confirms → closed, one public entry per step', async () => {
    const { number, token } = await d.fileOk();
    d.clock += 60_000;
    const accepted = await d.actOk('yongan-wuye', number, {
      action: 'accept',
      dueDate: '2026-11-28',
      note: '明天上午派人',
    });
    expect(accepted).toMatchObject({ status: 'accepted', dueAt: Date.parse('2026-11-28T23:59:59+08:00') });
    expect((await d.actOk('yongan-wuye', number, { action: 'start' })).status).toBe('in_progress');
    expect((await d.actOk('yongan-wuye', number, { action: 'resolve', note: '换了电梯控制板' })).status).toBe(
      'resolved',
    );
    expect((await d.t.post(`/api/tickets/${number}/confirm`, { token })).status).toBe(200);
    const done = await d.view(number);
    expect(done.status).toBe('closed');
    expect(done.timeline.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actor])).toEqual([
      ['submitted', null, 'submitted', 'resident'],
      ['accepted', 'submitted', 'accepted', 'staff'],
      ['started', 'accepted', 'in_progress', 'staff'],
      ['resolved', 'in_progress', 'resolved', 'staff'],
      ['closed', 'resolved', 'closed', 'resident'],
    ]);
    expect(done.timeline.every((e) => e.visibility === 'public')).toBe(true);
    expect(done.timeline[3]!.body).toBe('换了电梯控制板');
    expect(done.version).toBe(5);
    d.clock = START;
  });

  it('records every staff action in the audit log', async () => {
    const { number } = await d.fileOk();
    const before = await d.auditCount('ticket.accept');
    await d.actOk('yongan-wuye', number, { action: 'accept' });
    expect(await d.auditCount('ticket.accept')).toBe(before + 1);
  });

  const forbidden: [from: Parameters<typeof ticketIn>[0], action: Record<string, unknown>][] = [
    ['submitted', { action: 'start' }],
    ['submitted', { action: 'resolve', note: '修好了' }],
    ['accepted', { action: 'accept' }],
    ['in_progress', { action: 'accept' }],
    ['in_progress', { action: 'start' }],
    ['in_progress', { action: 'reject', reason: '不管' }],
    ['resolved', { action: 'resolve', note: '又修了一次' }],
    ['resolved', { action: 'reject', reason: '不管' }],
    ['resolved', { action: 'duplicate', duplicateOf: 'YA-20261126-0001' }],
    ['resolved', { action: 'flag', reason: '需要督办' }],
    ...(['closed', 'rejected', 'duplicate'] as const).flatMap((from) =>
      [
        { action: 'accept' },
        { action: 'start' },
        { action: 'resolve', note: '修好了' },
        { action: 'reject', reason: '不管' },
        { action: 'duplicate', duplicateOf: 'YA-20261126-0001' },
        { action: 'reroute', owner: 'community', reason: '归社区' },
        { action: 'flag', reason: '需要督办' },
      ].map((action) => [from, action] as [typeof from, Record<string, unknown>]),
    ),
  ];
  for (const [from, action] of forbidden) {
    it(`refuses ${action.action} from ${from} with 409 invalid_transition, changing nothing`, async () => {
      const { number } = await ticketIn(from);
      const before = await d.view(number);
      const res = await d.act('yongan-wuye', number, action);
      expect(res.status).toBe(409);
      const error = (await errorOf(res)).error;
      expect(error.code).toBe('invalid_transition');
      expect(error.message).toContain(`is ${from.replace('_', ' ')}`);
      const after = await d.view(number);
      expect(after.version).toBe(before.version);
      expect(after.timeline).toEqual(before.timeline);
    });
  }

  it('accepts an overdue ticket without asking for a new due date, but never a due date in the past', async () => {
    const { number } = await d.fileOk();
    const late0 = await d.fileOk();
    d.clock = START + 5 * DAY_MS;
    const yesterday = await d.act('yongan-wuye', number, { action: 'accept', dueDate: '2026-11-30' });
    expect(yesterday.status).toBe(400);
    expect(await yesterday.json()).toMatchObject({ error: { fields: { dueDate: 'The due date is in the past.' } } });
    expect((await d.act('yongan-wuye', number, { action: 'accept', dueDate: '2026-12-01' })).status).toBe(200);
    for (const dueDate of ['2026-13-01', '2026-02-30', '2026-12-1']) {
      const nonsense = await d.act('yongan-wuye', late0.number, { action: 'accept', dueDate });
      expect(nonsense.status).toBe(400);
      expect(await nonsense.json()).toMatchObject({ error: { fields: { dueDate: expect.any(String) } } });
    }
    const late = await d.fileOk();
    d.clock += 10 * DAY_MS;
    expect((await d.actOk('yongan-wuye', late.number, { action: 'accept' })).status).toBe('accepted');
    d.clock = START;
  });
});

describe('duplicates, re-routing and notes', () => {
  it('marks a duplicate of another ticket of the same community, shown to the resident', async () => {
    const original = await d.fileOk();
    const { number, token } = await d.fileOk();
    const done = await d.actOk('yongan-wuye', number, {
      action: 'duplicate',
      duplicateOf: original.number,
      reason: '同一部电梯',
    });
    expect(done.status).toBe('duplicate');
    const tracked = await (await d.track(number, token)).json();
    expect(tracked).toMatchObject({ status: 'duplicate', duplicateOf: original.number });
  });

  it('refuses a duplicate of a ticket in another community, of itself, or of no ticket', async () => {
    const elsewhere = await d.fileOk({ community: 'renhelu', compound: undefined, category: 'repairs' });
    const { number } = await d.fileOk();
    for (const duplicateOf of [elsewhere.number, number, 'YA-20991231-0001']) {
      const res = await d.act('erqi-admin', number, { action: 'duplicate', duplicateOf });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'invalid_input', fields: { duplicateOf: expect.any(String) } },
      });
    }
    expect((await d.view(number)).status).toBe('submitted');
  });

  it('re-routes to another category and its owner, with the reason on the public timeline', async () => {
    const { number, token } = await d.fileOk({ category: 'not-sure' });
    const res = await d.act('yongan', number, {
      action: 'reroute',
      category: 'fire-safety',
      reason: '楼道堆物属于消防安全，社区负责',
    });
    expect(res.status).toBe(200);
    expect(await d.view(number)).toMatchObject({ owner: 'community', category: { code: 'fire-safety' } });
    const tracked = await (await d.track(number, token)).json();
    expect(tracked.owner).toBe('community');
    expect(tracked.timeline.at(-1)).toMatchObject({ kind: 'rerouted', body: '楼道堆物属于消防安全，社区负责' });
    const owned = await d.act('yongan', number, { action: 'reroute', owner: 'joint', reason: '需要物业一起处理' });
    expect(owned.status).toBe(200);
    expect(await d.view(number)).toMatchObject({ owner: 'joint', category: { code: 'fire-safety' } });
  });

  it('refuses a re-route without a reason, a target, or with an unknown category', async () => {
    const { number } = await d.fileOk({ category: 'not-sure' });
    const cases: [Record<string, unknown>, string][] = [
      [{ owner: 'community' }, 'reason'],
      [{ reason: '说不清' }, 'owner'],
      [{ category: 'alien-landing', reason: '说不清' }, 'category'],
      [{ owner: 'mayor', reason: '说不清' }, 'owner'],
    ];
    for (const [body, field] of cases) {
      const res = await d.act('yongan', number, { action: 'reroute', ...body });
      expect(res.status).toBe(400);
      expect(Object.keys((await errorOf(res)).error.fields ?? {})).toEqual([field]);
    }
    expect(await d.view(number)).toMatchObject({ owner: 'joint', version: 1 });
  });

  it('keeps internal notes and flags from the resident', async () => {
    const { number, token } = await d.fileOk();
    await d.actOk('yongan-wuye', number, { action: 'note', visibility: 'internal', body: '该住户欠物业费' });
    await d.actOk('yongan-wuye', number, { action: 'flag', reason: '配件缺货，需要街道协调' });
    const staffSide = await d.view(number);
    expect(staffSide.timeline.map((e) => [e.kind, e.visibility])).toEqual([
      ['submitted', 'public'],
      ['note', 'internal'],
      ['flagged', 'internal'],
    ]);
    expect(staffSide.flagged).toBe(true);
    const text = await (await d.track(number, token)).text();
    expect(text).not.toContain('欠物业费');
    expect(text).not.toContain('需要街道协调');
    expect(text).not.toContain('flagged');
  });
});

describe('optimistic locking', () => {
  it('writes exactly one timeline entry per change', async () => {
    const { number } = await d.fileOk();
    const actions = [
      { action: 'flag', reason: '督办' },
      { action: 'unflag' },
      { action: 'accept' },
      { action: 'start' },
      { action: 'claim' },
      { action: 'reroute', owner: 'joint', reason: '一起处理' },
    ];
    for (const action of actions) {
      const before = (await d.entries(number)).length;
      await d.actOk('yongan-wuye', number, action);
      expect((await d.entries(number)).length).toBe(before + 1);
    }
  });

  it('refuses a change made on a stale version with 409 version_conflict', async () => {
    const { number } = await d.fileOk();
    const seen = (await d.view(number)).version;
    await d.actOk('yongan-wuye', number, { action: 'note', visibility: 'public', body: '收到' });
    await d.actOk('yongan-wuye', number, { action: 'accept', version: seen });
    const stale = await d.act('yongan-wuye', number, { action: 'start', version: seen });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    expect((await d.view(number)).status).toBe('accepted');
  });

  it('lets exactly one of many simultaneous changes through, with one entry and one audit entry', async () => {
    const { number } = await d.fileOk();
    const { version } = await d.view(number);
    const entriesBefore = (await d.entries(number)).length;
    const auditBefore = await d.auditCount('ticket.reroute');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        d.act('erqi-admin', number, {
          action: 'reroute',
          owner: i % 2 ? 'joint' : 'community',
          reason: `第${i}次`,
          version,
        }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of answers.filter((a) => a.status !== 200))
      expect(await r.json()).toMatchObject({ error: { code: 'version_conflict' } });
    expect((await d.entries(number)).length).toBe(entriesBefore + 1);
    expect(await d.auditCount('ticket.reroute')).toBe(auditBefore + 1);
    expect((await d.view(number)).version).toBe(version + 1);
  });

  it('lets one of simultaneous accepts through', async () => {
    const { number } = await d.fileOk({ category: 'fire-safety' });
    const { version } = await d.view(number);
    await d.headers('jianzhongjie');
    await d.headers('yongan');
    const answers = await Promise.all(
      ['jianzhongjie', 'yongan', 'yongan', 'erqi-admin'].map((login) =>
        d.act(login, number, { action: 'accept', version }),
      ),
    );
    expect(answers.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    expect((await d.entries(number)).filter((e) => e.kind === 'accepted')).toHaveLength(1);
  });
});
