import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../schema/index.ts';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { aSlot, type VisitApp, visitApp } from './test-helpers.ts';

let d: VisitApp;
beforeAll(async () => {
  d = await visitApp();
});
afterAll(() => d.t.cleanup());

/** Each staff action with a body that passes validation, and who takes it. */
const actions: Record<string, { by: string; body: Record<string, unknown> }> = {
  approve: { by: 'gongrenlu', body: { note: '符合条件' } },
  ask_info: { by: 'gongrenlu', body: { message: '请补充残疾证照片' } },
  reject: { by: 'gongrenlu', body: { reason: '不在本社区' } },
  send: { by: 'gongrenlu', body: {} },
  cancel: { by: 'gongrenlu', body: { reason: '家属来电取消' } },
  accept: { by: 'boc-zhongyuan', body: { slot: aSlot, visitorName: '李经理' } },
  decline: { by: 'boc-zhongyuan', body: { reason: '本周人手不足' } },
  propose: { by: 'boc-zhongyuan', body: { slot: aSlot } },
  schedule: { by: 'boc-zhongyuan', body: { slot: aSlot, visitorName: '李经理' } },
  done: { by: 'boc-zhongyuan', body: { note: '已办好' } },
  not_completed: { by: 'boc-zhongyuan', body: { reason: '家中无人', nextStep: 'revisit' } },
};
/** Where each allowed action leads from each status, written out apart from the lifecycle table. */
const allowed: Record<string, Record<string, string>> = {
  requested: { approve: 'reviewed', ask_info: 'info_needed', reject: 'rejected', cancel: 'cancelled' },
  reviewed: { ask_info: 'info_needed', reject: 'rejected', send: 'sent', cancel: 'cancelled' },
  sent: { cancel: 'cancelled', accept: 'accepted', decline: 'reviewed' },
  accepted: { cancel: 'cancelled', decline: 'reviewed', propose: 'accepted', schedule: 'scheduled' },
  scheduled: { cancel: 'cancelled', decline: 'reviewed', done: 'visited', not_completed: 'accepted' },
  visited: {},
  confirmed: {},
};
/** Before it is sent, a partner does not know the visit exists. */
const unseen = ['requested', 'reviewed'];

describe('each step from each status', () => {
  for (const [status, next] of Object.entries(allowed)) {
    for (const [action, { by, body }] of Object.entries(actions)) {
      const hidden = by !== 'gongrenlu' && unseen.includes(status);
      const expected = next[action] ? 200 : hidden ? 404 : 409;
      it(`${action} on a ${status} visit → ${expected}${next[action] ? ` (${next[action]})` : ''}`, async () => {
        const { number } = await d.walk(status as 'requested');
        const res = await d.act(by, number, { action, ...body });
        expect(res.status).toBe(expected);
        if (expected === 200) {
          expect((await d.stored(number)).status).toBe(next[action]);
        } else {
          expect((await errorOf(res)).error.code).toBe(hidden ? 'home_visit_not_found' : 'invalid_transition');
        }
      });
    }
  }
});

describe('the workflow', () => {
  it('turns a stale version away with 409 and records only the change that happened', async () => {
    const { number } = await d.walk('requested');
    const { version } = await d.stored(number);
    const [a, b] = await Promise.all([
      d.act('gongrenlu', number, { action: 'approve', version }),
      d.act('gongrenlu', number, { action: 'ask_info', version, message: '请补充材料' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await errorOf((a.status as number) === 409 ? a : b)).error.code).toBe('version_conflict');
    const audited = await d.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, number), like(auditLog.action, 'home_visit.%')));
    expect(audited.filter((e) => e.action !== 'home_visit.reveal')).toHaveLength(1);
    const later = await d.act('gongrenlu', number, { action: 'reject', version, reason: '旧版本' });
    expect(later.status).toBe(409);
  });

  it('asks the requester for information, who adds it by the link; the request goes back for review', async () => {
    const { number, token } = await d.walk('requested');
    await d.actOk('gongrenlu', number, { action: 'ask_info', message: '请说明是否持有残疾证' });
    const asked = await d.tracked(number, token);
    expect(asked).toMatchObject({ status: 'info_needed', canAddInfo: true });
    expect(asked.timeline.at(-1)).toMatchObject({ kind: 'info_requested', body: '请说明是否持有残疾证' });
    expect((await d.resident(number, 'info', { token, message: '有，一级肢体残疾' })).status).toBe(201);
    expect((await d.stored(number)).status).toBe('requested');
    expect((await d.tracked(number, token)).timeline.at(-1)).toMatchObject({ kind: 'info', actor: 'resident' });
    await d.actOk('gongrenlu', number, { action: 'reject', reason: '不符合条件' });
    const late = await d.resident(number, 'info', { token, message: '还有' });
    expect(late.status).toBe(409);
    expect((await d.resident(number, 'info', { token: 'x'.repeat(43), message: '还有' })).status).toBe(404);
    expect((await d.resident(number, 'info', { token, message: '' })).status).toBe(400);
  });

  it('lets the requester confirm the slot or ask for another; the door code appears once the time is agreed', async () => {
    const { number, token } = await d.walk('sent');
    await d.actOk('boc-zhongyuan', number, { action: 'accept' });
    expect((await d.tracked(number, token)).canConfirmSlot).toBe(false);
    expect((await d.resident(number, 'slot', { token, answer: 'confirm' })).status).toBe(409);
    await d.actOk('boc-zhongyuan', number, { action: 'propose', slot: aSlot, visitorName: '李经理' });
    const offered = await d.tracked(number, token);
    expect(offered).toMatchObject({
      status: 'accepted',
      slot: { start: Date.parse(aSlot.start), end: Date.parse(aSlot.end) },
      canConfirmSlot: true,
      canAskOtherSlot: true,
      visitor: null,
    });
    expect((await d.resident(number, 'slot', { token, answer: 'other', message: '周日下午更好' })).status).toBe(200);
    const asked = await d.tracked(number, token);
    expect(asked).toMatchObject({ status: 'accepted', slot: null, canConfirmSlot: false });
    expect(asked.timeline.at(-1)).toMatchObject({ kind: 'other_slot', body: '周日下午更好' });
    const sunday = { start: '2026-11-29T14:00:00+08:00', end: '2026-11-29T15:00:00+08:00' };
    await d.actOk('boc-zhongyuan', number, { action: 'propose', slot: sunday });
    expect((await d.resident(number, 'slot', { token, answer: 'confirm' })).status).toBe(200);
    const agreed = await d.tracked(number, token);
    expect(agreed).toMatchObject({
      status: 'scheduled',
      visitor: {
        organisation: { name: '中国银行郑州中原支行' },
        name: '李经理',
        code: expect.stringMatching(/^\d{4}$/),
      },
    });
    expect((await d.resident(number, 'slot', { token, answer: 'confirm' })).status).toBe(409);
  });

  it('lets the partner confirm a time agreed on the phone, and refuses slots in the past or back to front', async () => {
    const { number, token } = await d.walk('accepted');
    const past = await d.act('boc-zhongyuan', number, {
      action: 'schedule',
      visitorName: '李经理',
      slot: { start: '2026-11-20T09:00:00+08:00', end: '2026-11-20T10:00:00+08:00' },
    });
    expect(past.status).toBe(400);
    expect((await errorOf(past)).error.fields).toHaveProperty(['slot.start']);
    const backwards = await d.act('boc-zhongyuan', number, {
      action: 'schedule',
      visitorName: '李经理',
      slot: { start: aSlot.end, end: aSlot.start },
    });
    expect(backwards.status).toBe(400);
    expect((await errorOf(backwards)).error.fields).toHaveProperty(['slot.end']);
    const noVisitor = await d.act('boc-zhongyuan', number, { action: 'schedule', slot: aSlot });
    expect(Object.keys((await errorOf(noVisitor)).error.fields ?? {})).toEqual(['visitorName']);
    await d.actOk('boc-zhongyuan', number, { action: 'schedule', slot: aSlot, visitorName: '王柜员' });
    expect((await d.tracked(number, token)).visitor).toMatchObject({ name: '王柜员' });
  });

  it('sends a declined visit back to the community, which finds another partner', async () => {
    const { number, token } = await d.walk('accepted');
    await d.actOk('boc-zhongyuan', number, { action: 'decline', reason: '这周去不了' });
    expect(await d.stored(number)).toMatchObject({ status: 'reviewed', partnerId: null, slotStart: null });
    expect((await d.readVisit('boc-zhongyuan', number)).status).toBe(404);
    const tracked = await d.tracked(number, token);
    expect(tracked).toMatchObject({ status: 'reviewed', partner: null, slot: null });
    expect(tracked.timeline.at(-1)).toMatchObject({ kind: 'declined', body: '这周去不了', actor: 'partner' });
    const nobody = await d.act('gongrenlu', number, { action: 'send', partner: 'nobody' });
    expect(Object.keys((await errorOf(nobody)).error.fields ?? {})).toEqual(['partner']);
    await d.actOk('gongrenlu', number, { action: 'send', partner: 'songshanlu-dpf' });
    expect((await d.readVisit('canlian-songshanlu', number)).status).toBe(200);
    expect((await d.readVisit('boc-zhongyuan', number)).status).toBe(404);
    expect((await d.act('boc-zhongyuan', number, { action: 'accept' })).status).toBe(404);
  });

  it('records a visit not completed with its next step: a revisit, back to the community, or none', async () => {
    const revisit = await d.walk('scheduled');
    await d.actOk('boc-zhongyuan', revisit.number, {
      action: 'not_completed',
      reason: '家中无人',
      nextStep: 'revisit',
    });
    expect(await d.stored(revisit.number)).toMatchObject({ status: 'accepted', slotStart: null, visitCode: null });
    expect((await d.tracked(revisit.number, revisit.token)).outcome).toMatchObject({
      result: 'not_completed',
      note: '家中无人',
      nextStep: 'revisit',
    });
    const back = await d.walk('scheduled');
    await d.actOk('boc-zhongyuan', back.number, {
      action: 'not_completed',
      reason: '需先办理挂失',
      nextStep: 'community',
    });
    expect(await d.stored(back.number)).toMatchObject({ status: 'reviewed', partnerId: null });
    const none = await d.walk('scheduled');
    await d.actOk('boc-zhongyuan', none.number, { action: 'not_completed', reason: '本人已去世', nextStep: 'none' });
    expect((await d.stored(none.number)).status).toBe('closed');
    expect((await d.tracked(none.number, none.token)).canRate).toBe(false);
  });

  it('lets the requester confirm the visit and rate it, once', async () => {
    const { number, token } = await d.walk('visited');
    expect((await d.tracked(number, token)).canConfirmVisit).toBe(true);
    expect((await d.resident(number, 'confirm', { token, score: 6 })).status).toBe(400);
    expect((await d.resident(number, 'confirm', { token, score: 5, comment: '很耐心' })).status).toBe(200);
    const view = await d.tracked(number, token);
    expect(view).toMatchObject({ status: 'confirmed', rating: { score: 5, comment: '很耐心' }, canRate: false });
    expect((await d.resident(number, 'confirm', { token })).status).toBe(409);
    const again = await d.resident(number, 'rating', { token, score: 1 });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.code).toBe('rating_not_allowed');
  });

  it('takes a rating after a confirmation without one', async () => {
    const { number, token } = await d.walk('visited');
    expect((await d.resident(number, 'rating', { token, score: 4 })).status).toBe(201);
    expect((await d.resident(number, 'rating', { token, score: 4 })).status).toBe(409);
    expect((await d.resident(number, 'confirm', { token })).status).toBe(200);
    expect((await d.tracked(number, token)).rating).toEqual({ score: 4, comment: null });
    const early = await d.walk('scheduled');
    expect((await d.resident(early.number, 'rating', { token: early.token, score: 4 })).status).toBe(409);
  });

  it('shows every step on the public timeline, and internal notes only to staff', async () => {
    const { number, token } = await d.walk('visited');
    await d.actOk('gongrenlu', number, { action: 'note', visibility: 'internal', body: '家属情绪稳定' });
    await d.actOk('boc-zhongyuan', number, { action: 'note', visibility: 'public', body: '新卡已激活' });
    const kinds = (await d.tracked(number, token)).timeline.map((e) => e.kind);
    expect(kinds).toEqual(['requested', 'reviewed', 'sent', 'accepted', 'slot_confirmed', 'visited', 'note']);
    expect(JSON.stringify((await d.tracked(number, token)).timeline)).not.toContain('家属情绪稳定');
    const staff = await (await d.readVisit('gongrenlu', number)).json();
    expect(staff.visit!.timeline.map((e) => e.body)).toContain('家属情绪稳定');
    expect(staff.visit!.timeline.find((e) => e.body === '家属情绪稳定')).toMatchObject({ visibility: 'internal' });
  });

  it('offers each staff member only the actions they may take now', async () => {
    const { number } = await d.walk('sent');
    expect((await (await d.readVisit('gongrenlu', number)).json()).actions).toEqual(['cancel', 'note']);
    expect((await (await d.readVisit('boc-zhongyuan', number)).json()).actions).toEqual(['accept', 'decline', 'note']);
    expect((await (await d.readVisit('songshanlu', number)).json()).actions).toEqual(['cancel', 'note']);
    const asAdmin = await (await d.readVisit('erqi-admin', number)).json();
    expect(asAdmin.actions).toEqual(['cancel', 'note']);
  });
});

describe('coordination', () => {
  it('lists requests by status and partner; a partner sees only its own', async () => {
    const sent = await d.walk('sent');
    const waiting = await d.walk('requested');
    const queue = async (login: string, query: Record<string, string>) =>
      (await (await d.t.api.desk['home-visits'].$get({ query }, await d.as(login))).json()).visits.map((v) => v.number);
    expect(await queue('gongrenlu', { status: 'requested' })).toContain(waiting.number);
    expect(await queue('gongrenlu', { status: 'requested' })).not.toContain(sent.number);
    expect(await queue('gongrenlu', { partner: 'boc-zhongyuan', status: 'sent' })).toContain(sent.number);
    expect(await queue('gongrenlu', { partner: 'songshanlu-dpf', status: 'sent' })).not.toContain(sent.number);
    const own = await queue('boc-zhongyuan', {});
    expect(own).toContain(sent.number);
    expect(own).not.toContain(waiting.number);
    const federation = await queue('canlian-songshanlu', {});
    expect(federation).not.toContain(sent.number);
    expect(federation).toContain('GR-H20261124-0001'); // the demo's live request
    expect(await queue('yongan', {})).toEqual([]);
    const first = await d.t.api.desk['home-visits'].$get({ query: { status: 'open' } }, await d.as('gongrenlu'));
    const listed = (await first.json()).visits[0]!;
    expect(Object.keys(listed)).not.toContain('phone');
    expect(JSON.stringify(listed)).not.toContain('302');
    expect((await d.t.api.desk['home-visits'].$get({ query: {} }, await d.as('yongan-wuye'))).status).toBe(403);
  });

  it('shows per partner: open visits, median days to the visit, completion rate and rating', async () => {
    const res = await d.t.api.desk['home-visits'].partners.$get(
      { query: { community: 'gongrenlu' } },
      await d.as('gongrenlu'),
    );
    expect(res.status).toBe(200);
    const { partners } = await res.json();
    const boc = partners.find((p) => p.slug === 'boc-zhongyuan')!;
    expect(boc).toMatchObject({ kind: 'bank', open: expect.any(Number), visited: expect.any(Number) });
    expect(boc.visited).toBeGreaterThan(1);
    expect(boc.completionRate).toBeGreaterThan(0);
    expect(boc.completionRate).toBeLessThan(1);
    expect(boc.averageRating).toBeGreaterThanOrEqual(4);
    expect(typeof boc.medianDaysToVisit).toBe('number');
    expect(partners.find((p) => p.slug === 'songshanlu-dpf')).toMatchObject({ open: 2, completionRate: null }); // the demo's and the one re-sent above
    const own = await (
      await d.t.api.desk['home-visits'].partners.$get({ query: {} }, await d.as('boc-zhongyuan'))
    ).json();
    expect(own.partners.map((p) => p.slug)).toEqual(['boc-zhongyuan']);
    expect(
      (await d.t.api.desk['home-visits'].partners.$get({ query: { community: 'gongrenlu' } }, await d.as('yongan')))
        .status,
    ).toBe(404);
  });

  it('lets the community choose which services it offers, among those of partners serving it', async () => {
    const put = async (login: string, body: Record<string, unknown>) =>
      d.t.api.desk['home-visits'].services.$put({ json: body as never }, await d.as(login));
    const on = await put('gongrenlu', { community: 'gongrenlu', service: 'bank-account', offered: true });
    expect(on.status).toBe(200);
    expect((await on.json()).services.find((s) => s.code === 'bank-account')!.offered).toBe(true);
    const listed = await (await d.t.api['home-visits'].services.$get({ query: { community: 'gongrenlu' } })).json();
    expect(listed.services.map((s) => s.code)).toContain('bank-account');
    expect((await put('gongrenlu', { community: 'gongrenlu', service: 'bank-account', offered: false })).status).toBe(
      200,
    );
    expect((await put('gongrenlu', { community: 'gongrenlu', service: 'moon', offered: true })).status).toBe(400);
    expect((await put('yongan', { community: 'gongrenlu', service: 'bank-account', offered: true })).status).toBe(404);
    expect(
      (await put('boc-zhongyuan', { community: 'gongrenlu', service: 'bank-account', offered: true })).status,
    ).toBe(404);
    // Yong'an is served by no partner: there is nothing it could offer.
    expect((await put('yongan', { community: 'yongan', service: 'bank-account', offered: true })).status).toBe(400);
  });

  it("puts overdue visits on the sub-district's supervision list with the desk's tickets", async () => {
    const { number } = await d.walk('sent');
    // Due at the end of the 7th working day (Monday 7 December); Tuesday the 8th it is overdue.
    d.clock += 12 * DAY_MS;
    try {
      const list = async (login: string) =>
        (await (await d.t.api.desk.supervision.$get({ query: {} }, await d.as(login))).json()).homeVisits;
      const items = await list('songshanlu');
      expect(items.find((v) => v.number === number)).toMatchObject({ status: 'sent', overdue: true, overdueDays: 1 });
      expect((await list('jianzhongjie')).find((v) => v.number === number)).toBeUndefined();
      expect((await d.t.api.desk.supervision.$get({ query: {} }, await d.as('boc-zhongyuan'))).status).toBe(403);
    } finally {
      d.clock -= 12 * DAY_MS;
    }
  });
});
