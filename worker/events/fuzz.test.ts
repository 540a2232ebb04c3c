import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventsApp, eventsApp } from './test-helpers.ts';

/**
 * Whatever a phone, a calendar app or an attacker sends to the public events endpoints, the
 * answer is never a 5xx, and every 4xx carries the JSON error envelope.
 */
let e: EventsApp;
let eventId = 0;
let signup: Awaited<ReturnType<EventsApp['signUpOk']>>;
beforeAll(async () => {
  e = await eventsApp();
  eventId = (await e.create('erqi-admin', { capacity: 5 }))[0]!.id;
  signup = await e.signUpOk(eventId);
});
afterAll(() => e.t.cleanup());

const numRuns = 150;

async function expectWellFormed(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, `${what}: ${text}`).toBe('string');
    expect(typeof body.error?.message, `${what}: ${text}`).toBe('string');
  }
}

/** Ids: the real ones, plausible numbers, huge or negative ones, and anything (percent-encoded). */
const id = fc.oneof(
  fc
    .constantFrom(
      () => eventId,
      () => signup.id,
    )
    .map((f) => String(f())),
  fc.integer({ min: -5, max: 1_000_000 }).map(String),
  fc.constantFrom('1e3', '0x10', '9'.repeat(30), '1.5', '-0', ' 1', 'NaN'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
);
const token = fc.oneof(
  fc.constant(undefined).map(() => signup.token),
  fc.string({ maxLength: 50 }),
  fc.jsonValue(),
);
const query = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }).map(encodeURIComponent),
  fc
    .dictionary(
      fc.constantFrom('community', 'subdistrict', 'when', 'token', ''),
      fc.oneof(
        fc.constantFrom('jieyunlu', 'mifengzhang', 'past', 'upcoming', 'atlantis'),
        fc.string({ maxLength: 30 }),
      ),
    )
    .map((o) => new URLSearchParams(o).toString()),
  fc.constantFrom(
    'community=jieyunlu&community=yongan',
    'community=%',
    'subdistrict=%E4%B8',
    'when=past',
    'community=jieyunlu&subdistrict=jingguanglu',
  ),
);
/** Near-misses of a sign-up, and anything at all. */
const signupBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .record(
      {
        name: fc.oneof(fc.string({ maxLength: 50 }), fc.jsonValue()),
        phone: fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.string({ maxLength: 20 }), fc.jsonValue()),
        seats: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double(), fc.jsonValue()),
        token,
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);
const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 3 },
  fc.constantFrom<string | undefined>(
    undefined,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
  ),
);
const idempotencyKey = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  fc.stringMatching(/^[A-Za-z0-9_.:-]{8,20}$/),
  fc.string({ maxLength: 140 }).filter((k) => /^[\x21-\x7e]*$/.test(k)),
);

const send = (
  method: 'GET' | 'POST',
  path: string,
  payload?: string,
  headers: Record<string, string | undefined> = {},
) =>
  e.t.app.request(path, {
    method,
    body: payload,
    headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>,
  });

describe('public events endpoints under arbitrary input', () => {
  it('GET /api/events and /feeds/events.ics', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        await expectWellFormed(await send('GET', `/api/events?${q}`), `list ?${q}`);
        await expectWellFormed(await send('GET', `/feeds/events.ics?${q}`), `feed ?${q}`);
      }),
      { numRuns },
    );
  });

  it('GET /api/events/:id and its calendar.ics', async () => {
    await fc.assert(
      fc.asyncProperty(id, async (i) => {
        await expectWellFormed(await send('GET', `/api/events/${i}`), `event ${i}`);
        await expectWellFormed(await send('GET', `/api/events/${i}/calendar.ics`), `ics ${i}`);
      }),
      { numRuns },
    );
  });

  it('POST /api/events/:id/signups', async () => {
    await fc.assert(
      fc.asyncProperty(id, signupBody, contentType, idempotencyKey, async (i, payload, type, key) => {
        const res = await send('POST', `/api/events/${i}/signups`, payload, {
          'Content-Type': type,
          'Idempotency-Key': key,
        });
        await expectWellFormed(res, `signup ${i} ${type} ${payload.slice(0, 200)}`);
      }),
      { numRuns },
    );
  });

  it('GET /api/events/signups/:id and POST …/cancel', async () => {
    await fc.assert(
      fc.asyncProperty(id, token, query, signupBody, contentType, async (i, t, q, payload, type) => {
        const tok = typeof t === 'string' ? encodeURIComponent(t) : JSON.stringify(t);
        await expectWellFormed(await send('GET', `/api/events/signups/${i}?token=${tok}&${q}`), `mine ${i} ${tok}`);
        // A wrong token most of the time, so the real sign-up mostly survives the run.
        const body =
          payload.startsWith('{') && payload.length % 7 === 0
            ? JSON.stringify({ ...JSON.parse(payload), token: t })
            : payload;
        await expectWellFormed(
          await send('POST', `/api/events/signups/${i}/cancel`, body, { 'Content-Type': type }),
          `cancel ${i} ${body.slice(0, 200)}`,
        );
      }),
      { numRuns },
    );
  });

  it('answers the known shapes as residents expect', async () => {
    // The properties above would hold for an app that answers 400 to everything: pin a few answers.
    expect((await send('GET', '/api/events?community=jieyunlu')).status).toBe(200);
    expect((await send('GET', `/api/events/${eventId}/calendar.ics`)).status).toBe(200);
    const good = JSON.stringify({ name: '王阿姨', phone: e.nextPhone(), seats: 1 });
    expect(
      (await send('POST', `/api/events/${eventId}/signups`, good, { 'Content-Type': 'application/json' })).status,
    ).toBe(201);
    expect((await send('POST', `/api/events/${eventId}/signups`, good, { 'Content-Type': 'text/plain' })).status).toBe(
      400,
    );
    expect(
      (await send('POST', `/api/events/${eventId}/signups`, '{"name":', { 'Content-Type': 'application/json' })).status,
    ).toBe(400);
  });
});
