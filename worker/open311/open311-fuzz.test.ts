import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskApp, deskApp } from '../desk/test-helpers.ts';
import { aRequest, open311Client } from './test-helpers.ts';

/**
 * Whatever a partner app, a crawler or an attacker sends to Open311, the answer is never a 5xx,
 * and every 4xx is in the spec's error format: a JSON list of {code, description}, or XML errors.
 */
let d: DeskApp;
let o: ReturnType<typeof open311Client>;
let key: string;
let filed: string;
beforeAll(async () => {
  d = await deskApp();
  o = open311Client(d);
  key = (await o.issueKey('模糊测试', 1000)).key;
  filed = await o.file(key);
});
afterAll(() => d.t.cleanup());

const numRuns = 120;

async function expectSpecError(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status < 400) return;
  if (res.headers.get('content-type')?.startsWith('text/xml')) {
    expect(text, what).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<errors><error><code>4\d\d<\/code><description>/,
    );
    return;
  }
  const body = JSON.parse(text) as { code: unknown; description: unknown }[];
  expect(Array.isArray(body) && body.length > 0, `${what}: ${text}`).toBe(true);
  for (const e of body) {
    expect(e.code, what).toBe(res.status);
    expect(typeof e.description, what).toBe('string');
  }
}

const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));
const paths = fc.oneof(
  fc.constantFrom('services', 'requests', 'tokens', 'services/repairs', () => `requests/${filed}`),
  anyText.map((s) => `requests/${encodeURIComponent(s)}`),
  anyText.map((s) => `services/${encodeURIComponent(s)}`),
  anyText.map(encodeURIComponent),
);
const suffix = fc.constantFrom('.json', '.xml', '', '.html', '.JSON');
const queries = fc.oneof(
  fc
    .dictionary(
      fc.constantFrom(
        'jurisdiction_id',
        'service_code',
        'start_date',
        'end_date',
        'status',
        'page_size',
        'page',
        'service_request_id',
      ),
      anyText,
    )
    .map((q) => new URLSearchParams(q).toString()),
  fc.constantFrom(
    'page_size=99999999999',
    'page=%',
    'status=open,closed,',
    'start_date=2026-13-45T99:99:99+08:00',
    'jurisdiction_id=yongan&jurisdiction_id=x',
  ),
);

describe('Open311 against hostile input', () => {
  it('GETs of any path and query are never a 5xx, and errors are in the spec format', async () => {
    await fc.assert(
      fc.asyncProperty(paths, suffix, queries, async (path, ext, q) => {
        const what = `GET ${path}${ext}?${q}`;
        await expectSpecError(await o.get(`${path}${ext}?${q}`), what);
      }),
      { numRuns },
    );
  });

  it('POSTs of any parameters, form-encoded or JSON, are never a 5xx', async () => {
    const params = fc.dictionary(
      fc.oneof(
        fc.constantFrom(...Object.keys(aRequest), 'lat', 'long', 'address_id', 'attribute[compound]', 'attribute'),
        anyText,
      ),
      anyText,
    );
    await fc.assert(
      fc.asyncProperty(params, fc.boolean(), fc.constantFrom('json', 'xml'), async (p, asJson, ext) => {
        const body = { ...aRequest, ...p, api_key: p.api_key ?? key };
        const res = asJson ? await o.postJson(`requests.${ext}`, body) : await o.postForm(`requests.${ext}`, body);
        await expectSpecError(res, `POST ${JSON.stringify(body)}`);
      }),
      { numRuns },
    );
  });

  it('bodies that are not what they claim, or too big, are 4xx in the spec format', async () => {
    const raw = (body: string, type: string) =>
      d.t.app.request('http://localhost/open311/v2/requests.json', {
        method: 'POST',
        body,
        headers: { 'Content-Type': type },
      });
    for (const [body, type] of [
      ['{"api_key":', 'application/json'],
      ['[1,2]', 'application/json'],
      ['null', 'application/json'],
      [JSON.stringify({ ...aRequest, api_key: key, description: { nested: true } }), 'application/json'],
      ['a=%E4%B8&&==', 'application/x-www-form-urlencoded'],
      ['<request/>', 'text/xml'],
      ['x'.repeat(300_000), 'application/x-www-form-urlencoded'],
    ] as const)
      await expectSpecError(await raw(body, type), `${type} ${body.slice(0, 40)}`);
  });
});
