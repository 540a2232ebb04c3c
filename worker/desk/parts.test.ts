import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staff, ticketDisputes, tickets } from '../../schema/index.ts';
import { DAY_MS } from '../lib/time.ts';
import { type DeskApp, deskApp, START, workingDaysAfterStart } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
beforeEach(() => {
  d.clock = START;
});
afterAll(() => d.t.cleanup());

/** A joint ticket filed by a resident, with its desk view. */
async function jointTicket() {
  const filed = await d.fileOk({ category: 'nuisance-garbage' });
  return { ...filed, view: await d.view(filed.number) };
}

const partOf = async (number: string, side: 'community' | 'property', login = 'erqi-admin') =>
  (await d.view(number, login)).parts.find((p) => p.side === side)!;

/** A part action as `login`; without `version` it names the part's current one. */
const partAct = (...a: Parameters<DeskApp['partAct']>) => d.partAct(...a);
const partOk = (...a: Parameters<DeskApp['partOk']>) => d.partOk(...a);
const decide = async (login: string, number: string, id: number, body: Record<string, unknown>) =>
  d.t.api.desk.tickets[':number'].disputes[':id'].decision.$post(
    { param: { number, id: String(id) }, json: body as never },
    await d.as(login),
  );
const staffId = async (login: string) =>
  (await d.t.db.select({ id: staff.id }).from(staff).where(eq(staff.login, login)))[0]!.id;

describe('a joint ticket and its parts', () => {
  it('is filed with a part per side, open, due with the ticket, and tells the resident only sides and states', async () => {
    const { number, token, view } = await jointTicket();
    expect(view.parts.map((p) => [p.side, p.status, p.dueAt, p.task, p.assignee])).toEqual([
      ['community', 'open', view.dueAt, '', null],
      ['property', 'open', view.dueAt, '', null],
    ]);
    const tracked = await (await d.track(number, token)).json();
    expect(tracked.parts).toEqual([
      { side: 'community', status: 'open', dueAt: view.dueAt, doneAt: null },
      { side: 'property', status: 'open', dueAt: view.dueAt, doneAt: null },
    ]);
    expect((await d.fileOk()).number).toBeTruthy();
    expect((await d.view((await d.fileOk()).number)).parts).toEqual([]);
  });

  it('is resolved only when the second part is done, days after the first, on one public thread', async () => {
    const { number, token, view } = await jointTicket();
    const [community, property] = view.parts;
    d.clock = START + 60_000;
    expect((await partOk('yongan-wuye', number, property!.id, { action: 'accept' })).status).toBe('accepted');
    d.clock = START + DAY_MS;
    const afterFirst = await partOk('yongan-wuye', number, property!.id, { action: 'done', note: '垃圾已清运' });
    expect(afterFirst.status).toBe('accepted');
    expect(afterFirst.parts.map((p) => p.status)).toEqual(['open', 'done']);
    expect(afterFirst.resolvedAt).toBeNull();
    d.clock = START + 3 * DAY_MS;
    await partOk('yongan', number, community!.id, { action: 'accept' });
    const resolved = await partOk('yongan', number, community!.id, { action: 'done', note: '已和装修户约定施工时间' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: START + 3 * DAY_MS });
    expect(resolved.parts.map((p) => [p.status, p.doneAt])).toEqual([
      ['done', START + 3 * DAY_MS],
      ['done', START + DAY_MS],
    ]);
    const tracked = await (await d.track(number, token)).json();
    expect(tracked.status).toBe('resolved');
    expect(tracked.timeline.map((e) => e.kind)).toEqual([
      'submitted',
      'part_accepted',
      'part_done',
      'part_accepted',
      'part_done',
      'resolved',
    ]);
    expect(Object.keys(tracked.parts[0]!)).toEqual(['side', 'status', 'dueAt', 'doneAt']);
    // The ticket itself is worked through its parts; nothing more is done to a resolved ticket's parts.
    expect((await partAct('yongan', number, community!.id, { action: 'refuse', reason: '再看看' })).status).toBe(409);
    d.clock = START;
  });

  it('sends a part refused twice to the sub-district, which decides within two working days, once and for all', async () => {
    const { number, token, view } = await jointTicket();
    const part = view.parts.find((p) => p.side === 'property')!;
    const first = await partOk('yongan-wuye', number, part.id, { action: 'refuse', reason: '噪音扰民不归物业管' });
    expect(first.parts.find((p) => p.id === part.id)).toMatchObject({ side: 'community', status: 'open', refusals: 1 });
    expect(first.handoffs).toBe(1);
    // The side holding it now is the community; the property company may no longer act on it.
    expect((await partAct('yongan-wuye', number, part.id, { action: 'accept' })).status).toBe(403);
    const second = await partOk('yongan', number, part.id, { action: 'refuse', reason: '垃圾清运是物业的事' });
    expect(second.handoffs).toBe(2);
    expect(second.parts.find((p) => p.id === part.id)).toMatchObject({ status: 'disputed', refusals: 2 });
    const [dispute] = second.disputes;
    expect(dispute).toMatchObject({ partId: part.id, reason: '垃圾清运是物业的事', decidedAt: null });
    expect(dispute!.decideBy).toBe(workingDaysAfterStart(2));
    expect(second.parts.find((p) => p.id === part.id)!.actions).toEqual([]);

    const supervision = await (await d.t.api.desk.supervision.$get({ query: {} }, await d.as('jianzhongjie'))).json();
    expect(supervision.disputes).toContainEqual(
      expect.objectContaining({ id: dispute!.id, number, side: 'property', overdue: false }),
    );
    // Only the sub-district (or an admin) decides; the sides may not.
    expect((await decide('yongan', number, dispute!.id, { side: 'property', note: '物业清运' })).status).toBe(403);
    expect((await decide('jianzhongjie', number, dispute!.id, { note: '物业清运' })).status).toBe(400);
    const decided = await decide('jianzhongjie', number, dispute!.id, { side: 'property', note: '垃圾清运由物业负责' });
    expect(decided.status).toBe(200);
    const after = (await decided.json()).ticket;
    expect(after.parts.find((p) => p.id === part.id)).toMatchObject({
      side: 'property',
      status: 'open',
      decided: true,
    });
    expect(after.disputes[0]).toMatchObject({ decision: 'property', decisionNote: '垃圾清运由物业负责' });
    const again = await decide('jianzhongjie', number, dispute!.id, { side: 'community', note: '改主意了' });
    expect(again.status).toBe(409);
    const refused = await partAct('yongan-wuye', number, part.id, { action: 'refuse', reason: '还是不归我们' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_transition' } });
    const tracked = await (await d.track(number, token)).json();
    expect(tracked.timeline.find((e) => e.kind === 'decided')).toMatchObject({ body: '垃圾清运由物业负责' });
    const supervisionAfter = await (
      await d.t.api.desk.supervision.$get({ query: {} }, await d.as('jianzhongjie'))
    ).json();
    expect(supervisionAfter.disputes.map((x) => x.id)).not.toContain(dispute!.id);
  });

  it('takes an owner dispute over a whole ticket to the sub-district; a ticket decided joint gets its parts', async () => {
    const { number } = await d.fileOk();
    const disputed = await d.actOk('yongan-wuye', number, { action: 'dispute', reason: '这是扰民，不只是报修' });
    expect(disputed.disputes).toMatchObject([{ partId: null, decidedAt: null }]);
    expect((await d.act('yongan-wuye', number, { action: 'dispute', reason: '再提一次' })).status).toBe(409);
    const [row] = await d.t.db.select().from(ticketDisputes).where(eq(ticketDisputes.id, disputed.disputes[0]!.id));
    expect(row!.decideBy).toBe(workingDaysAfterStart(2));
    expect((await decide('jianzhongjie', number, row!.id, { side: 'property', note: '联合' })).status).toBe(400);
    const decided = await decide('jianzhongjie', number, row!.id, { owner: 'joint', note: '社区和物业共同办理' });
    expect(decided.status).toBe(200);
    const after = (await decided.json()).ticket;
    expect(after.owner).toBe('joint');
    expect(after.parts.map((p) => p.side)).toEqual(['community', 'property']);
  });

  it('counts a re-route as a hand-off', async () => {
    const { number } = await d.fileOk();
    const rerouted = await d.actOk('yongan-wuye', number, { action: 'reroute', owner: 'joint', reason: '需要社区' });
    expect(rerouted.handoffs).toBe(1);
    expect(rerouted.parts).toHaveLength(2);
  });
});

describe('the demo', () => {
  it('has a joint ticket whose property part is done and whose community part is worked by yongan', async () => {
    const [demo] = await d.t.db
      .select({ number: tickets.number })
      .from(tickets)
      .where(like(tickets.description, '3号楼下堆满%'));
    const view = await d.view(demo!.number, 'yongan');
    expect(view.parts.map((p) => [p.side, p.status, p.assignee?.id ?? null, !!p.doneNote])).toEqual([
      ['community', 'working', await staffId('yongan'), false],
      ['property', 'done', null, true],
    ]);
    expect(view.parts[0]!.actions).toContain('done');
  });
});

describe('a part of its own', () => {
  it("takes its side's own task in a few words, kept from the resident, and not once it is done", async () => {
    const { number, token, view } = await jointTicket();
    const property = view.parts.find((p) => p.side === 'property')!;
    expect((await partAct('yongan', number, property.id, { action: 'task', task: '清运垃圾' })).status).toBe(403);
    const empty = await partAct('yongan-wuye', number, property.id, { action: 'task', task: ' ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { fields: { task: expect.any(String) } } });
    const planned = await partOk('yongan-wuye', number, property.id, { action: 'task', task: '清运消防通道上的垃圾' });
    expect(planned.parts.find((p) => p.id === property.id)).toMatchObject({ task: '清运消防通道上的垃圾' });
    expect(planned.timeline.at(-1)).toMatchObject({ kind: 'part_task', visibility: 'internal' });
    expect(JSON.stringify(await (await d.track(number, token)).json())).not.toContain('清运消防通道上的垃圾');
    await partOk('yongan-wuye', number, property.id, { action: 'done', note: '已清运' });
    expect((await partAct('yongan-wuye', number, property.id, { action: 'task', task: '再清一次' })).status).toBe(409);
  });
});

describe('assignment', () => {
  it('hands a part to staff of its side with a note, and refuses staff of the other side naming the field', async () => {
    const { number, view } = await jointTicket();
    const community = view.parts.find((p) => p.side === 'community')!;
    expect(view.assignable.community.map((s) => s.id)).toContain(await staffId('yongan'));
    expect(view.assignable.property.map((s) => s.id)).toContain(await staffId('yongan-wuye'));
    const wrong = await partAct('yongan', number, community.id, {
      action: 'assign',
      staffId: await staffId('yongan-wuye'),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { staffId: expect.any(String) } },
    });
    const assigned = await partOk('jianzhongjie', number, community.id, {
      action: 'assign',
      staffId: await staffId('yongan'),
      note: '请跟进装修户',
    });
    expect(assigned.parts.find((p) => p.id === community.id)!.assignee).toMatchObject({ id: await staffId('yongan') });
    expect(assigned.timeline.at(-1)).toMatchObject({ kind: 'assigned', visibility: 'internal', body: '请跟进装修户' });
    // Overseers assign; only the side's own staff claim.
    const property = view.parts.find((p) => p.side === 'property')!;
    expect((await partAct('jianzhongjie', number, property.id, { action: 'claim' })).status).toBe(403);
  });

  it('assigns a ticket to staff of its owner, and lets the owner claim it from the queue', async () => {
    const { number } = await d.fileOk();
    const wrong = await d.act('yongan-wuye', number, { action: 'assign', staffId: await staffId('yongan') });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { fields: { staffId: expect.any(String) } } });
    const claimed = await d.actOk('yongan-wuye', number, { action: 'claim' });
    expect(claimed.assignee).toMatchObject({ id: await staffId('yongan-wuye') });
    expect((await d.act('yongan-wuye', number, { action: 'claim' })).status).toBe(409);
  });

  it('lets exactly one of two staff claiming the same part at once have it', async () => {
    const { number, view } = await jointTicket();
    const part = view.parts.find((p) => p.side === 'community')!;
    await d.headers('yongan');
    const answers = await Promise.all([
      partAct('yongan', number, part.id, { action: 'claim', version: part.version }),
      partAct('yongan', number, part.id, { action: 'claim', version: part.version }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await d.auditCount('part.claim')).toBeGreaterThanOrEqual(1);
    const entries = (await d.entries(number)).filter((e) => e.kind === 'claimed');
    expect(entries).toHaveLength(1);
    expect((await partOf(number, 'community')).version).toBe(part.version + 1);
  });
});

describe('who sees and works which part', () => {
  it('hides a joint ticket from property staff of another company (404) and lets each side act only on its own part (403)', async () => {
    const { number, view } = await jointTicket();
    const community = view.parts.find((p) => p.side === 'community')!;
    const property = view.parts.find((p) => p.side === 'property')!;
    // Another community's joint ticket belongs to another property company: hidden from Yong'an's.
    const elsewhere = await d.fileOk({ category: 'nuisance-garbage', community: 'jieyunlu', compound: undefined });
    const theirs = (await d.view(elsewhere.number)).parts.find((p) => p.side === 'property')!;
    expect((await d.read('yongan-wuye', elsewhere.number)).status).toBe(404);
    expect((await partAct('yongan-wuye', elsewhere.number, theirs.id, { action: 'accept' })).status).toBe(404);
    const forbidden = await partAct('yongan', number, property.id, { action: 'accept' });
    expect(forbidden.status).toBe(403);
    expect((await partAct('yongan-wuye', number, community.id, { action: 'accept' })).status).toBe(403);
    // The view offers each side actions on its own part only.
    const asCommunity = (await d.view(number, 'yongan')).parts;
    expect(asCommunity.find((p) => p.side === 'community')!.actions).toEqual([
      'accept',
      'done',
      'refuse',
      'dispute',
      'assign',
      'claim',
      'task',
    ]);
    expect(asCommunity.find((p) => p.side === 'property')!.actions).toEqual([]);
    expect((await d.view(number, 'jianzhongjie')).parts.find((p) => p.side === 'property')!.actions).toEqual([
      'accept',
      'done',
      'refuse',
      'dispute',
      'assign',
      'task',
    ]);
    expect((await partAct('yongan', number, 999999, { action: 'accept', version: 1 })).status).toBe(404);
  });

  it('refuses a stale version with 409 version_conflict', async () => {
    const { number, view } = await jointTicket();
    const part = view.parts.find((p) => p.side === 'community')!;
    await partOk('yongan', number, part.id, { action: 'accept' });
    const stale = await partAct('yongan', number, part.id, { action: 'done', note: '办好了', version: part.version });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
  });
});

describe('the queue views', () => {
  it("shows mine, my organisation's, unassigned and overdue, each row with its assignee, parts and days left", async () => {
    const { number, view } = await jointTicket();
    const community = view.parts.find((p) => p.side === 'community')!;
    const numbers = async (login: string, v: 'mine' | 'org' | 'unassigned' | 'overdue') =>
      (await (await d.queue(login, { view: v, limit: '200' })).json()).tickets.map((t) => t.number);
    expect(await numbers('yongan', 'unassigned')).toContain(number);
    expect(await numbers('yongan', 'mine')).not.toContain(number);
    await partOk('yongan', number, community.id, { action: 'claim' });
    expect(await numbers('yongan', 'mine')).toContain(number);
    expect(await numbers('yongan-wuye', 'mine')).not.toContain(number);
    // The property part is still unassigned: the property company sees it there, the community no longer.
    expect(await numbers('yongan-wuye', 'unassigned')).toContain(number);
    expect(await numbers('yongan', 'unassigned')).not.toContain(number);
    const property = (await d.fileOk()).number;
    expect(await numbers('yongan', 'org')).not.toContain(property);
    expect(await numbers('yongan-wuye', 'org')).toContain(property);
    const row = (await (await d.queue('yongan', { view: 'mine', limit: '200' })).json()).tickets.find(
      (t) => t.number === number,
    )!;
    expect(row).toMatchObject({
      assignee: null,
      handoffs: 0,
      parts: [
        { side: 'community', status: 'open', assignee: expect.any(String) },
        { side: 'property', status: 'open', assignee: null },
      ],
      // Due at the end of the fifth working day after today; today counts too.
      workingDaysLeft: 6,
    });
    expect(await numbers('yongan', 'overdue')).not.toContain(number);
    d.clock = workingDaysAfterStart(6);
    expect(await numbers('yongan', 'overdue')).toContain(number);
    d.clock = START;
  });
});
