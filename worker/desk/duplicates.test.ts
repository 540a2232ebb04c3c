import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

const tracking = async (number: string, token: string) => (await d.track(number, token)).json();
const rate = (number: string, token: string, score = 4) => d.t.post(`/api/tickets/${number}/rating`, { token, score });
const meToo = (number: string) => d.t.post(`/api/board/${number}/me-too`, {});
const rateMeToo = (number: string, score: unknown = 4) => d.t.post(`/api/board/${number}/me-too/rating`, { score });

describe('a ticket merged into another as its duplicate', () => {
  it("shows its resident the surviving ticket's public timeline, and asks them to rate once it is resolved", async () => {
    const survivor = await d.fileOk();
    const dup = await d.fileOk({ name: '李叔叔', phone: '13800000009' });
    await d.actOk('yongan-wuye', dup.number, { action: 'duplicate', duplicateOf: survivor.number });
    await d.actOk('yongan-wuye', survivor.number, { action: 'accept', note: '维修工明天到' });
    await d.actOk('yongan-wuye', survivor.number, { action: 'note', visibility: 'internal', body: '内部：配件缺货' });

    const open = await tracking(dup.number, dup.token);
    expect(open).toMatchObject({
      status: 'duplicate',
      duplicateOf: survivor.number,
      survivor: { number: survivor.number, status: 'accepted', resolvedAt: null },
      canRate: false,
    });
    expect(open.survivor!.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'accepted']);
    expect(JSON.stringify(open.survivor)).not.toContain('配件缺货');
    expect(open.survivor!.timeline[0]).not.toHaveProperty('detail');
    expect((await rate(dup.number, dup.token)).status).toBe(409);

    await d.actOk('yongan-wuye', survivor.number, { action: 'resolve', note: '电梯修好了' });
    const done = await tracking(dup.number, dup.token);
    expect(done).toMatchObject({ survivor: { status: 'resolved' }, canRate: true });
    expect((await rate(dup.number, dup.token, 3)).status).toBe(201);
    expect(await tracking(dup.number, dup.token)).toMatchObject({ canRate: false, rating: { score: 3 } });
    expect((await rate(dup.number, dup.token)).status).toBe(409);
    // The survivor's own resident still rates their own ticket.
    expect((await tracking(survivor.number, survivor.token)).canRate).toBe(true);
  });

  it('has no survivor when it is not a duplicate', async () => {
    const t = await d.fileOk();
    expect(await tracking(t.number, t.token)).toMatchObject({ survivor: null });
  });
});

describe("a neighbour's rating after 'me too'", () => {
  it('is taken once per address, only from an address that said me too, once resolved', async () => {
    const { number } = await d.fileOk();
    d.address = '198.51.100.1';
    expect((await meToo(number)).status).toBe(200);
    const early = await rateMeToo(number);
    expect(early.status).toBe(409);
    expect((await errorOf(early)).error.code).toBe('rating_not_allowed');
    await d.actOk('yongan-wuye', number, { action: 'accept' });
    await d.actOk('yongan-wuye', number, { action: 'resolve', note: '修好了' });

    const mine = await d.t.app.request(`/api/board/me-toos?numbers=${number}`);
    expect(await mine.json()).toMatchObject({ tickets: [{ number, status: 'resolved', canRate: true, rating: null }] });
    expect((await rateMeToo(number, 0)).status).toBe(400);
    expect((await rateMeToo(number, 5)).status).toBe(201);
    const twice = await rateMeToo(number, 1);
    expect(twice.status).toBe(409);
    const after = await d.t.app.request(`/api/board/me-toos?numbers=${number}`);
    expect(await after.json()).toMatchObject({ tickets: [{ number, canRate: false, rating: 5 }] });

    d.address = '198.51.100.2';
    const stranger = await rateMeToo(number);
    expect(stranger.status).toBe(404);
    expect((await errorOf(stranger)).error.code).toBe('me_too_not_found');
    expect(await (await d.t.app.request(`/api/board/me-toos?numbers=${number}`)).json()).toEqual({ tickets: [] });
    d.address = '203.0.113.7';
  });
});
