import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskApp, deskApp } from './test-helpers.ts';

/**
 * The endpoints of the deeper desk (parts, disputes, extensions, follow-ups, the rates and the
 * calendar, the public figures and "me too" ratings) under whatever a client sends: never a
 * 5xx, every 4xx in the JSON error envelope the web app turns into the reader's words.
 */
let d: DeskApp;
let joint: { number: string; partId: number };
let staffHeaders: Record<string, string>;
beforeAll(async () => {
  d = await deskApp();
  const filed = await d.fileOk({ category: 'nuisance-garbage' });
  joint = { number: filed.number, partId: (await d.view(filed.number)).parts[0]!.id };
  staffHeaders = { Authorization: `Bearer ${await d.t.signIn('erqi-admin')}` };
});
afterAll(() => d.t.cleanup());

async function expectWellFormed(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400 && res.headers.get('content-type')?.startsWith('application/json')) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, `${what}: ${text}`).toBe('string');
    expect(typeof body.error?.message, `${what}: ${text}`).toBe('string');
  } else if (res.status >= 400) {
    throw new Error(`${what}: a ${res.status} that is not the JSON error envelope`);
  }
}

/** Bodies as they arrive: JSON of any shape, near-misses of the real ones, and not JSON at all. */
const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        action: fc.constantFrom(
          'accept',
          'done',
          'refuse',
          'dispute',
          'assign',
          'claim',
          'task',
          'pause',
          'resume',
          'extend',
          'follow_up',
          'x',
        ),
        version: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        note: fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 50 }), fc.integer()),
        reason: fc.oneof(
          fc.string({ maxLength: 50 }),
          fc.constantFrom('waiting_funds', 'lunch'),
          fc.array(fc.string()),
        ),
        staffId: fc.oneof(fc.integer(), fc.constant('9'.repeat(40)), fc.double()),
        amount: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER)),
        result: fc.constantFrom('satisfied', 'partly', 'not_satisfied', 'maybe', ''),
        side: fc.constantFrom('community', 'property', 'bank', ''),
        owner: fc.constantFrom('community', 'property', 'joint', 'nobody'),
        approve: fc.oneof(fc.boolean(), fc.string()),
        score: fc.oneof(fc.integer(), fc.double(), fc.string()),
        status: fc.constantFrom('published', 'provisional', 'x'),
        source: fc.string({ maxLength: 300 }),
        days: fc.oneof(
          fc.array(fc.record({ day: fc.string({ maxLength: 12 }), kind: fc.string(), name: fc.string() }), {
            maxLength: 3,
          }),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('', '{', 'null', '[]', '{"action":"done","version":1e999}', '\u0000'),
);
/** Ids and numbers in paths: real, plausible, and anything (percent-encoded). */
const id = fc.oneof(
  fc.constant('1'),
  fc.integer({ min: -5, max: 10 ** 9 }).map(String),
  fc.constantFrom('9'.repeat(400), '9007199254740993', '0', '-1', '1.5', '00001'),
  fc
    .string({ unit: 'binary', maxLength: 20 })
    .filter((s) => s.length > 0)
    .map(encodeURIComponent),
);
const query = fc.oneof(
  fc.string({ maxLength: 60 }).map(encodeURIComponent),
  fc.constantFrom(
    'community=yongan&from=2026-02-30',
    'district=1&from=2026-12-01&to=2025-01-01',
    'district=1&subdistrict=jianzhongjie',
    'subdistrict=%E4%B8',
    'days=0',
    'days=99999999999999999999',
    `numbers=${'A'.repeat(5000)}`,
    'community=yongan&community=renhelu',
  ),
);

type Target = (p: { id: string; number: string; query: string }) => { method: string; path: string };
const targets: Target[] = [
  ({ id, number }) => ({ method: 'POST', path: `/api/desk/tickets/${number}/parts/${id}/actions` }),
  ({ id, number }) => ({ method: 'POST', path: `/api/desk/tickets/${number}/disputes/${id}/decision` }),
  ({ id, number }) => ({ method: 'POST', path: `/api/desk/tickets/${number}/extensions/${id}/decision` }),
  ({ number }) => ({ method: 'POST', path: `/api/desk/tickets/${number}/actions` }),
  ({ query }) => ({ method: 'GET', path: `/api/desk/follow-ups?${query}` }),
  ({ query }) => ({ method: 'GET', path: `/api/desk/rates?${query}` }),
  ({ query }) => ({ method: 'GET', path: `/api/desk/rates.csv?${query}` }),
  ({ query }) => ({ method: 'GET', path: `/api/desk/tickets?view=${query}` }),
  ({ query }) => ({ method: 'GET', path: `/api/board/figures?${query}` }),
  ({ query }) => ({ method: 'GET', path: `/api/board/me-toos?${query}` }),
  ({ number }) => ({ method: 'POST', path: `/api/board/${number}/me-too/rating` }),
  ({ id }) => ({ method: 'PUT', path: `/api/calendar/${id}` }),
];

describe('the deeper desk under hostile requests', () => {
  it('never answers a 5xx, signed in or not, and every refusal is the JSON error envelope', async () => {
    const number = fc.oneof(fc.constant(null), fc.stringMatching(/^[A-Z]{2,4}-\d{8}-\d{4,7}$/), id);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: targets.length - 1 }),
        id,
        number,
        query,
        body,
        fc.boolean(),
        async (t, pathId, maybeNumber, q, b, signedIn) => {
          const { method, path } = targets[t]!({
            id: maybeNumber === null ? String(joint.partId) : pathId,
            number: maybeNumber ?? joint.number,
            query: q,
          });
          const res = await d.t.app.request(path, {
            method,
            body: method === 'GET' ? undefined : b,
            headers: {
              'Content-Type': 'application/json',
              Origin: d.t.origin,
              ...(signedIn ? staffHeaders : {}),
            },
          });
          await expectWellFormed(res, `${method} ${path} ${b.slice(0, 80)}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers a burst of parallel requests on one part with one winner and no 5xx', async () => {
    const view = await d.view(joint.number);
    const part = view.parts.find((p) => p.id === joint.partId)!;
    await d.as('yongan'); // one session for the whole burst
    const tries = await Promise.all(
      Array.from({ length: 12 }, () =>
        d.partAct('yongan', joint.number, part.id, { action: 'task', task: '并发写明任务', version: part.version }),
      ),
    );
    const statuses = tries.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
  });
});
