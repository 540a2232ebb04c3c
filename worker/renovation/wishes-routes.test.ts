import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photos, renovationWishes } from '../../schema/index.ts';
import { plainJpeg, upload } from '../desk/test-helpers.ts';
import { errorOf } from '../test-helpers.ts';
import { aWish, JIEYUNLI, RENHE, type RenovationApp, renovationApp } from './test-helpers.ts';

let r: RenovationApp;
beforeAll(async () => {
  r = await renovationApp();
});
afterAll(() => r.t.cleanup());

const meToo = (number: string) => r.t.app.request(`/api/renovation/wishes/${number}/me-too`, { method: 'POST' });
const uploadedKey = async () => (await (await upload(r.t.api, plainJpeg)).json()).key;

describe('residents read projects', () => {
  it('lists the projects of a community or a compound, with their plan items', async () => {
    const byCommunity = await r.api.projects.$get({ query: { community: 'renhelu' } });
    expect(byCommunity.status).toBe(200);
    const { projects } = await byCommunity.json();
    expect(projects).toHaveLength(1);
    expect(projects[0]).toMatchObject({
      id: RENHE,
      status: 'completed',
      compound: { slug: 'renhelu-6', name: '人和路6号院' },
      community: { slug: 'renhelu', nameAssumed: true },
      counts: { wishes: 4, cameTrue: 4 },
    });
    expect(projects[0]!.items.map((i) => i.title)).toContain('保护老紫藤树');
    expect(projects[0]!.items.every((i) => i.status === 'done')).toBe(true);
    const byCompound = await (await r.api.projects.$get({ query: { compound: 'tiedao-jieyunli' } })).json();
    expect(byCompound.projects.map((p) => p.id)).toEqual([JIEYUNLI]);
    expect((await (await r.api.projects.$get({ query: { community: 'yongan' } })).json()).projects).toEqual([]);
  });

  it('answers 400 without a place or with both, and 404 for a place that does not exist', async () => {
    expect((await r.t.app.request('/api/renovation/projects')).status).toBe(400);
    expect((await r.t.app.request('/api/renovation/projects?community=renhelu&compound=renhelu-6')).status).toBe(400);
    const missing = await r.t.app.request('/api/renovation/projects?community=atlantis');
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).error.code).toBe('community_not_found');
    expect((await r.t.app.request('/api/renovation/projects/999')).status).toBe(404);
    expect((await r.t.app.request('/api/renovation/projects/1e3')).status).toBe(400);
  });

  it("shows the Renhe Road project as the page tells it: wishes that came true, the objection's meeting, the report", async () => {
    const p = await r.page(RENHE);
    const cameTrue = p.wishGroups.find((g) => g.outcome === 'came_true')!.wishes;
    expect(cameTrue.map((w) => w.answer.item?.title).sort()).toEqual(
      ['保护老紫藤树', '保护老紫藤树', '健康步道', '门球场和增设座椅'].sort(),
    );
    const [meeting] = p.meetings.past;
    expect(meeting).toMatchObject({ type: 'four_party', parties: { partyBranch: expect.stringContaining('党支部') } });
    expect(meeting!.agenda[0]).toMatchObject({ decision: 'changed', item: { title: '保护老紫藤树' } });
    expect(p.meetings.next).toBeNull();
    expect(p.articles.map((a) => a.headline)).toEqual(['“五民工程”打造“五心楼院” 老旧小区变身和美小院']);
    expect(p.partners.map((x) => x.role)).toEqual(['contractor', 'supervisor']);
  });

  it('shows the consultation in Tiedao Jieyunli with open wishes and its next meeting', async () => {
    const p = await r.page(JIEYUNLI);
    expect(p).toMatchObject({ status: 'consulting', demo: true });
    expect(p.meetings.next).toMatchObject({ type: 'renovation', signupOpen: true });
    expect(p.meetings.next!.startsAt).toBeGreaterThan(r.clock);
    expect(p.meetings.next!.agenda).toHaveLength(2);
    expect(p.wishGroups.map((g) => g.outcome)).toEqual(['on_agenda', 'received']);
  });
});

describe('filing a wish or an objection', () => {
  it('answers 201 with a human number and a private token, and lists it without name or phone', async () => {
    const res = await r.wish({ name: '李大爷', phone: '13912345678' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['number', 'token']);
    expect(body.number).toMatch(/^JY-20261126-W\d{4}$/);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const next = await r.wishOk({ kind: 'objection' });
    expect(Number(next.number.slice(-4))).toBe(Number(body.number.slice(-4)) + 1);
    const page = JSON.stringify(await r.page(JIEYUNLI));
    expect(page).toContain(body.number);
    expect(page).not.toContain('13912345678');
    expect(page).not.toContain('李大爷');
    expect(page).not.toContain(aWish.phone);
    expect(page).not.toContain(aWish.name);
    expect(page).not.toContain('token');
  });

  const invalid: [string, Record<string, unknown>, string[]][] = [
    ['no consent', { consent: false }, ['consent']],
    ['consent as a string', { consent: 'true' }, ['consent']],
    ['an unknown kind', { kind: 'complaint' }, ['kind']],
    ['a description too short', { description: '好' }, ['description']],
    ['a description of control characters', { description: '\u0000\u0000\u0000\u0000\u0000' }, ['description']],
    ['a description too long', { description: '很'.repeat(2001) }, ['description']],
    ['a wrong phone', { phone: '12345' }, ['phone']],
    ['no phone', { phone: undefined }, ['phone']],
    ['a location too long', { location: '楼'.repeat(201) }, ['location']],
    ['an item that is not an id', { item: 'seats' }, ['item']],
    [
      'five photos',
      { photos: ['p/aaaaaaaaaa', 'p/bbbbbbbbbb', 'p/cccccccccc', 'p/dddddddddd', 'p/eeeeeeeeee'] },
      ['photos'],
    ],
    ['a photo key with dots', { photos: ['../../etc/passwd'] }, ['photos.0']],
    ['several at once', { consent: false, phone: '1', description: '' }, ['consent', 'description', 'phone']],
  ];
  for (const [what, body, fields] of invalid) {
    it(`refuses ${what} with a 400 naming ${fields.join(', ')}`, async () => {
      const before = await r.wishRows();
      const res = await r.wish(body);
      expect(res.status).toBe(400);
      const error = (await errorOf(res)).error;
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields);
      expect(await r.wishRows()).toBe(before);
    });
  }

  it('takes an item of the project, and refuses one of another project naming item', async () => {
    const page = await r.page(JIEYUNLI);
    const item = page.items[1]!;
    const filed = await r.wishOk({ item: item.id, kind: 'objection' });
    expect((await (await r.trackWish(filed.number, filed.token)).json()).item).toEqual({
      id: item.id,
      title: item.title,
    });
    const renheItem = (await r.page(RENHE)).items[0]!.id;
    const res = await r.wish({ item: renheItem });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).error.fields).toEqual({ item: 'No such item in this plan.' });
  });

  it('answers 404 for a project that does not exist and 409 for a completed one', async () => {
    expect((await r.wish({}, {}, 999)).status).toBe(404);
    const closed = await r.wish({}, {}, RENHE);
    expect(closed.status).toBe(409);
    expect((await errorOf(closed)).error.code).toBe('project_closed');
  });

  it('claims uploaded photos, shows them to the resident only, and refuses a photo twice', async () => {
    const key = await uploadedKey();
    const filed = await r.wishOk({ photos: [key] });
    const [row] = await r.t.db.select().from(photos).where(eq(photos.key, key));
    const [wish] = await r.t.db.select().from(renovationWishes).where(eq(renovationWishes.number, filed.number));
    expect(row).toMatchObject({ wishId: wish!.id, position: 0, ticketId: null });
    expect((await (await r.trackWish(filed.number, filed.token)).json()).photoCount).toBe(1);
    const mine = await r.t.app.request(`/api/renovation/wishes/${filed.number}/photos/0?token=${filed.token}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    // Not public unless the resident said so; not through /photos/KEY either, even for staff who write news.
    expect((await r.t.app.request(`/api/renovation/wishes/${filed.number}/photos/0`)).status).toBe(404);
    const headers = await r.headers('jieyunlu');
    expect((await r.t.app.request(`/photos/${key}`, { headers })).status).toBe(404);
    expect((await r.t.app.request(`/api/renovation/wishes/${filed.number}/photos/0`, { headers })).status).toBe(200);
    expect((await r.t.app.request(`/photos/${key}`, { headers: await r.headers('yongan') })).status).toBe(404);
    // A photo a wish holds cannot be claimed again, by a wish or a ticket.
    const again = await r.wish({ photos: [key] });
    expect(again.status).toBe(400);
    expect(Object.keys((await errorOf(again)).error.fields ?? {})).toEqual(['photos']);
    expect((await r.file({ photos: [key] })).status).toBe(400);
    expect((await r.wish({ photos: ['p/2026/11/never-uploaded-key'] })).status).toBe(400);
  });

  it('shows photos on the public list only when the resident agreed', async () => {
    const key = await uploadedKey();
    const filed = await r.wishOk({ photos: [key], photosPublic: true, description: '健身器材旁边加个遮阳棚。' });
    const shown = (await r.page(JIEYUNLI)).wishGroups.flatMap((g) => g.wishes).find((w) => w.number === filed.number);
    expect(shown!.photoCount).toBe(1);
    const res = await r.t.app.request(`/api/renovation/wishes/${filed.number}/photos/0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('Idempotency-Key on a wish', () => {
  it('answers a retry with the first answer and files one row', async () => {
    const key = { 'Idempotency-Key': 'wish-retry-0001' };
    const description = '重试的小心愿：楼下加装晾衣架。';
    const first = await r.wish({ description }, key);
    expect(first.status).toBe(201);
    const retry = await r.wish({ description }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await r.wishRows({ description })).toBe(1);
  });

  it('files once when a burst of identical keyed requests races', async () => {
    const key = { 'Idempotency-Key': 'wish-burst-0002' };
    const description = '并发的小心愿：单元门换成电子门禁。';
    const answers = await Promise.all(Array.from({ length: 8 }, () => r.wish({ description }, key)));
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const numbers = new Set(
      await Promise.all(answers.filter((a) => a.status === 201).map(async (a) => (await a.json()).number)),
    );
    expect(numbers.size).toBe(1);
    expect(await r.wishRows({ description })).toBe(1);
  });

  it('files again after a refused attempt with the same key', async () => {
    const key = { 'Idempotency-Key': 'wish-fix-0003' };
    expect((await r.wish({ consent: false }, key)).status).toBe(400);
    const fixed = await r.wish({}, key);
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('the hourly budget', () => {
  let b: RenovationApp;
  beforeAll(async () => {
    b = await renovationApp({ publicWritesPerHour: 2 });
  });
  afterAll(() => b.t.cleanup());

  it('counts wishes with tickets and "me too"s per address, and answers 429 with Retry-After', async () => {
    expect((await b.wish()).status).toBe(201);
    expect((await b.file()).status).toBe(201);
    const before = await b.wishRows();
    const refused = await b.wish();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(refused)).error.code).toBe('too_many_writes');
    expect(await b.wishRows()).toBe(before);
    b.address = '198.51.100.77';
    expect((await b.wish()).status).toBe(201);
  });
});

describe('tracking a wish', () => {
  it('shows the answer and the own timeline, phone masked, name to the resident only', async () => {
    const { number, token } = await r.wishOk({ name: '赵阿姨', phone: '13611112222' });
    const res = await r.trackWish(number, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      number,
      kind: 'wish',
      name: '赵阿姨',
      phone: '136****2222',
      answer: { outcome: 'received', at: null },
      project: { id: JIEYUNLI, compound: { slug: 'tiedao-jieyunli' } },
    });
    expect(body.timeline).toEqual([
      expect.objectContaining({ kind: 'submitted', outcome: 'received', actor: 'resident' }),
    ]);
    expect(JSON.stringify(body)).not.toContain('13611112222');
    expect(body).not.toHaveProperty('version');
  });

  it('answers a wrong token, another wish’s token and a missing number with the same 404', async () => {
    const mine = await r.wishOk();
    const theirs = await r.wishOk();
    const answers = await Promise.all([
      r.trackWish(mine.number, 'A'.repeat(43)),
      r.trackWish(mine.number, theirs.token),
      r.trackWish('JY-20261126-W9999', mine.token),
      r.trackWish('ZZ-20000101-W0001', mine.token),
    ]);
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({
      error: { code: 'wish_not_found', message: 'No wish with this number and link.' },
    });
    const badToken = await r.trackWish(mine.number, 'short');
    expect((await errorOf(badToken)).error.fields).toEqual({ token: 'Not a tracking token.' });
    expect((await errorOf(await r.trackWish('RH-1', mine.token))).error.fields).toEqual({
      number: 'Not a wish number.',
    });
  });
});

describe('"me too" (我也希望)', () => {
  it('counts once per network address, and shows on the public list', async () => {
    const { number } = await r.wishOk({ description: '希望在小区里加几个快递柜。' });
    expect(await (await meToo(number)).json()).toEqual({ meToo: 1 });
    expect(await (await meToo(number)).json()).toEqual({ meToo: 1 });
    r.address = '198.51.100.45';
    const raced = await Promise.all([1, 2, 3].map(() => meToo(number)));
    expect(raced.every((a) => a.status === 200)).toBe(true);
    r.address = '203.0.113.7';
    const shown = (await r.page(JIEYUNLI)).wishGroups.flatMap((g) => g.wishes).find((w) => w.number === number);
    expect(shown).toMatchObject({ meToo: 2, canMeToo: true });
  });

  it('is for open wishes only: not objections, not finished ones, not unknown numbers', async () => {
    const objection = await r.wishOk({ kind: 'objection' });
    expect((await meToo(objection.number)).status).toBe(404);
    const cameTrue = (await r.page(RENHE)).wishGroups[0]!.wishes.find((w) => w.kind === 'wish')!;
    const closed = await meToo(cameTrue.number);
    expect(closed.status).toBe(409);
    expect((await errorOf(closed)).error.code).toBe('wish_closed');
    expect((await meToo('JY-20991231-W0001')).status).toBe(404);
    expect((await meToo('not-a-number')).status).toBe(400);
  });
});
