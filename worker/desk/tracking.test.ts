import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../lib/time.ts';
import { REOPEN_DAYS } from './lifecycle.ts';
import { type DeskApp, deskApp, START, workingDaysAfterStart } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

const tracking = async (number: string, token: string) => {
  const res = await d.track(number, token);
  expect(res.status).toBe(200);
  return res.json();
};
const resident = (number: string, what: 'info' | 'confirm' | 'reopen' | 'rating', body: Record<string, unknown>) =>
  d.t.post(`/api/tickets/${number}/${what}`, body);

/** A ticket walked by the property staff to resolved. */
async function resolvedTicket() {
  const filed = await d.fileOk();
  await d.actOk('yongan-wuye', filed.number, { action: 'accept' });
  await d.actOk('yongan-wuye', filed.number, { action: 'resolve', note: '电梯已修好。' });
  return filed;
}

describe('tracking a ticket with its private link', () => {
  it('shows status, owner, due date and the public timeline, with the phone masked', async () => {
    const { number, token } = await d.fileOk();
    await d.actOk('yongan-wuye', number, {
      action: 'note',
      visibility: 'internal',
      body: '住户上次也报过，物业内部记录',
    });
    await d.actOk('yongan-wuye', number, { action: 'note', visibility: 'public', body: '维修工下午到' });
    const res = await d.track(number, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      number,
      status: 'submitted',
      owner: 'property',
      dueAt: workingDaysAfterStart(3),
      phone: '138****0001',
      name: '张阿姨',
      canAddInfo: true,
      canConfirm: false,
      canReopen: false,
      canRate: false,
    });
    expect(body.timeline.map((e) => e.kind)).toEqual(['submitted', 'note']);
    expect(body.timeline[1]).toMatchObject({ body: '维修工下午到', actor: 'staff' });
    const text = JSON.stringify(body);
    expect(text).not.toContain('内部记录');
    expect(text).not.toContain('13800000001');
    expect(body).not.toHaveProperty('version');
    expect(body).not.toHaveProperty('flagged');
    for (const e of body.timeline) expect(e).not.toHaveProperty('visibility');
    // Staff are named by their organisation's kind, never by their own names.
    expect(body.timeline[1]).toMatchObject({ by: 'property' });
    expect(text).not.toContain('永安物业值班员');
    for (const e of body.timeline) expect(e).not.toHaveProperty('staffName');
  });

  it("answers a wrong token, another ticket's token and a missing ticket with the same 404", async () => {
    const mine = await d.fileOk();
    const theirs = await d.fileOk();
    const answers = await Promise.all([
      d.track(mine.number, 'A'.repeat(43)),
      d.track(mine.number, theirs.token),
      d.track('YA-20261126-9999', mine.token),
      d.track('ZZ-20000101-0001', mine.token),
    ]);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({
      error: { code: 'ticket_not_found', message: 'No ticket with this number and link.' },
    });
  });

  it('refuses a malformed number or token with a 400 naming it', async () => {
    const { number, token } = await d.fileOk();
    const badToken = await d.track(number, 'short');
    expect(badToken.status).toBe(400);
    expect(await badToken.json()).toMatchObject({ error: { fields: { token: 'Not a tracking token.' } } });
    const badNumber = await d.track('ya-1', token);
    expect(badNumber.status).toBe(400);
    expect(await badNumber.json()).toMatchObject({ error: { fields: { number: 'Not a ticket number.' } } });
    expect((await d.t.app.request(`/api/tickets/${number}`)).status).toBe(400);
  });
});

describe('what the resident can do', () => {
  it('adds information while the ticket is open, and not after', async () => {
    const { number, token } = await d.fileOk();
    const added = await resident(number, 'info', { token, message: '是2号电梯，不是1号。' });
    expect(added.status).toBe(201);
    const body = await tracking(number, token);
    expect(body.timeline.at(-1)).toMatchObject({ kind: 'info', actor: 'resident', body: '是2号电梯，不是1号。' });
    expect((await resident(number, 'info', { token, message: '' })).status).toBe(400);
    expect((await resident(number, 'info', { token: 'B'.repeat(43), message: '再补充' })).status).toBe(404);

    await d.actOk('yongan-wuye', number, { action: 'reject', reason: '不属于物业范围' });
    const late = await resident(number, 'info', { token, message: '还有一件事' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'ticket_not_open' } });
  });

  it('confirms a resolved ticket, which closes it', async () => {
    const { number, token } = await resolvedTicket();
    expect(await tracking(number, token)).toMatchObject({
      status: 'resolved',
      canConfirm: true,
      canReopen: true,
      canRate: true,
    });
    const confirmed = await resident(number, 'confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(await tracking(number, token)).toMatchObject({ status: 'closed', canConfirm: false });
    const again = await resident(number, 'confirm', { token });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'invalid_transition' } });
  });

  it('cannot confirm what is not resolved', async () => {
    const { number, token } = await d.fileOk();
    const res = await resident(number, 'confirm', { token });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: { code: 'invalid_transition', message: expect.stringContaining('submitted') },
    });
  });

  it('reopens within 14 days of resolution, back to in progress', async () => {
    const { number, token } = await resolvedTicket();
    d.clock = START + REOPEN_DAYS * DAY_MS;
    const res = await resident(number, 'reopen', { token, reason: '电梯又停了。' });
    expect(res.status).toBe(200);
    expect(await tracking(number, token)).toMatchObject({ status: 'in_progress', canReopen: false });
    const view = await d.view(number);
    expect(view.timeline.at(-1)).toMatchObject({
      kind: 'reopened',
      actor: 'resident',
      fromStatus: 'resolved',
      toStatus: 'in_progress',
      body: '电梯又停了。',
    });
    expect(await d.view(number)).toMatchObject({ reopenCount: 1 });
    d.clock = START;
  });

  it('reopens a closed ticket within the 14 days too', async () => {
    const { number, token } = await resolvedTicket();
    expect((await resident(number, 'confirm', { token })).status).toBe(200);
    d.clock = START + 3 * DAY_MS;
    expect((await resident(number, 'reopen', { token, reason: '还是不行' })).status).toBe(200);
    expect((await tracking(number, token)).status).toBe('in_progress');
    d.clock = START;
  });

  it('refuses a reopen after 14 days, and without a reason', async () => {
    const { number, token } = await resolvedTicket();
    expect((await resident(number, 'reopen', { token, reason: '' })).status).toBe(400);
    d.clock = START + REOPEN_DAYS * DAY_MS + 60_000;
    const res = await resident(number, 'reopen', { token, reason: '又坏了' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'reopen_not_allowed' } });
    d.clock = START;
  });

  it('rates once, 1 to 5, and only after resolution', async () => {
    const open = await d.fileOk();
    const early = await resident(open.number, 'rating', { token: open.token, score: 5 });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { code: 'rating_not_allowed' } });

    const { number, token } = await resolvedTicket();
    for (const score of [0, 6, 3.5, '5', null]) {
      const bad = await resident(number, 'rating', { token, score });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { fields: { score: expect.any(String) } } });
    }
    const rated = await resident(number, 'rating', { token, score: 4, comment: '修得快，谢谢' });
    expect(rated.status).toBe(201);
    expect(await tracking(number, token)).toMatchObject({
      rating: { score: 4, comment: '修得快，谢谢' },
      canRate: false,
    });
    const second = await resident(number, 'rating', { token, score: 1 });
    expect(second.status).toBe(409);
    expect((await tracking(number, token)).rating).toEqual({ score: 4, comment: '修得快，谢谢' });
  });

  it('rates exactly once even when the taps race', async () => {
    const { number, token } = await resolvedTicket();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((score) => resident(number, 'rating', { token, score })));
    expect(answers.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1);
    expect(answers.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect((await d.entries(number)).filter((e) => e.kind === 'rated')).toHaveLength(1);
  });
});
