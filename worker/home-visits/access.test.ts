import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { REVEAL_DAYS } from './input.ts';
import { type VisitApp, visitApp } from './test-helpers.ts';

let d: VisitApp;
beforeAll(async () => {
  d = await visitApp();
});
afterAll(() => d.t.cleanup());

const view = async (login: string, number: string) => {
  const res = await d.readVisit(login, number);
  if (res.status !== 200) throw new Error(`${login} read ${number}: ${res.status}`);
  return (await res.json()).visit!;
};
const personal = (v: Awaited<ReturnType<typeof view>>) => ({
  name: v.forWhom.name,
  address: v.address,
  phone: v.phone,
  note: v.reason.note,
  requester: v.requesterName,
});
const hiddenDetails = { name: null, address: null, phone: null, note: null, requester: null };
const shownDetails = {
  name: '王建国',
  address: { compound: null, building: '5号楼', unit: '1单元', room: '302' },
  phone: '13900000009',
  note: '中风后卧床',
  requester: '王小红',
};

describe('who sees a visit sent to the bank', () => {
  // 200 the visit, 403 the role may not read visits, 404 outside the staff member's place.
  const expected: Record<string, number> = {
    'erqi-admin': 200,
    songshanlu: 200,
    gongrenlu: 200,
    'boc-zhongyuan': 200,
    yongan: 404,
    jianzhongjie: 404,
    'canlian-songshanlu': 404,
    'yongan-wuye': 404,
    weihongmin: 404,
  };
  let number: string;
  beforeAll(async () => {
    number = (await d.walk('sent')).number;
  });
  for (const [login, status] of Object.entries(expected)) {
    it(`${login} reads it → ${status}, adds a note → ${status}`, async () => {
      const res = await d.readVisit(login, number);
      expect(res.status).toBe(status);
      if (status !== 200) expect((await errorOf(res)).error.code).toBe('home_visit_not_found');
      const note = await d.act(login, number, { action: 'note', visibility: 'internal', body: `${login} 看过` });
      expect(note.status).toBe(status);
    });
  }

  it('answers a missing visit with the same 404 as one assigned to another partner', async () => {
    const missing = await d.readVisit('canlian-songshanlu', 'GR-H20991231-0001');
    const other = await d.readVisit('canlian-songshanlu', number);
    expect(await missing.text()).toBe(await other.text());
  });

  it('keeps partner staff out of the desk, the board of places and the accounts', async () => {
    const as = await d.as('boc-zhongyuan');
    expect((await d.t.api.desk.tickets.$get({ query: {} }, as)).status).toBe(403);
    expect((await d.t.api.desk.tickets[':number'].$get({ param: { number: 'GR-20261114-0001' } }, as)).status).toBe(
      404,
    );
    expect((await d.t.api.staff.$get({}, as)).status).toBe(403);
  });
});

describe("the partner's window on the address and phone", () => {
  it('is closed before the visit is sent: the partner does not see the visit at all', async () => {
    const { number } = await d.walk('reviewed');
    expect((await d.readVisit('boc-zhongyuan', number)).status).toBe(404);
    expect(personal(await view('gongrenlu', number))).toEqual(shownDetails);
  });

  it('is open while the visit is assigned, and every reveal is audited', async () => {
    const { number } = await d.walk('sent');
    const before = (await d.reveals(number)).length;
    const sent = await view('boc-zhongyuan', number);
    expect(sent).toMatchObject({ revealed: true, revealUntil: null });
    expect(personal(sent)).toEqual(shownDetails);
    await d.actOk('boc-zhongyuan', number, { action: 'accept' });
    expect(personal(await view('boc-zhongyuan', number))).toEqual(shownDetails);
    expect((await d.reveals(number)).slice(before)).toEqual(['boc-zhongyuan', 'boc-zhongyuan', 'boc-zhongyuan']);
    await view('gongrenlu', number);
    expect((await d.reveals(number)).at(-1)).toBe('gongrenlu');
  });

  it(`stays open ${REVEAL_DAYS} days after the visit is done, then closes; the visit itself stays readable`, async () => {
    const { number } = await d.walk('visited');
    const done = (await d.stored(number)).visitedAt!;
    const start = d.clock;
    try {
      d.clock = done + REVEAL_DAYS * DAY_MS - 1000;
      const within = await view('boc-zhongyuan', number);
      expect(within).toMatchObject({ revealed: true, revealUntil: done + REVEAL_DAYS * DAY_MS });
      expect(personal(within)).toEqual(shownDetails);
      const audited = (await d.reveals(number)).length;
      d.clock = done + REVEAL_DAYS * DAY_MS + 1000;
      const after = await view('boc-zhongyuan', number);
      expect(after).toMatchObject({ revealed: false, number, status: 'visited', forWhom: { addressAs: '王大爷' } });
      expect(personal(after)).toEqual(hiddenDetails);
      expect(JSON.stringify(after)).not.toContain('13900000009');
      expect((await d.reveals(number)).length).toBe(audited);
      // The community still sees what it coordinates.
      expect(personal(await view('gongrenlu', number))).toEqual(shownDetails);
    } finally {
      d.clock = start;
    }
  });

  it('closes when the visit is cancelled, and the visit leaves the partner when it declines', async () => {
    const cancelled = await d.walk('accepted');
    await d.actOk('gongrenlu', cancelled.number, { action: 'cancel', reason: '家属自行办理' });
    expect(personal(await view('boc-zhongyuan', cancelled.number))).toEqual(hiddenDetails);
    const declined = await d.walk('accepted');
    const answer = await d.actOk('boc-zhongyuan', declined.number, { action: 'decline', reason: '无法安排' });
    expect(answer).toEqual({ visit: null, actions: [] });
    expect((await d.readVisit('boc-zhongyuan', declined.number)).status).toBe(404);
  });
});

describe('the door code', () => {
  it('is shown to exactly the requester and the assigned partner, only while the time is agreed', async () => {
    const { number, token } = await d.walk('accepted');
    expect((await d.tracked(number, token)).visitor).toBeNull();
    expect((await view('boc-zhongyuan', number)).visitCode).toBeNull();
    await d.resident(number, 'slot', { token, answer: 'confirm' });
    const code = (await d.tracked(number, token)).visitor!.code;
    expect(code).toMatch(/^\d{4}$/);
    expect((await view('boc-zhongyuan', number)).visitCode).toBe(code);
    for (const login of ['gongrenlu', 'songshanlu', 'erqi-admin']) {
      const seen = await view(login, number);
      expect(seen.visitCode).toBeNull();
      expect(JSON.stringify(seen)).not.toContain(`"${code}"`);
    }
    expect((await d.readVisit('canlian-songshanlu', number)).status).toBe(404);
    const queue = await d.t.api.desk['home-visits'].$get({ query: {} }, await d.as('boc-zhongyuan'));
    expect(JSON.stringify(await queue.json())).not.toContain(`"${code}"`);
    await d.actOk('boc-zhongyuan', number, { action: 'done' });
    expect((await d.tracked(number, token)).visitor).toBeNull();
    expect((await view('boc-zhongyuan', number)).visitCode).toBeNull();
  });

  it('is drawn anew for each agreed time', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const { number, token } = await d.walk('scheduled');
      codes.add((await d.tracked(number, token)).visitor!.code);
    }
    expect(codes.size).toBeGreaterThan(1);
  });
});
