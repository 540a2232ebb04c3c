import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../../schema/index.ts';
import { type DeskApp, deskApp } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

type Status = 'submitted' | 'accepted' | 'in_progress' | 'resolved' | 'closed' | 'rejected' | 'duplicate';

/** A property ticket walked by its property staff to the given status, flagged on the way if asked. */
async function ticketIn(status: Status, flagged = false) {
  const { number, token } = await d.fileOk();
  if (flagged) await d.actOk('yongan-wuye', number, { action: 'flag', reason: '需要督办' });
  const steps: Record<Status, Record<string, unknown>[]> = {
    submitted: [],
    accepted: [{ action: 'accept' }],
    in_progress: [{ action: 'accept' }, { action: 'start' }],
    resolved: [{ action: 'accept' }, { action: 'resolve', note: '已修好' }],
    closed: [{ action: 'accept' }, { action: 'resolve', note: '已修好' }],
    rejected: [{ action: 'reject', reason: '重复报修' }],
    duplicate: [{ action: 'duplicate', duplicateOf: (await d.fileOk()).number }],
  };
  for (const step of steps[status]) await d.actOk('yongan-wuye', number, step);
  if (status === 'closed') expect((await d.t.post(`/api/tickets/${number}/confirm`, { token })).status).toBe(200);
  return number;
}

async function offered(login: string, number: string) {
  const res = await d.read(login, number);
  expect(res.status).toBe(200);
  return res.json();
}

/** A body the server takes for each action, so a refusal can only come from the rules. */
const bodies: Record<string, () => Promise<Record<string, unknown>>> = {
  accept: async () => ({ action: 'accept' }),
  start: async () => ({ action: 'start' }),
  resolve: async () => ({ action: 'resolve', note: '换了灯泡' }),
  reject: async () => ({ action: 'reject', reason: '不属于报修' }),
  duplicate: async () => ({ action: 'duplicate', duplicateOf: (await d.fileOk()).number }),
  reroute: async () => ({ action: 'reroute', owner: 'joint', reason: '需要社区一起处理' }),
  flag: async () => ({ action: 'flag', reason: '需要街道协调' }),
  unflag: async () => ({ action: 'unflag' }),
  assign: async () => ({ action: 'assign', staffId: await staffId('yongan-wuye'), note: '交给你了' }),
  claim: async () => ({ action: 'claim' }),
  dispute: async () => ({ action: 'dispute', reason: '这是社区的事' }),
  pause: async () => ({ action: 'pause', reason: 'waiting_funds', note: '等待维修资金审批' }),
  resume: async () => ({ action: 'resume' }),
  extend: async () => ({ action: 'extend', amount: 2, reason: '配件要从厂家订' }),
  follow_up: async () => ({ action: 'follow_up', result: 'satisfied' }),
  note: async () => ({ action: 'note', visibility: 'internal', body: '已电话联系' }),
};

async function staffId(login: string) {
  const [row] = await d.t.db.select({ id: staff.id }).from(staff).where(eq(staff.login, login));
  return row!.id;
}

const expected: [Status, boolean, string[]][] = [
  [
    'submitted',
    false,
    ['accept', 'reject', 'duplicate', 'reroute', 'flag', 'assign', 'claim', 'dispute', 'pause', 'extend', 'note'],
  ],
  [
    'submitted',
    true,
    ['accept', 'reject', 'duplicate', 'reroute', 'unflag', 'assign', 'claim', 'dispute', 'pause', 'extend', 'note'],
  ],
  [
    'accepted',
    false,
    [
      'start',
      'resolve',
      'reject',
      'duplicate',
      'reroute',
      'flag',
      'assign',
      'claim',
      'dispute',
      'pause',
      'extend',
      'note',
    ],
  ],
  [
    'in_progress',
    false,
    ['resolve', 'duplicate', 'reroute', 'flag', 'assign', 'claim', 'dispute', 'pause', 'extend', 'note'],
  ],
  [
    'in_progress',
    true,
    ['resolve', 'duplicate', 'reroute', 'unflag', 'assign', 'claim', 'dispute', 'pause', 'extend', 'note'],
  ],
  ['resolved', false, ['follow_up', 'note']],
  ['resolved', true, ['unflag', 'follow_up', 'note']],
  ['closed', false, ['follow_up', 'note']],
  ['rejected', false, ['note']],
  ['duplicate', false, ['note']],
];

describe('the actions the desk view offers', () => {
  for (const [status, flagged, actions] of expected) {
    const name = `${status}${flagged ? ', flagged' : ''}`;
    it(`offers ${actions.join(', ')} on a ${name} ticket`, async () => {
      expect((await offered('yongan-wuye', await ticketIn(status, flagged))).actions).toEqual(actions);
    });

    it(`accepts every action offered on a ${name} ticket and refuses every other with 409`, async () => {
      const { actions: offer } = await offered('yongan-wuye', await ticketIn(status, flagged));
      for (const action of Object.keys(bodies)) {
        const number = await ticketIn(status, flagged);
        const res = await d.act('yongan-wuye', number, await bodies[action]!());
        expect([action, res.status]).toEqual([action, offer.some((a) => a === action) ? 200 : 409]);
      }
    });
  }

  it('offers staff who may read the ticket but not work it only a note, and the server refuses them the rest', async () => {
    const number = await ticketIn('submitted');
    expect(await offered('yongan', number)).toMatchObject({ canWork: false, actions: ['note'] });
    for (const action of Object.keys(bodies)) {
      expect([action, (await d.act('yongan', number, await bodies[action]!())).status]).toEqual([
        action,
        // The follow-up call needs only reading (the joint desk calls for both sides): refused by status.
        action === 'note' ? 200 : action === 'follow_up' ? 409 : 403,
      ]);
    }
  });

  it('offers community staff the ticket-wide work on a joint ticket of their community, not what its parts do', async () => {
    const { number } = await d.fileOk({ category: 'not-sure' });
    expect((await offered('yongan', number)).actions).toEqual([
      'reject',
      'duplicate',
      'reroute',
      'flag',
      'dispute',
      'pause',
      'extend',
      'note',
    ]);
    for (const action of ['accept', 'start', 'resolve', 'assign', 'claim']) {
      const res = await d.act('yongan', number, await bodies[action]!());
      expect([action, res.status]).toEqual([action, 409]);
    }
    const refused = await d.act('yongan', number, { action: 'accept' });
    expect(await refused.json()).toMatchObject({ error: { message: 'Work a joint ticket through its parts.' } });
  });
});
