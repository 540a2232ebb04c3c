import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, subdistricts, ticketCategories, tickets } from '../../schema/index.ts';
import { DAY_MS } from '../lib/time.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, HOUR_MS, START } from './test-helpers.ts';

let d: DeskApp;
type Row = typeof tickets.$inferSelect;
let ids: Record<string, number>;

/** A seeded generator, so a failure can be replayed. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 400 tickets with random statuses, times, ratings, follow-ups and hand-offs over the eight
 * months before START, in Yong'an and a second community of the same sub-district (万达社区,
 * added here), inserted straight into the table as the other desk writes would leave them.
 */
beforeAll(async () => {
  d = await deskApp();
  const db = d.t.db;
  const [sub] = await db.select().from(subdistricts).where(eq(subdistricts.slug, 'jianzhongjie'));
  await db
    .insert(communities)
    .values({ subdistrictId: sub!.id, slug: 'wanda', name: '万达社区', nameEn: 'Wanda', code: 'WD' });
  const all = await db.select().from(communities);
  ids = Object.fromEntries(all.map((c) => [c.slug, c.id]));
  const [category] = await db.select().from(ticketCategories).limit(1);
  const random = mulberry32(20261126);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const maybe = <T>(p: number, f: () => T) => (random() < p ? f() : null);
  const hours = (max: number) => Math.floor(random() * max) * HOUR_MS;
  const rows = Array.from({ length: 400 }, (_, i) => {
    const createdAt = START - Math.floor(random() * 240 * DAY_MS);
    const status = pick([
      'submitted',
      'accepted',
      'in_progress',
      'resolved',
      'closed',
      'rejected',
      'duplicate',
    ] as const);
    return {
      number: `GEN-${i}`,
      tokenHash: 'x',
      subdistrictId: sub!.id,
      communityId: random() < 0.6 ? ids.yongan! : ids.wanda!,
      categoryId: category!.id,
      owner: pick(['community', 'property', 'joint'] as const),
      status,
      description: '楼道灯不亮',
      location: '3号楼',
      name: '王大爷',
      phone: '13900000000',
      dueAt: createdAt + hours(240),
      handoffs: Math.floor(random() * 4),
      pausedAt: maybe(0.1, () => createdAt + hours(10)),
      firstResponseDueAt: maybe(0.9, () => createdAt + hours(72)),
      firstResponseAt: maybe(0.7, () => createdAt + hours(96)),
      // Hours only, so some times to resolve tie.
      resolvedAt: status === 'resolved' || status === 'closed' || random() < 0.1 ? createdAt + hours(400) : null,
      reopenCount: random() < 0.8 ? 0 : 1 + Math.floor(random() * 2),
      rating: maybe(0.5, () => 1 + Math.floor(random() * 5)),
      followUpResult: maybe(0.5, () => pick(['satisfied', 'partly', 'not_satisfied'] as const)),
      createdAt,
      updatedAt: createdAt,
    };
  });
  for (let i = 0; i < rows.length; i += 100) await db.insert(tickets).values(rows.slice(i, i + 100));
});
afterAll(() => d.t.cleanup());

const ratio = (numerator: number, denominator: number) => ({
  rate: denominator ? numerator / denominator : null,
  numerator,
  denominator,
});

/** The figures recomputed in plain JS from the rows, as the definitions in rates.ts say them. */
function expected(rows: Row[], now: number) {
  const cases = rows.filter((r) => r.status !== 'duplicate');
  const count = (f: (r: Row) => boolean) => cases.filter(f).length;
  const verdict = (r: Row) =>
    r.rating !== null ? (r.rating >= 4 ? 'satisfied' : r.rating === 3 ? 'partly' : 'not_satisfied') : r.followUpResult;
  const satisfied = count((r) => verdict(r) === 'satisfied');
  const partly = count((r) => verdict(r) === 'partly');
  const notSatisfied = count((r) => verdict(r) === 'not_satisfied');
  const resolved = cases.filter((r) => r.resolvedAt !== null);
  const took = resolved.map((r) => r.resolvedAt! - r.createdAt).sort((a, b) => a - b);
  const k = took.length;
  const joint = cases.filter((r) => r.owner === 'joint');
  const handoffs = joint.reduce((sum, r) => sum + r.handoffs, 0);
  return {
    cases: cases.length,
    response: ratio(
      count(
        (r) => r.firstResponseAt !== null && r.firstResponseDueAt !== null && r.firstResponseAt <= r.firstResponseDueAt,
      ),
      count((r) => r.firstResponseAt !== null || (r.firstResponseDueAt !== null && r.firstResponseDueAt < now)),
    ),
    resolution: ratio(
      count((r) => r.resolvedAt !== null && r.reopenCount === 0),
      cases.length,
    ),
    satisfaction: { ...ratio(satisfied + partly, satisfied + partly + notSatisfied), satisfied, partly, notSatisfied },
    onTime: ratio(resolved.filter((r) => r.resolvedAt! <= r.dueAt).length, resolved.length),
    medianHoursToResolve: k ? (took[Math.floor((k - 1) / 2)]! + took[Math.floor(k / 2)]!) / 2 / HOUR_MS : null,
    p90HoursToResolve: k ? took[Math.ceil(0.9 * k) - 1]! / HOUR_MS : null,
    jointCases: joint.length,
    handoffs,
    handoffsPerJoint: joint.length ? handoffs / joint.length : null,
    redone: count((r) => r.reopenCount > 0),
  };
}

const bounds = (from: string, to: string) => [
  Date.parse(`${from}T00:00:00+08:00`),
  Date.parse(`${to}T00:00:00+08:00`) + DAY_MS,
];
async function rowsOf(where: { communityId?: number; subdistrictId?: number }, from: string, to: string) {
  const [start, end] = bounds(from, to);
  return (await d.t.db.select().from(tickets)).filter(
    (r) =>
      r.createdAt >= start! &&
      r.createdAt < end! &&
      (where.communityId === undefined || r.communityId === where.communityId) &&
      (where.subdistrictId === undefined || r.subdistrictId === where.subdistrictId),
  );
}

type Query = { community?: string; subdistrict?: string; district?: '1'; from?: string; to?: string };
const rates = async (login: string, query: Query) =>
  d.t.api.desk.rates.$get({ query }, { headers: await d.headers(login) });
async function ratesOk(query: Query, login = 'erqi-admin') {
  const res = await rates(login, query);
  if (res.status !== 200) throw new Error(`rates failed: ${res.status} ${await res.text()}`);
  return res.json();
}

const periods = [
  { from: '2026-11-01', to: '2026-11-26' },
  { from: '2026-04-01', to: '2026-11-26' },
  { from: '2026-07-15', to: '2026-09-03' },
];

describe('the three rates', () => {
  it('match a plain re-computation for a community, a sub-district and the district over several periods', async () => {
    const [sub] = await d.t.db.select().from(subdistricts).where(eq(subdistricts.slug, 'jianzhongjie'));
    for (const p of periods) {
      for (const [query, where] of [
        [{ community: 'yongan' }, { communityId: ids.yongan }],
        [{ community: 'wanda' }, { communityId: ids.wanda }],
        [{ subdistrict: 'jianzhongjie' }, { subdistrictId: sub!.id }],
        [{ district: '1' }, {}],
      ] as const) {
        const body = await ratesOk({ ...query, ...p });
        const want = expected(await rowsOf(where, p.from, p.to), START);
        expect(want.cases).toBeGreaterThan(0);
        expect([query, p, body.rates]).toEqual([query, p, want]);
        expect(body).toMatchObject(p);
      }
    }
  });

  it('break a sub-district down into its communities and the district into sub-districts and communities', async () => {
    const p = periods[1]!;
    const sub = await ratesOk({ subdistrict: 'jianzhongjie', ...p });
    expect(sub.place).toEqual({
      kind: 'subdistrict',
      slug: 'jianzhongjie',
      name: '建中街街道',
      nameEn: expect.any(String),
    });
    expect(sub.breakdown.map((b) => b.place.slug)).toEqual(['wanda', 'yongan']);
    for (const b of sub.breakdown)
      expect(b.rates).toEqual(expected(await rowsOf({ communityId: ids[b.place.slug] }, p.from, p.to), START));
    const district = await ratesOk({ district: '1', ...p });
    expect(district.place.kind).toBe('district');
    const kinds = district.breakdown.map((b) => `${b.place.kind}:${b.place.slug}`);
    expect(kinds).toContain('subdistrict:jianzhongjie');
    expect(kinds).toContain('subdistrict:mifengzhang');
    expect(kinds).toContain('community:wanda');
    expect(district.breakdown.find((b) => b.place.slug === 'jianzhongjie')!.rates).toEqual(sub.rates);
    expect((await ratesOk({ community: 'yongan', ...p })).breakdown).toEqual([]);
  });

  it('give a six-month trend ending at `to`, each month re-computed', async () => {
    const body = await ratesOk({ community: 'yongan', from: '2026-11-01', to: '2026-11-20' });
    expect(body.trend.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const ends = ['2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-20'];
    for (const [i, m] of body.trend.entries())
      expect(m.rates).toEqual(expected(await rowsOf({ communityId: ids.yongan }, `${m.month}-01`, ends[i]!), START));
  });

  it('default to the last 30 days ending today', async () => {
    const body = await ratesOk({ community: 'yongan' });
    expect(body).toMatchObject({ from: '2026-10-28', to: '2026-11-26' });
    expect(body.rates).toEqual(expected(await rowsOf({ communityId: ids.yongan }, '2026-10-28', '2026-11-26'), START));
  });

  it('answer null, not 0% or 100%, where nothing counts', async () => {
    const body = await ratesOk({ community: 'yongan', from: '2025-01-01', to: '2025-01-31' });
    expect(body.rates).toMatchObject({
      cases: 0,
      response: { rate: null, numerator: 0, denominator: 0 },
      resolution: { rate: null },
      satisfaction: { rate: null },
      onTime: { rate: null },
      medianHoursToResolve: null,
      p90HoursToResolve: null,
      handoffsPerJoint: null,
    });
  });

  it('show each staff member only their places; property staff none', async () => {
    for (const [login, query, status] of [
      ['yongan', { community: 'yongan' }, 200],
      ['yongan', { community: 'wanda' }, 404],
      ['yongan', { subdistrict: 'jianzhongjie' }, 404],
      ['yongan', { district: '1' }, 404],
      ['jianzhongjie', { subdistrict: 'jianzhongjie' }, 200],
      ['jianzhongjie', { community: 'wanda' }, 200],
      ['jianzhongjie', { community: 'gongrenlu' }, 404],
      ['jianzhongjie', { subdistrict: 'songshanlu' }, 404],
      ['jianzhongjie', { district: '1' }, 404],
      ['erqi-admin', { district: '1' }, 200],
      ['erqi-admin', { community: 'atlantis' }, 404],
      ['yongan-wuye', { community: 'yongan' }, 403],
      ['weihongmin', { community: 'jieyunlu' }, 403],
    ] as const) {
      const res = await rates(login, query);
      expect([login, query, res.status]).toEqual([login, query, status]);
    }
    expect((await d.t.app.request('/api/desk/rates?district=1')).status).toBe(401);
  });

  it('name the field at fault', async () => {
    for (const [query, fields] of [
      [{ community: 'yongan', district: '1' }, ['community', 'district']],
      [{ community: 'yongan', from: '2026-11-20', to: '2026-11-01' }, ['from', 'to']],
      [{ community: 'yongan', from: '2025-01-01', to: '2026-11-01' }, ['from', 'to']],
      [{ community: 'yongan', from: '2026-02-30' }, ['from']],
      [{}, ['community']],
    ] as const) {
      const res = await rates('erqi-admin', query);
      expect(res.status).toBe(400);
      expect(Object.keys((await errorOf(res)).error.fields ?? {}).sort()).toEqual([...fields].sort());
    }
    // A full leap year is allowed.
    expect((await rates('erqi-admin', { community: 'yongan', from: '2027-11-27', to: '2028-11-26' })).status).toBe(200);
  });
});

describe('the rates as CSV', () => {
  it('starts with a BOM, has one row per place with every column, and is audited', async () => {
    const before = await d.auditCount('rates.export');
    const res = await d.t.api.desk['rates.csv'].$get(
      { query: { subdistrict: 'jianzhongjie', from: '2026-04-01', to: '2026-11-26' } },
      await d.as('jianzhongjie'),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="linli-rates-jianzhongjie-2026-04-01-2026-11-26.csv"; filename*=UTF-8''${encodeURIComponent(
        '三率-建中街街道-2026-04-01-2026-11-26.csv',
      )}`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const [head, ...rows] = lines.map((l) => l.split(','));
    expect(head!.slice(0, 5)).toEqual(['地区', '级别', '统计起', '统计止', '受理件数']);
    expect(head).toContain('响应率');
    expect(head).toContain('满意率');
    expect(rows.map((r) => r[0])).toEqual(['建中街街道', '万达社区', '永安社区']);
    for (const r of rows) expect(r).toHaveLength(head!.length);
    const json = await ratesOk({ subdistrict: 'jianzhongjie', from: '2026-04-01', to: '2026-11-26' });
    const col = (name: string) => rows[0]![head!.indexOf(name)];
    expect(col('受理件数')).toBe(String(json.rates.cases));
    expect(col('应响应件数')).toBe(String(json.rates.response.denominator));
    expect(col('响应率')).toBe(`${(json.rates.response.rate! * 100).toFixed(1)}%`);
    expect(await d.auditCount('rates.export')).toBe(before + 1);
  });

  it('comes as JSON with the same figures, one row per place, fractions for the rates', async () => {
    const query = { subdistrict: 'jianzhongjie', from: '2026-04-01', to: '2026-11-26' };
    const res = await d.t.api.desk.rates.export.$get(
      { query: { ...query, format: 'json' } },
      await d.as('jianzhongjie'),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: Record<string, unknown>[] };
    const report = await ratesOk(query);
    expect(body.rows.map((r) => r.place)).toEqual(['建中街街道', '万达社区', '永安社区']);
    expect(body.rows[0]).toMatchObject({
      kind: 'subdistrict',
      cases: report.rates.cases,
      toRespond: report.rates.response.denominator,
      responseRate: report.rates.response.rate,
      satisfactionRate: report.rates.satisfaction.rate,
    });
  });

  it('writes — for a rate with nothing to count, and refuses property staff', async () => {
    const res = await d.t.api.desk['rates.csv'].$get(
      { query: { community: 'yongan', from: '2025-01-01', to: '2025-01-31' } },
      await d.as('erqi-admin'),
    );
    const [head, row] = (await res.text())
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(row![head!.indexOf('满意率')]).toBe('—');
    const before = await d.auditCount('rates.export');
    const refused = await d.t.api.desk['rates.csv'].$get({ query: { community: 'yongan' } }, await d.as('yongan-wuye'));
    expect(refused.status).toBe(403);
    expect(await d.auditCount('rates.export')).toBe(before);
  });
});
