import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../schema/index.ts';
import { type DeskApp, deskApp } from './test-helpers.ts';

let d: DeskApp;
const logins = ['erqi-admin', 'jianzhongjie', 'yongan', 'yongan-wuye', 'weihongmin'] as const;
type Login = (typeof logins)[number];

/** Tickets around the demo places; Yong'an Homes is the one compound yongan-wuye serves. */
const places = {
  'yongan community': { community: 'yongan', compound: 'yongan-jiayuan', category: 'fire-safety' },
  'yongan property': { community: 'yongan', compound: 'yongan-jiayuan', category: 'repairs' },
  'yongan joint': { community: 'yongan', compound: 'yongan-jiayuan', category: 'not-sure' },
  'yongan property, no compound named': { community: 'yongan', compound: undefined, category: 'parking' },
  'gongrenlu property': { community: 'gongrenlu', compound: undefined, category: 'repairs' },
  'gongrenlu joint': { community: 'gongrenlu', compound: undefined, category: 'nuisance-garbage' },
  'jieyunlu property': { community: 'jieyunlu', compound: 'tiedao-jieyunli', category: 'repairs' },
  'renhelu community': { community: 'renhelu', compound: 'renhelu-6', category: 'culture-sports' },
};
type Place = keyof typeof places;
const numbers = {} as Record<Place, string>;

beforeAll(async () => {
  d = await deskApp();
  for (const [place, body] of Object.entries(places)) numbers[place as Place] = (await d.fileOk(body)).number;
});
afterAll(() => d.t.cleanup());

const row = (yongan: number, others: number, extra: Partial<Record<Place, number>> = {}) =>
  Object.fromEntries(
    Object.keys(places).map((p) => [p, extra[p as Place] ?? (p.startsWith('yongan') ? yongan : others)]),
  ) as Record<Place, number>;

/** Reading a ticket: 200, 403 (the role may not) or 404 (outside the staff member's place). */
const read: Record<Login, Record<Place, number>> = {
  'erqi-admin': row(200, 200),
  jianzhongjie: row(200, 404),
  yongan: row(200, 404),
  'yongan-wuye': row(200, 404, { 'yongan community': 404 }),
  weihongmin: row(404, 404, { 'jieyunlu property': 403 }),
};
/** Working on it (canWork). Community staff leave property tickets to the company. */
const work: Record<Login, Record<Place, number>> = {
  'erqi-admin': row(200, 200),
  jianzhongjie: row(200, 404),
  yongan: row(200, 404, { 'yongan property': 403, 'yongan property, no compound named': 403 }),
  'yongan-wuye': row(200, 404, { 'yongan community': 404 }),
  weihongmin: row(404, 404, { 'jieyunlu property': 403 }),
};

describe('who sees and works which ticket', () => {
  for (const login of logins) {
    for (const place of Object.keys(places) as Place[]) {
      it(`${login} reads the ${place} ticket → ${read[login][place]}, works it → ${work[login][place]}, adds a note → ${read[login][place]}`, async () => {
        const number = numbers[place];
        const got = await d.read(login, number);
        expect(got.status).toBe(read[login][place]);
        if (got.status === 200) {
          const body = await got.json();
          expect(body.ticket).toMatchObject({ number, phone: '13800000001' });
          expect(body.canWork).toBe(work[login][place] === 200);
        } else {
          expect(await got.json()).toMatchObject({
            error: { code: got.status === 404 ? 'ticket_not_found' : 'forbidden' },
          });
        }
        // A note is for everyone who may read the ticket: the two sides work it together.
        const acted = await d.act(login, number, { action: 'note', visibility: 'internal', body: `${login} 看过` });
        expect(acted.status).toBe(read[login][place]);
      });
    }
  }

  it('answers a missing ticket with the same 404 as a hidden one', async () => {
    const missing = await d.read('yongan', 'YA-20991231-0001');
    const hidden = await d.read('yongan', numbers['gongrenlu property']);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(await hidden.text());
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await d.t.app.request(`/api/desk/tickets/${numbers['yongan joint']}`)).status).toBe(401);
    expect((await d.t.app.request('/api/desk/tickets')).status).toBe(401);
  });
});

describe('the queue agrees with single tickets', () => {
  async function queue(login: Login, query: Parameters<DeskApp['queue']>[1] = {}) {
    const res = await d.queue(login, { limit: '200', ...query });
    return {
      status: res.status,
      numbers: res.status === 200 ? (await res.json()).tickets.map((t) => t.number).sort() : [],
    };
  }

  /** Every ticket in the database is in the caller's queue exactly when the caller may read it. */
  async function expectAgreement(login: Login) {
    const all = (await d.t.db.select({ number: tickets.number }).from(tickets)).map((t) => t.number);
    const listed = await queue(login);
    const readable: string[] = [];
    for (const number of all) {
      const res = await d.read(login, number);
      expect([200, 403, 404]).toContain(res.status);
      if (res.status === 200) readable.push(number);
    }
    expect(listed.numbers).toEqual(readable.sort());
    return listed;
  }

  for (const login of logins.filter((l) => l !== 'weihongmin')) {
    it(`for ${login}`, async () => {
      const listed = await expectAgreement(login);
      expect(listed.status).toBe(200);
      const mine = Object.keys(places).filter((p) => read[login][p as Place] === 200);
      for (const place of mine) expect(listed.numbers).toContain(numbers[place as Place]);
    });
  }

  it('refuses the queue to a correspondent, who reads no ticket either', async () => {
    const listed = await queue('weihongmin');
    expect(listed.status).toBe(403);
    for (const number of Object.values(numbers)) expect((await d.read('weihongmin', number)).status).not.toBe(200);
  });

  it('still agrees after a ticket changes owner', async () => {
    const { number } = await d.fileOk({ category: 'not-sure' });
    expect((await queue('yongan-wuye')).numbers).toContain(number);
    await d.actOk('yongan', number, { action: 'reroute', owner: 'community', reason: '社区负责' });
    expect((await queue('yongan-wuye')).numbers).not.toContain(number);
    expect((await d.read('yongan-wuye', number)).status).toBe(404);
    await expectAgreement('yongan-wuye');
    await expectAgreement('yongan');
  });

  it("never lists another sub-district's tickets, whatever the filter asks", async () => {
    expect((await queue('jianzhongjie', { community: 'gongrenlu' })).numbers).toEqual([]);
    expect((await queue('yongan', { community: 'renhelu', status: 'open' })).numbers).toEqual([]);
    expect((await queue('yongan-wuye', { owner: 'community' })).numbers).toEqual([]);
  });

  it('filters and pages the queue', async () => {
    const property = await queue('jianzhongjie', { owner: 'property', status: 'submitted' });
    expect(property.numbers).toContain(numbers['yongan property']);
    expect(property.numbers).not.toContain(numbers['yongan joint']);
    const first = await (await d.queue('erqi-admin', { limit: '3' })).json();
    const next = await (await d.queue('erqi-admin', { limit: '3', before: String(first.nextBefore) })).json();
    expect(first.tickets).toHaveLength(3);
    expect(next.tickets.length).toBeGreaterThan(0);
    expect(next.tickets.filter((t) => first.tickets.some((f) => f.number === t.number))).toEqual([]);
    expect((await d.queue('erqi-admin', { status: 'lost' })).status).toBe(400);
  });
});

describe('filing on behalf of a walk-in or phone caller', () => {
  it("files in the staff member's place, marked as theirs", async () => {
    const res = await d.fileFor('yongan', {
      ...places['yongan community'],
      description: '老人打电话说楼道堆满纸箱',
      location: '1号楼',
      phone: '13900000009',
      consent: true,
      channel: 'phone',
    });
    expect(res.status).toBe(201);
    const { number } = await res.json();
    const view = await (await d.read('yongan', number)).json();
    expect(view.ticket.channel).toBe('phone');
    expect(view.ticket.timeline[0]).toMatchObject({ actor: 'staff', staffName: '永安社区居委会' });
  });

  it("refuses a place outside the staff member's, and a role that takes no tickets", async () => {
    const body = {
      ...places['gongrenlu property'],
      description: '水管漏水很严重',
      location: '3号楼',
      phone: '13900000009',
      consent: true,
      channel: 'walk_in',
    };
    expect((await d.fileFor('yongan', body)).status).toBe(404);
    expect((await d.fileFor('weihongmin', { ...body, ...places['jieyunlu property'] })).status).toBe(403);
    expect((await d.fileFor('erqi-admin', { ...body, channel: 'web' })).status).toBe(400);
  });
});
