import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../schema/index.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, HOUR_MS, START, workingDaysAfterStart } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

const ticketCount = async () => (await d.t.db.select({ n: count() }).from(tickets))[0]!.n;

/** The routing table of the joint desk (domain.md), written out independently of the demo data. */
const routing: Record<string, { owner: string; serviceDays: number; serviceHours?: number }> = {
  'public-facilities': { owner: 'property', serviceDays: 5 },
  repairs: { owner: 'property', serviceDays: 3 },
  parking: { owner: 'property', serviceDays: 5 },
  'culture-sports': { owner: 'community', serviceDays: 7 },
  'fire-safety': { owner: 'community', serviceDays: 3 },
  'illegal-construction': { owner: 'community', serviceDays: 7 },
  'rental-housing': { owner: 'community', serviceDays: 7 },
  'home-visit': { owner: 'community', serviceDays: 7 },
  'nuisance-garbage': { owner: 'joint', serviceDays: 5 },
  'not-sure': { owner: 'joint', serviceDays: 3 },
  // The urgent class, on the hours clock: 24 hours around the clock.
  'stairwell-light': { owner: 'property', serviceDays: 1, serviceHours: 24 },
  'fire-lane': { owner: 'community', serviceDays: 1, serviceHours: 24 },
};

describe('categories and routing', () => {
  it("lists each community's categories in plain words with examples", async () => {
    const res = await d.t.api.tickets.categories.$get({ query: { community: 'yongan' } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.categories.map((c) => c.code).sort()).toEqual(Object.keys(routing).sort());
    expect(body.categories.find((c) => c.code === 'public-facilities')).toMatchObject({
      name: '公共设施',
      nameEn: 'Public facilities',
      examples: expect.stringContaining('楼道灯'),
    });
    for (const c of body.categories) {
      expect(c.examples.length).toBeGreaterThan(0);
      const { serviceHours: _, ...rule } = routing[c.code]!;
      expect(c).toMatchObject(rule);
      expect(c).not.toHaveProperty('id');
    }
    expect(body.retentionDays).toBe(365);
  });

  it('answers 404 for a community that does not exist and 400 for a malformed one', async () => {
    const missing = await d.t.api.tickets.categories.$get({ query: { community: 'atlantis' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'community_not_found' } });
    const bad = await d.t.app.request('/api/tickets/categories?community=Not%20A%20Slug');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { community: expect.any(String) } } });
  });

  for (const [code, rule] of Object.entries(routing)) {
    const due = rule.serviceHours ? `${rule.serviceHours} hours` : `${rule.serviceDays} working days`;
    it(`gives a ${code} ticket to the ${rule.owner} owner, due in ${due}`, async () => {
      const { number, token } = await d.fileOk({ category: code });
      const tracked = await (await d.track(number, token)).json();
      expect(tracked).toMatchObject({
        owner: rule.owner,
        clock: rule.serviceHours ? 'hours' : 'working_days',
        dueAt: rule.serviceHours ? START + rule.serviceHours * HOUR_MS : workingDaysAfterStart(rule.serviceDays),
        category: { code },
      });
      expect(await d.view(number)).toMatchObject({ owner: rule.owner, status: 'submitted' });
    });
  }

  const wrongPlaces: [string, Record<string, unknown>, string][] = [
    ['an unknown community', { community: 'atlantis' }, 'community'],
    ['an unknown category', { category: 'alien-landing' }, 'category'],
    ['a category of no community', { community: 'renhelu', category: 'repairs-x' }, 'category'],
    ['an unknown compound', { compound: 'nowhere-court' }, 'compound'],
    ['a compound of another community', { compound: 'renhelu-6' }, 'compound'],
  ];
  for (const [what, body, field] of wrongPlaces) {
    it(`refuses ${what} with a 400 naming ${field}`, async () => {
      const before = await ticketCount();
      const res = await d.file(body);
      expect(res.status).toBe(400);
      const error = (await errorOf(res)).error;
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {})).toEqual([field]);
      expect(await ticketCount()).toBe(before);
    });
  }
});

describe('filing', () => {
  it('answers 201 with a human number and a 43-character private token', async () => {
    const res = await d.file({ community: 'renhelu', compound: 'renhelu-6', category: 'fire-safety' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.number).toBe('RH-20261126-0001');
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(body).sort()).toEqual(['number', 'token']);
  });

  it('numbers per community and per day in Zhengzhou', async () => {
    const yongan = await d.fileOk();
    expect(yongan.number).toMatch(/^YA-20261126-\d{4}$/);
    const next = await d.fileOk();
    expect(Number(next.number.slice(-4))).toBe(Number(yongan.number.slice(-4)) + 1);
    expect((await d.fileOk({ community: 'renhelu', compound: undefined })).number).toBe('RH-20261126-0002');
    d.clock = Date.UTC(2026, 10, 26, 15, 59, 59); // 23:59:59 in Zhengzhou
    expect((await d.fileOk({ community: 'renhelu', compound: undefined })).number).toBe('RH-20261126-0003');
    d.clock = Date.UTC(2026, 10, 26, 17); // 01:00 the next morning there, still the 26th in UTC
    expect((await d.fileOk({ community: 'renhelu', compound: undefined })).number).toBe('RH-20261127-0001');
    expect((await d.fileOk({ community: 'jieyunlu', compound: undefined, category: 'parking' })).number).toBe(
      'JY-20261127-0001',
    );
    d.clock = START;
  });

  it('gives every ticket its own token', async () => {
    const a = await d.fileOk();
    const b = await d.fileOk();
    expect(a.token).not.toBe(b.token);
    expect((await d.track(a.number, b.token)).status).toBe(404);
  });

  const phones: [string, boolean][] = [
    ['13800000001', true],
    ['138 0000 0001', true],
    ['138-0000-0001', true],
    ['+8613800000001', true],
    ['0371-66668888', true],
    ['12800000001', false],
    ['1380000000', false],
    ['138000000012', false],
    ['6666888', false],
    ['call me', false],
    ['', false],
  ];
  for (const [phone, ok] of phones) {
    it(`${ok ? 'takes' : 'refuses'} the phone number "${phone}"`, async () => {
      const res = await d.file({ phone });
      expect(res.status).toBe(ok ? 201 : 400);
      if (!ok)
        expect((await errorOf(res)).error.fields).toEqual({
          phone: 'Give a mobile number (11 digits) or a landline with area code.',
        });
    });
  }

  const invalid: [string, Record<string, unknown>, string[]][] = [
    ['consent not given', { consent: false }, ['consent']],
    ['consent missing', { consent: undefined }, ['consent']],
    ['consent as a string', { consent: 'true' }, ['consent']],
    ['a description too short', { description: '坏了' }, ['description']],
    ['a description only of spaces', { description: '        ' }, ['description']],
    ['a description too long', { description: '很'.repeat(2001) }, ['description']],
    ['no location', { location: ' ' }, ['location']],
    [
      'five photos',
      {
        photos: [
          'p/2026/11/aaaaaaaaaa',
          'p/2026/11/bbbbbbbbbb',
          'p/2026/11/cccccccccc',
          'p/2026/11/dddddddddd',
          'p/2026/11/eeeeeeeeee',
        ],
      },
      ['photos'],
    ],
    ['a photo key with dots', { photos: ['../../etc/passwd'] }, ['photos.0']],
    ['several problems at once', { consent: false, phone: '1', description: '' }, ['consent', 'description', 'phone']],
  ];
  for (const [what, body, fields] of invalid) {
    it(`refuses ${what} with a 400 naming ${fields.join(', ')}`, async () => {
      const before = await ticketCount();
      const res = await d.file(body);
      expect(res.status).toBe(400);
      const error = (await errorOf(res)).error;
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields);
      expect(await ticketCount()).toBe(before);
    });
  }

  it('takes a description of exactly 2000 characters', async () => {
    expect((await d.file({ description: '很'.repeat(2000) })).status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first ticket and files nothing more', async () => {
    const key = { 'Idempotency-Key': 'retry-0001-abcdef' };
    const before = await ticketCount();
    const first = await d.file({}, key);
    expect(first.status).toBe(201);
    const retry = await d.file({}, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await ticketCount()).toBe(before + 1);
  });

  it('never answers a different request with the ticket filed under the same key', async () => {
    const key = { 'Idempotency-Key': 'reused-key-0004' };
    const first = await (await d.file({}, key)).json();
    const other = await d.file({ name: '李大爷', phone: '13911112222', description: '3号楼门口的路灯不亮了' }, key);
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    const body = await other.json();
    expect(body.number).not.toBe(first.number);
    expect(body.token).not.toBe(first.token);
    const retry = await d.file({ name: '李大爷', phone: '13911112222', description: '3号楼门口的路灯不亮了' }, key);
    expect(await retry.json()).toEqual(body);
  });

  it('files once when the retries race each other', async () => {
    const key = { 'Idempotency-Key': 'race-0002-abcdef' };
    const before = await ticketCount();
    const answers = await Promise.all(Array.from({ length: 6 }, () => d.file({}, key)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const numbers = new Set(
      await Promise.all(answers.filter((r) => r.status === 201).map(async (r) => (await r.json()).number)),
    );
    expect(numbers.size).toBe(1);
    expect(await ticketCount()).toBe(before + 1);
  });

  it('lets a retry succeed after a failed first attempt', async () => {
    const key = { 'Idempotency-Key': 'fix-and-retry-0003' };
    expect((await d.file({ category: 'alien-landing' }, key)).status).toBe(400);
    const fixed = await d.file({}, key);
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  for (const bad of ['short', 'has spaces in it', 'x'.repeat(129), 'semi;colon;key']) {
    it(`refuses the key ${JSON.stringify(bad.slice(0, 20))} with a 400`, async () => {
      const before = await ticketCount();
      const res = await d.file({}, { 'Idempotency-Key': bad });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'invalid_input', fields: { 'Idempotency-Key': expect.any(String) } },
      });
      expect(await ticketCount()).toBe(before);
    });
  }
});

describe('the hourly budget of public writes', () => {
  let r: DeskApp;
  beforeAll(async () => {
    r = await deskApp({ publicWritesPerHour: 3 });
  });
  afterAll(() => r.t.cleanup());

  it('answers 429 with Retry-After once an address has used its budget, and only for that address', async () => {
    const kept = await r.file({}, { 'Idempotency-Key': 'budget-first-0001' });
    expect(kept.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      r.clock += 60_000;
      expect((await r.file()).status).toBe(201);
    }
    const before = await r.t.db.select({ n: count() }).from(tickets);
    const refused = await r.file();
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600 - 120);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_writes', message: expect.any(String) } });
    expect(await r.t.db.select({ n: count() }).from(tickets)).toEqual(before);

    // A retry of a ticket already filed is not a new write.
    const replay = await r.file({}, { 'Idempotency-Key': 'budget-first-0001' });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(await kept.json());

    r.address = '198.51.100.20';
    expect((await r.file()).status).toBe(201);
    r.address = '203.0.113.7';
    r.clock += wait * 1000;
    expect((await r.file()).status).toBe(201);
  });
});
