import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeVisits } from '../../schema/index.ts';
import { START, workingDaysAfterStart } from '../desk/test-helpers.ts';
import { errorOf } from '../test-helpers.ts';
import { aVisit, type VisitApp, visitApp } from './test-helpers.ts';

let d: VisitApp;
beforeAll(async () => {
  d = await visitApp();
});
afterAll(() => d.t.cleanup());

const visitCount = async () => (await d.t.db.select({ n: count() }).from(homeVisits))[0]!.n;

describe('the services a community offers', () => {
  it("lists Gongren Road's services with their partner, what to prepare, who is eligible and the lead time", async () => {
    const res = await d.t.api['home-visits'].services.$get({ query: { community: 'gongrenlu' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.services.map((s) => s.code)).toEqual(['sscard-replace', 'disability-review']);
    expect(body.services[0]).toMatchObject({
      name: '社保卡更换及激活',
      partner: { name: '中国银行郑州中原支行', kind: 'bank', contact: expect.any(String) },
      prepare: expect.stringContaining('身份证'),
      eligibility: expect.stringContaining('80岁'),
      leadDays: 7,
    });
    expect(body.services[1]!.partner).toMatchObject({ name: '嵩山路街道残联', kind: 'federation' });
    expect(body.retentionDays).toBe(90);
    expect(body.services[0]).not.toHaveProperty('id');
  });

  it('lists none where the community offers none; 404 for no community, 400 for a malformed one', async () => {
    expect(
      (await (await d.t.api['home-visits'].services.$get({ query: { community: 'yongan' } })).json()).services,
    ).toEqual([]);
    const missing = await d.t.api['home-visits'].services.$get({ query: { community: 'atlantis' } });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).error.code).toBe('community_not_found');
    const bad = await d.t.app.request('/api/home-visits/services?community=Not%20A%20Slug');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).error.fields).toHaveProperty('community');
  });

  it("points the community's home-visit category to the request form; other communities keep theirs as tickets", async () => {
    const categories = async (community: string) =>
      (await (await d.t.api.tickets.categories.$get({ query: { community } })).json()).categories;
    expect((await categories('gongrenlu')).find((c) => c.code === 'home-visit')!.homeVisits).toEqual({
      services: '/api/home-visits/services?community=gongrenlu',
      request: '/api/home-visits',
    });
    expect((await categories('gongrenlu')).find((c) => c.code === 'repairs')!.homeVisits).toBeNull();
    expect((await categories('yongan')).find((c) => c.code === 'home-visit')!.homeVisits).toBeNull();
    const filed = await d.file({ community: 'gongrenlu', compound: undefined, category: 'home-visit' });
    expect(filed.status).toBe(400);
    expect(Object.keys((await errorOf(filed)).error.fields ?? {})).toEqual(['category']);
    // The ticket filed in that category before stays readable.
    expect((await d.view('GR-20261114-0001', 'gongrenlu')).category.code).toBe('home-visit');
  });
});

describe('requesting a visit', () => {
  it('answers 201 with a number and a private token, nothing else', async () => {
    const res = await d.request();
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['number', 'token']);
    expect(body.number).toMatch(/^GR-H20261126-\d{4}$/);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const next = await d.requestOk({ forWhom: { relation: 'neighbour', name: '赵奶奶', addressAs: '赵奶奶' } });
    expect(Number(next.number.slice(-4))).toBe(Number(body.number.slice(-4)) + 1);
  });

  it('takes a request from the person, family, a neighbour, a volunteer or staff, with or without a unit', async () => {
    for (const relation of ['self', 'family', 'neighbour', 'volunteer', 'staff'])
      expect((await d.request({ forWhom: { ...aVisit.forWhom, relation } })).status).toBe(201);
    expect((await d.request({ address: { building: '7号楼', room: '101' }, preferredTimes: undefined })).status).toBe(
      201,
    );
  });

  const wrong: [string, Record<string, unknown>, string][] = [
    ['no person', { forWhom: { relation: 'family', addressAs: '王大爷' } }, 'forWhom.name'],
    [
      'no way to address them',
      { forWhom: { relation: 'family', name: '王建国', addressAs: ' ' } },
      'forWhom.addressAs',
    ],
    ['an unknown relation', { forWhom: { ...aVisit.forWhom, relation: 'landlord' } }, 'forWhom.relation'],
    ['no room', { address: { building: '5号楼' } }, 'address.room'],
    ['no building', { address: { room: '302' } }, 'address.building'],
    [
      'a compound of another community',
      { address: { ...aVisit.address, compound: 'yongan-jiayuan' } },
      'address.compound',
    ],
    ['a bad phone', { phone: '12345' }, 'phone'],
    ['an unknown reason', { reason: { kind: 'bored' } }, 'reason.kind'],
    ['no consent', { consent: false }, 'consent'],
    ['a service the community does not offer', { service: 'bank-account' }, 'service'],
    ['a service of nobody', { service: 'moon-landing' }, 'service'],
    ['an unknown community', { community: 'atlantis' }, 'community'],
    ['control characters', { forWhom: { ...aVisit.forWhom, name: '王\u0000建国' } }, 'forWhom.name'],
    ['a huge note', { reason: { kind: 'illness', note: '病'.repeat(501) } }, 'reason.note'],
    ['a number for a name', { forWhom: { ...aVisit.forWhom, name: 42 } }, 'forWhom.name'],
  ];
  for (const [what, body, field] of wrong) {
    it(`refuses ${what} with a 400 naming ${field}`, async () => {
      const before = await visitCount();
      const res = await d.request(body);
      expect(res.status).toBe(400);
      const error = (await errorOf(res)).error;
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {})).toEqual([field]);
      expect(await visitCount()).toBe(before);
    });
  }

  it('answers a body that is not JSON, or not an object, with a 400, never a 500', async () => {
    for (const body of ['{"community":', '[]', 'null', '"x"']) {
      const res = await d.t.app.request('/api/home-visits', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      expect([body, res.status]).toEqual([body, 400]);
    }
  });
});

describe('arbitrary input', () => {
  it('answers any request body with 201 or a 400 in the envelope, never a 500', async () => {
    const fields = [
      'community',
      'service',
      'forWhom',
      'address',
      'phone',
      'reason',
      'preferredTimes',
      'name',
      'consent',
    ];
    const nested = ['forWhom.name', 'forWhom.relation', 'address.room', 'address.compound', 'reason.kind'];
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...fields, ...nested], { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 30 })), {
          minLength: 3,
          maxLength: 3,
        }),
        async (broken, values) => {
          const body = structuredClone(aVisit) as Record<string, unknown>;
          broken.forEach((path, i) => {
            const [head, tail] = path.split('.') as [string, string?];
            if (tail) body[head] = { ...(body[head] as object), [tail]: values[i] };
            else body[head] = values[i];
          });
          const res = await d.t.post('/api/home-visits', body);
          expect([201, 400]).toContain(res.status);
          if (res.status === 400) expect((await errorOf(res)).error.fields).toBeDefined();
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('retries and bursts', () => {
  it('answers a retry with the same Idempotency-Key with the first answer, and writes one visit', async () => {
    const key = { 'Idempotency-Key': 'visit-retry-0001' };
    const before = await visitCount();
    const first = await d.request({}, key);
    const again = await d.request({}, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await visitCount()).toBe(before + 1);
  });

  it('writes one visit for a parallel burst of the same keyed request', async () => {
    const key = { 'Idempotency-Key': 'visit-burst-0001' };
    const before = await visitCount();
    const answers = await Promise.all(Array.from({ length: 20 }, () => d.request({ name: '同一个人' }, key)));
    const created = answers.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThan(0);
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect(new Set(await Promise.all(created.map(async (r) => (await r.json()).number))).size).toBe(1);
    expect(await visitCount()).toBe(before + 1);
  });
});

describe('the per-address budget', () => {
  it('refuses the requests over the hourly budget with 429 and Retry-After, shared with tickets', async () => {
    const small = await visitApp({ publicWritesPerHour: 3 });
    try {
      small.address = '198.51.100.9';
      expect((await small.request()).status).toBe(201);
      expect((await small.file()).status).toBe(201);
      expect((await small.request()).status).toBe(201);
      const over = await small.request();
      expect(over.status).toBe(429);
      expect((await errorOf(over)).error.code).toBe('too_many_writes');
      expect(Number(over.headers.get('Retry-After'))).toBeGreaterThan(0);
      small.address = '198.51.100.10';
      expect((await small.request()).status).toBe(201);
    } finally {
      await small.t.cleanup();
    }
  });
});

describe('the tracking link', () => {
  it('shows the request with the phone masked and the address as building and unit only', async () => {
    const { number, token } = await d.requestOk();
    const view = await d.tracked(number, token);
    expect(view).toMatchObject({
      number,
      status: 'requested',
      service: { code: 'sscard-replace' },
      partner: null,
      forWhom: { relation: 'family', name: '王建国', addressAs: '王大爷' },
      address: { building: '5号楼', unit: '1单元' },
      phone: '139****0009',
      reason: { kind: 'mobility' },
      preferredTimes: '周末上午',
      visitor: null,
      canAddInfo: false,
      retentionDays: 90,
    });
    expect(Object.keys(view.address)).toEqual(['building', 'unit']);
    expect(JSON.stringify(view)).not.toContain('302');
    expect(JSON.stringify(view)).not.toContain('中风');
    expect(view.timeline).toEqual([
      expect.objectContaining({ kind: 'requested', actor: 'resident', toStatus: 'requested' }),
    ]);
    const stored = await d.stored(number);
    // The bank's lead time is 7 working days: from Thursday 26 November, the end of Monday 7 December.
    expect(stored.createdAt).toBe(START);
    expect(stored.dueAt).toBe(workingDaysAfterStart(7));
  });

  it('answers a wrong token and a wrong number with the same 404', async () => {
    const { number, token } = await d.requestOk();
    const wrongToken = await d.track(number, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    const wrongNumber = await d.track('GR-H20991231-0001', token);
    expect(wrongToken.status).toBe(404);
    expect(wrongNumber.status).toBe(404);
    expect(await wrongToken.text()).toBe(await wrongNumber.text());
    expect((await d.track('not-a-number', token)).status).toBe(400);
  });
});

describe('community staff on the phone', () => {
  it('request a visit for a caller, who gets the number and link; staff of another community cannot', async () => {
    const body = { ...aVisit, channel: 'phone', forWhom: { ...aVisit.forWhom, relation: 'staff' } };
    const made = await d.t.api.desk['home-visits'].$post({ json: body as never }, await d.as('gongrenlu'));
    expect(made.status).toBe(201);
    const { number } = await made.json();
    const row = (await d.t.db.select().from(homeVisits).where(eq(homeVisits.number, number)))[0]!;
    expect(row).toMatchObject({ channel: 'phone', relation: 'staff' });
    expect(row.createdByStaffId).not.toBeNull();
    const elsewhere = await d.t.api.desk['home-visits'].$post({ json: body as never }, await d.as('yongan'));
    expect(elsewhere.status).toBe(404);
    const partner = await d.t.api.desk['home-visits'].$post({ json: body as never }, await d.as('boc-zhongyuan'));
    expect(partner.status).toBe(404);
  });
});
