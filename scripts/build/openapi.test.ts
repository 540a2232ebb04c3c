import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../worker/test-helpers.ts';
import { describeApi } from './api-description.ts';
import { apiPrefixes, openApiPath } from './openapi.ts';

type Json = Record<string, unknown>;
type Param = { name: string; in: string; schema: Json };
type Op = { parameters?: Param[]; security?: unknown[]; requestBody?: unknown };

const doc = describeApi();
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.cleanup());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Op })),
  );

/** A value the route's own pattern takes, so the request reaches the handler. */
function sample(schema: Json): string {
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern) : /.*/;
  return ['1', 'GR-20260101-0001', 'x', 'a.jpg'].find((v) => pattern.test(v)) ?? '1';
}

describe('the API description (/api/openapi.json)', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as unknown as Json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('documents every route of the app under the API, each method of each path', () => {
    const routes = t.app.routes.filter((r) => r.method !== 'ALL' && apiPrefixes.some((p) => r.path.startsWith(p)));
    expect(routes.length).toBeGreaterThan(50);
    const documented = new Set(operations().map((o) => `${o.method} ${o.path}`));
    const missing = [...new Set(routes.map((r) => `${r.method} ${openApiPath(r.path).path}`))].filter(
      (k) => !documented.has(k),
    );
    expect(missing).toEqual([]);
    // Only middleware and the catch-all take every method, and only on a wildcard: a real route
    // written with app.all() would not be documented, so it must not exist.
    expect(t.app.routes.filter((r) => r.method === 'ALL' && !r.path.endsWith('*'))).toEqual([]);
  });

  it('documents only routes the app answers: none falls through to the catch-all 404 or 405', async () => {
    const unanswered: string[] = [];
    for (const { path, method, op } of operations()) {
      const params = new Map(
        (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, sample(p.schema)]),
      );
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => params.get(name) ?? '1');
      const res = await t.app.request(url, {
        method,
        headers: { Origin: t.origin, 'Content-Type': 'application/json' },
        ...(method === 'GET' ? {} : { body: '{}' }),
      });
      const body = (await res.text()).slice(0, 200);
      if (res.status === 405 || (res.status === 404 && body.includes('No such endpoint'))) {
        unanswered.push(`${method} ${url} → ${res.status}`);
      }
      // Staff routes are marked as needing the session; without one they are refused. Under /api
      // the staff session is the only sign-in, so a route that asks for it unmarked is a mistake.
      if (op.security) expect([method, path, res.status]).toEqual([method, path, 401]);
      else if (path.startsWith('/api/')) expect([method, path, res.status]).not.toEqual([method, path, 401]);
    }
    expect(unanswered).toEqual([]);
  });

  it('names each validator’s fields: query parameters, path patterns and JSON bodies', () => {
    const filing = doc.paths['/api/tickets']!.post as Op & { requestBody: { content: Json } };
    expect(filing.requestBody.content['application/json']).toMatchObject({
      schema: { type: 'object', properties: { community: {}, category: {}, consent: {} } },
    });
    expect((doc.paths['/api/tickets']!.post as { responses: Json }).responses).toHaveProperty('201');
    const queue = doc.paths['/api/desk/tickets']!.get as Op;
    expect(queue.parameters?.map((p) => `${p.in}:${p.name}`)).toContain('query:view');
    expect(queue.security).toEqual([{ sessionCookie: [] }, { bearer: [] }]);
    const publish = doc.paths['/api/newsroom/articles/{id}/{action}']!.post as Op;
    expect(publish.parameters?.find((p) => p.name === 'action')?.schema).toMatchObject({
      enum: ['publish', 'unpublish'],
    });
    expect(doc.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['desk', 'events', 'news', 'tickets']));
  });
});
