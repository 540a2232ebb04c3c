import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTicket, type DeskApp, deskApp } from './test-helpers.ts';

/**
 * Whatever a phone, a crawler or an attacker sends to the residents' endpoints, the answer is
 * never a 5xx, and every 4xx carries the JSON error envelope the web app reads.
 */
let d: DeskApp;
let real: { number: string; token: string };
let resolved: { number: string; token: string };
beforeAll(async () => {
  d = await deskApp();
  real = await d.fileOk();
  resolved = await d.fileOk();
  await d.actOk('yongan-wuye', resolved.number, { action: 'accept' });
  await d.actOk('yongan-wuye', resolved.number, { action: 'resolve', note: '已修好' });
});
afterAll(() => d.t.cleanup());

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

/** Ticket numbers: real ones, well-formed ones, and anything at all (percent-encoded). */
const number = fc.oneof(
  fc
    .constantFrom(
      () => real.number,
      () => resolved.number,
    )
    .map((f) => f()),
  fc.stringMatching(/^[A-Z]{2,4}-\d{8}-\d{4,7}$/),
  fc
    .string({ unit: 'binary', maxLength: 40 })
    .filter((s) => s.length > 0)
    .map(encodeURIComponent),
);
/** Query strings as sent, including broken percent-escapes and repeated keys. */
const query = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }).map(encodeURIComponent),
  fc
    .dictionary(fc.constantFrom('token', 'community', 'x', ''), fc.string({ maxLength: 50 }))
    .map((o) => new URLSearchParams(o).toString()),
  fc
    .constantFrom(
      'token=%',
      'token=%E4%B8',
      'community=yongan&community=renhelu',
      () => `token=${real.token}&token=${real.token}`,
    )
    .map((q) => (typeof q === 'function' ? q() : q)),
  fc
    .constantFrom(
      () => `token=${real.token}`,
      () => `token=${resolved.token}&community=yongan`,
      () => 'community=yongan',
    )
    .map((f) => f()),
);
const token = fc.oneof(
  fc
    .constantFrom(
      () => real.token,
      () => resolved.token,
    )
    .map((f) => f()),
  fc.string({ maxLength: 50 }),
  fc.jsonValue(),
);
/** Bodies: arbitrary JSON, arbitrary text, and near-misses of what the endpoints expect. */
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .record(
      {
        token,
        message: fc.jsonValue(),
        reason: fc.oneof(fc.string(), fc.jsonValue()),
        score: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.jsonValue()),
        comment: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
);
/** A good ticket somewhere in the district, with none, one or two fields replaced by anything. */
const places = [
  ['yongan', 'yongan-jiayuan'],
  ['yongan', undefined],
  ['renhelu', 'renhelu-6'],
  ['gongrenlu', undefined],
  ['jieyunlu', 'tiedao-jieyunli'],
  ['yongan', 'renhelu-6'],
  ['atlantis', 'nowhere'],
] as const;
const nearMissTicket = fc
  .tuple(
    fc.constantFrom(...places),
    fc.constantFrom('repairs', 'not-sure', 'fire-safety', 'home-visit', 'nope'),
    fc.boolean(),
    fc.oneof(
      { arbitrary: fc.constant([]), weight: 2 },
      fc.subarray([...Object.keys(aTicket), 'photos', 'photosPublic'], { minLength: 1, maxLength: 2 }),
    ),
    fc.jsonValue(),
    fc.string({ unit: 'binary', maxLength: 30 }),
  )
  .map(([[community, compound], category, photosPublic, broken, json, text]) => ({
    ...aTicket,
    community,
    compound,
    category,
    photosPublic,
    ...Object.fromEntries(broken.map((k, i) => [k, i === 0 ? json : text])),
  }));
const ticketBody = fc.oneof(body, { arbitrary: nearMissTicket.map((v) => JSON.stringify(v)), weight: 3 });
const contentType = fc.oneof(
  { arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8'), weight: 3 },
  fc.constantFrom<string | undefined>(
    undefined,
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'application/vnd.api+json',
  ),
);
/** Mostly no key or a good one; sometimes anything a header can carry. */
const idempotencyKey = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  fc.stringMatching(/^[A-Za-z0-9_.:-]{8,20}$/),
  fc.string({ maxLength: 140 }).filter((k) => /^[\x21-\x7e]*$/.test(k)),
);
/** A ticket with its own token (so the request reaches the ticket), or anything else. */
const numberAndToken = fc.oneof(
  fc.tuple(number, token),
  fc
    .constantFrom(
      () => real,
      () => resolved,
    )
    .map((f) => [f().number, f().token] as const),
);

const send = (method: 'GET' | 'POST', path: string, payload?: string, type?: string) =>
  d.t.app.request(path, { method, body: payload, headers: type ? { 'Content-Type': type } : {} });

describe("residents' endpoints under arbitrary input", () => {
  it('POST /api/tickets', async () => {
    await fc.assert(
      fc.asyncProperty(ticketBody, contentType, idempotencyKey, async (payload, type, key) => {
        const res = await d.t.app.request('/api/tickets', {
          method: 'POST',
          body: payload,
          headers: {
            ...(type ? { 'Content-Type': type } : {}),
            ...(key === undefined ? {} : { 'Idempotency-Key': key }),
          },
        });
        await expectWellFormed(res, `POST /api/tickets ${type} ${payload.slice(0, 200)}`);
      }),
      { numRuns },
    );
  });

  for (const what of ['info', 'reopen', 'rating', 'confirm'] as const) {
    it(`POST /api/tickets/:number/${what}`, async () => {
      await fc.assert(
        fc.asyncProperty(numberAndToken, body, contentType, async ([n, t], payload, type) => {
          // Half the time the body carries the ticket's own token, to reach what lies behind it.
          const withToken =
            payload.startsWith('{') && payload.length % 2 === 0
              ? JSON.stringify({ ...JSON.parse(payload), token: t })
              : payload;
          await expectWellFormed(
            await send('POST', `/api/tickets/${n}/${what}`, withToken, type),
            `POST ${n}/${what} ${type} ${withToken.slice(0, 200)}`,
          );
        }),
        { numRuns },
      );
    });
  }

  it('POST /api/board/:number/me-too', async () => {
    await fc.assert(
      fc.asyncProperty(number, fc.option(body), contentType, async (n, payload, type) => {
        await expectWellFormed(await send('POST', `/api/board/${n}/me-too`, payload ?? undefined, type), `me-too ${n}`);
      }),
      { numRuns },
    );
  });

  it('GET /api/tickets/:number', async () => {
    await fc.assert(
      fc.asyncProperty(numberAndToken, query, fc.boolean(), async ([n, t], q, own) => {
        const path =
          own && typeof t === 'string'
            ? `/api/tickets/${n}?token=${encodeURIComponent(t)}&${q}`
            : `/api/tickets/${n}?${q}`;
        await expectWellFormed(await send('GET', path), `GET ${path}`);
      }),
      { numRuns },
    );
  });

  it('GET /api/tickets/categories', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        await expectWellFormed(await send('GET', `/api/tickets/categories?${q}`), `categories?${q}`);
      }),
      { numRuns },
    );
  });

  it('POST /api/desk/tickets/:number/actions (staff, on a fresh ticket each run)', async () => {
    const action = fc.record(
      {
        action: fc.constantFrom(
          'accept',
          'start',
          'resolve',
          'reject',
          'duplicate',
          'reroute',
          'flag',
          'unflag',
          'note',
          'close',
        ),
        version: fc.oneof({ arbitrary: fc.constant('current'), weight: 4 }, fc.jsonValue()),
        dueDate: fc.oneof(fc.constant(undefined), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.jsonValue()),
        note: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue()),
        reason: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue()),
        duplicateOf: fc.oneof(fc.constant('real'), fc.stringMatching(/^[A-Z]{2}-\d{8}-\d{4}$/), fc.jsonValue()),
        owner: fc.constantFrom('community', 'property', 'joint', 'mayor'),
        category: fc.constantFrom('repairs', 'not-sure', 'nope', 'NOT A CODE'),
        visibility: fc.constantFrom('public', 'internal', 'secret'),
        body: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue()),
      },
      { requiredKeys: ['action'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 4 }), async (actions) => {
        const { number } = await d.fileOk({ category: 'not-sure' });
        for (const a of actions) {
          const version = a.version === 'current' ? (await d.view(number)).version : a.version;
          const sent = { ...a, version, duplicateOf: a.duplicateOf === 'real' ? real.number : a.duplicateOf };
          await expectWellFormed(
            await d.t.post(`/api/desk/tickets/${number}/actions`, sent, await d.headers('erqi-admin')),
            `action ${JSON.stringify(sent)}`,
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('answers the known shapes with what the resident expects', async () => {
    // The property above would hold for an app that answers 400 to everything: pin a few answers.
    expect((await send('GET', `/api/tickets/${real.number}?token=${real.token}`)).status).toBe(200);
    expect((await send('GET', '/api/tickets/categories?community=yongan')).status).toBe(200);
    expect((await send('POST', '/api/tickets', JSON.stringify(aTicket), 'application/json')).status).toBe(201);
    const wrongType = await send('POST', '/api/tickets', JSON.stringify(aTicket), 'text/plain');
    expect(wrongType.status).toBe(400);
    const broken = await send('POST', '/api/tickets', '{"community":', 'application/json');
    expect(broken.status).toBe(400);
  });
});
