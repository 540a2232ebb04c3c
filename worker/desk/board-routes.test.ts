import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp, plainJpeg, upload } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

const board = async (community = 'yongan') => {
  const res = await d.t.api.board.$get({ query: { community } });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('public, max-age=30');
  return (await res.json()).tickets;
};
const meToo = (number: string) => d.t.app.request(`/api/board/${number}/me-too`, { method: 'POST' });

describe('the public board', () => {
  it("shows the community's open tickets without names, phones or tokens", async () => {
    const { number, token } = await d.fileOk({ name: '王秀英', phone: '13912345678' });
    const tickets = await board();
    const mine = tickets.find((t) => t.number === number);
    expect(mine).toMatchObject({
      status: 'submitted',
      owner: 'property',
      category: { code: 'repairs' },
      meToo: 0,
      photoCount: 0,
      overdue: false,
    });
    const text = JSON.stringify(tickets);
    for (const secret of ['王秀英', '13912345678', '139****5678', token, '张阿姨', '13800000001'])
      expect(text).not.toContain(secret);
    for (const t of tickets) {
      expect(t).not.toHaveProperty('name');
      expect(t).not.toHaveProperty('phone');
    }
  });

  it('lists only open tickets of the community asked for', async () => {
    const open = await d.fileOk();
    const done = await d.fileOk();
    await d.actOk('yongan-wuye', done.number, { action: 'reject', reason: '重复' });
    const elsewhere = await d.fileOk({ community: 'renhelu', compound: undefined });
    const numbers = (await board()).map((t) => t.number);
    expect(numbers).toContain(open.number);
    expect(numbers).not.toContain(done.number);
    expect(numbers).not.toContain(elsewhere.number);
    expect((await board()).every((t) => ['submitted', 'accepted', 'in_progress'].includes(t.status))).toBe(true);
    expect((await board('renhelu')).map((t) => t.number)).toContain(elsewhere.number);
    expect((await d.t.app.request('/api/board?community=atlantis')).status).toBe(404);
    expect((await d.t.app.request('/api/board')).status).toBe(400);
  });

  it('counts photos only where the resident let neighbours see them', async () => {
    const key = async () => (await (await upload(d.t.api, plainJpeg)).json()).key;
    const hidden = await d.fileOk({ photos: [await key()] });
    const shown = await d.fileOk({ photos: [await key(), await key()], photosPublic: true });
    const tickets = await board();
    expect(tickets.find((t) => t.number === hidden.number)?.photoCount).toBe(0);
    expect(tickets.find((t) => t.number === shown.number)?.photoCount).toBe(2);
  });
});

describe('me too', () => {
  it('counts once per network address', async () => {
    const { number } = await d.fileOk();
    const first = await meToo(number);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ meToo: 1 });
    expect(await (await meToo(number)).json()).toEqual({ meToo: 1 });
    d.address = '198.51.100.44';
    expect(await (await meToo(number)).json()).toEqual({ meToo: 2 });
    const raced = await Promise.all([1, 2, 3].map(() => meToo(number)));
    expect(raced.map((r) => r.status)).toEqual([200, 200, 200]);
    d.address = '203.0.113.7';
    expect((await board()).find((t) => t.number === number)?.meToo).toBe(2);
    expect(await d.view(number)).toMatchObject({ meToo: 2 });
  });

  it('puts the most shared problems first', async () => {
    const { number } = await d.fileOk({ description: '小区东门路灯不亮，晚上很黑' });
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5']) {
      d.address = address;
      expect((await meToo(number)).status).toBe(200);
    }
    d.address = '203.0.113.7';
    expect((await board())[0]).toMatchObject({ number, meToo: 5 });
  });

  it('answers 404 for a ticket that is missing or no longer open', async () => {
    const { number } = await d.fileOk();
    await d.actOk('yongan-wuye', number, { action: 'reject', reason: '不是物业的事' });
    const closed = await meToo(number);
    const missing = await meToo('YA-20991231-0001');
    expect([closed.status, missing.status]).toEqual([404, 404]);
    expect(await closed.text()).toBe(await missing.text());
    expect((await meToo('not-a-number')).status).toBe(400);
  });

  it("counts against the address's hourly budget of writes", async () => {
    const r = await deskApp({ publicWritesPerHour: 2 });
    try {
      const a = await r.fileOk();
      const b = await r.fileOk();
      r.address = '192.0.2.200';
      const res = await r.t.app.request(`/api/board/${a.number}/me-too`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect((await r.t.app.request(`/api/board/${b.number}/me-too`, { method: 'POST' })).status).toBe(200);
      const refused = await r.t.app.request(`/api/board/${a.number}/me-too`, { method: 'POST' });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await r.t.cleanup();
    }
  });
});

describe('the board wider than one community', () => {
  type BoardQuery = Parameters<typeof d.t.api.board.$get>[0]['query'];
  const page = async (query: BoardQuery) => {
    const res = await d.t.api.board.$get({ query });
    expect(res.status).toBe(200);
    return res.json();
  };
  const numbers = async (query: BoardQuery) => (await page({ limit: '100', ...query })).tickets.map((t) => t.number);

  it("a whole sub-district's board holds its communities' open tickets, the district's every one", async () => {
    const yongan = await d.fileOk({ name: '李大爷', phone: '13912340000' });
    const renhelu = await d.fileOk({ community: 'renhelu', compound: undefined });
    const jianzhongjie = await numbers({ subdistrict: 'jianzhongjie' });
    expect(jianzhongjie).toContain(yongan.number);
    expect(jianzhongjie).not.toContain(renhelu.number);
    expect(jianzhongjie).toEqual(await numbers({ community: 'yongan' }));
    const district = await numbers({ district: '1' });
    expect(district).toEqual(expect.arrayContaining([yongan.number, renhelu.number]));
    expect(new Set(district).size).toBe(district.length);
  });

  it('shows only public fields, and names the community of each ticket', async () => {
    const { tickets } = await page({ district: '1' });
    expect(tickets.length).toBeGreaterThan(1);
    for (const ticket of tickets) {
      expect(Object.keys(ticket).sort()).toEqual(
        [
          'category',
          'community',
          'compound',
          'createdAt',
          'description',
          'dueAt',
          'location',
          'meToo',
          'number',
          'overdue',
          'owner',
          'pausedAt',
          'photoCount',
          'status',
        ].sort(),
      );
      expect(ticket.community.slug).toMatch(/^[a-z-]+$/);
    }
    const text = JSON.stringify(tickets);
    for (const secret of ['李大爷', '13912340000', '张阿姨', '13800000001']) expect(text).not.toContain(secret);
    expect(tickets.find((t) => t.number.startsWith('RH-'))?.community).toEqual({
      slug: 'renhelu',
      name: '人和路社区',
      nameEn: 'Renhe Road Community',
    });
  });

  it('pages at most 100 at a time (50 unless asked), following the cursor without repeats or gaps', async () => {
    const all = await numbers({ district: '1' });
    expect(all.length).toBeGreaterThan(3);
    const first = await page({ district: '1' });
    expect(first.tickets.length).toBe(Math.min(all.length, 50));
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 50; i++) {
      const next = await page({ district: '1', limit: '2', after });
      seen.push(...next.tickets.map((t) => t.number));
      if (!next.nextAfter) break;
      after = next.nextAfter;
    }
    expect(seen).toEqual(all);
  });

  it('answers 400 naming the field for no place, two places, a bad district, limit or cursor; 404 for an unknown place', async () => {
    for (const [query, fields] of [
      ['', ['community']],
      ['community=yongan&district=1', ['community', 'district']],
      ['community=yongan&subdistrict=jianzhongjie', ['community', 'subdistrict']],
      ['district=yes', ['district']],
      ['district=1&limit=101', ['limit']],
      ['district=1&limit=0', ['limit']],
      ['district=1&after=3', ['after']],
    ] as const) {
      const res = await d.t.app.request(`/api/board?${query}`);
      expect(res.status, query).toBe(400);
      const { error } = await errorOf(res);
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}).sort(), query).toEqual([...fields].sort());
    }
    expect((await d.t.app.request('/api/board?subdistrict=atlantis')).status).toBe(404);
  });
});
