import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSignups } from '../../schema/index.ts';
import { errorOf } from '../test-helpers.ts';
import { DAY_MS, type EventsApp, eventsApp } from './test-helpers.ts';

let e: EventsApp;
beforeAll(async () => {
  e = await eventsApp();
});
afterAll(() => e.t.cleanup());

describe('a sign-up and its private link', () => {
  it('answers 201 with the status, a token and the phone masked', async () => {
    const [event] = await e.create();
    const res = await e.signUp(event!.id, { name: '李大爷', phone: '139 1234 5678', seats: 2 });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'confirmed', seats: 2, phone: '139****5678', name: '李大爷' });
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await e.mine(body.id, body.token);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).not.toContain('12345678');
    expect(JSON.parse(text)).toMatchObject({
      signup: { status: 'confirmed', phone: '139****5678' },
      event: { id: event!.id, seatsLeft: 28 },
      canCancel: true,
    });
  });

  it('answers the same 404 for a wrong token and a missing sign-up', async () => {
    const [event] = await e.create();
    const s = await e.signUpOk(event!.id);
    const wrong = await e.mine(s.id, 'A'.repeat(43));
    const missing = await e.mine(999_999, s.token);
    expect([wrong.status, missing.status]).toEqual([404, 404]);
    expect(await wrong.json()).toEqual(await missing.json());
    expect((await e.cancelMine({ id: s.id, token: 'B'.repeat(43) })).status).toBe(404);
  });

  it('returns the same sign-up for a retry with the same Idempotency-Key', async () => {
    const [event] = await e.create();
    const body = { name: '重试', phone: e.nextPhone(), seats: 1 };
    const first = await e.signUp(event!.id, body, { 'Idempotency-Key': 'signup-retry-0001' });
    const again = await e.signUp(event!.id, body, { 'Idempotency-Key': 'signup-retry-0001' });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const [n] = await e.t.db.select({ n: count() }).from(eventSignups).where(eq(eventSignups.eventId, event!.id));
    expect(n!.n).toBe(1);
  });

  it('refuses a second sign-up with the same phone, but allows one after cancelling', async () => {
    const [event] = await e.create();
    const phone = e.nextPhone();
    const first = await e.signUpOk(event!.id, { phone });
    const twice = await e.signUp(event!.id, { phone: `+86 ${phone}` });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({
      error: { code: 'already_signed_up', fields: { phone: expect.any(String) } },
    });
    await e.cancelMine(first);
    expect((await e.signUp(event!.id, { phone })).status).toBe(201);
  });

  it('cannot cancel twice, nor after the event has started', async () => {
    const [event] = await e.create();
    const s = await e.signUpOk(event!.id);
    const late = await e.signUpOk(event!.id);
    await e.cancelMine(s);
    const again = await e.cancelMine(s);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'already_cancelled' } });
    const saved = e.clock;
    e.clock += 3 * DAY_MS;
    const started = await e.cancelMine(late);
    e.clock = saved;
    expect(started.status).toBe(409);
    expect(await started.json()).toMatchObject({ error: { code: 'cancel_closed' } });
  });
});

describe('refusals', () => {
  const bad: [string, Record<string, unknown>, string[]][] = [
    ['no seats', { seats: 0 }, ['seats']],
    ['four seats', { seats: 4 }, ['seats']],
    ['half a seat', { seats: 1.5 }, ['seats']],
    ['seats as text', { seats: '2' }, ['seats']],
    ['a short phone', { phone: '12345' }, ['phone']],
    ['no name and no phone', { name: '  ', phone: undefined }, ['name', 'phone']],
  ];
  for (const [what, body, fields] of bad) {
    it(`answers 400 naming ${fields.join(' and ')} for ${what}`, async () => {
      const res = await e.signUp(1, body);
      expect(res.status).toBe(400);
      const error = (await errorOf(res)).error;
      expect(error.code).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields);
    });
  }

  it('answers 404 for an event that does not exist and 400 for a malformed id', async () => {
    expect((await e.signUp(999_999)).status).toBe(404);
    const malformed = await e.signUp('abc' as unknown as number);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { fields: { id: expect.any(String) } } });
  });

  it('answers 409 when sign-up is closed, the event started or was cancelled', async () => {
    const [closed] = await e.create('erqi-admin', { signupOpen: false });
    const [past] = await e.create('erqi-admin', {
      startsAt: new Date(e.clock - 3_600_000).toISOString(),
      endsAt: new Date(e.clock + 3_600_000).toISOString(),
    });
    const [cancelled] = await e.create();
    await e.cancel('erqi-admin', cancelled!.id, { version: cancelled!.version, reason: '下雨，改期' });
    for (const [event, message] of [
      [closed, /closed/],
      [past, /started/],
      [cancelled, /cancelled/],
    ] as const) {
      const res = await e.signUp(event!.id);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({
        error: { code: 'signup_closed', message: expect.stringMatching(message) },
      });
    }
  });
});

describe('the hourly budget of public writes', () => {
  it('turns the fourth sign-up from one address away with 429 and Retry-After', async () => {
    const limited = await eventsApp({ publicWritesPerHour: 3 });
    try {
      const [event] = await limited.create();
      for (let i = 0; i < 3; i++) expect((await limited.signUp(event!.id)).status).toBe(201);
      const res = await limited.signUp(event!.id);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
      limited.address = '198.51.100.1';
      expect((await limited.signUp(event!.id)).status).toBe(201);
    } finally {
      await limited.t.cleanup();
    }
  });
});
