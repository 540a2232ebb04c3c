import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Hono } from '#hono';
import { errorOf } from '../test-helpers.ts';
import { onError } from './errors.ts';
import { validate } from './validate.ts';

const app = new Hono()
  .post(
    '/things',
    validate('json', z.object({ name: z.string().check(z.minLength(2)), seats: z.number().check(z.int(), z.lte(3)) })),
    (c) => c.json(c.req.valid('json'), 201),
  )
  .get('/things', validate('query', z.object({ community: z.string().check(z.regex(/^[a-z0-9-]+$/)) })), (c) =>
    c.json(c.req.valid('query'), 200),
  );
app.onError(onError);

const post = (body: string, type = 'application/json') =>
  app.request('/things', { method: 'POST', body, headers: { 'Content-Type': type } });

describe('validate', () => {
  it('passes valid input through, parsed', async () => {
    const res = await post(JSON.stringify({ name: '黄新生', seats: 2 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: '黄新生', seats: 2 });
  });

  it('answers 400 naming every field at fault', async () => {
    const res = await post(JSON.stringify({ name: 'x', seats: 9 }));
    expect(res.status).toBe(400);
    const body = await errorOf(res);
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(['name', 'seats']);
  });

  it('says why in English where a schema gives no message of its own', async () => {
    const res = await post(JSON.stringify({ name: 'x', seats: 9 }));
    const body = await errorOf(res);
    expect(body.error.fields).toEqual({
      name: 'Too small: expected string to have >=2 characters',
      seats: 'Too big: expected number to be <=3',
    });
  });

  it('answers malformed JSON with a 400 envelope, not a 500', async () => {
    const res = await post('{"name": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('names the body as the field at fault when it is not JSON', async () => {
    for (const body of ['{"name": ', 'name=黄新生', '\u0000']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', fields: { body: 'Not valid JSON.' } } });
    }
  });

  it('treats a body sent without a JSON content type as missing fields', async () => {
    const res = await post(JSON.stringify({ name: 'ok', seats: 1 }), 'text/plain');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { name: expect.any(String) } } });
  });

  it('validates query strings the same way', async () => {
    const res = await app.request('/things?community=Bad%20Slug');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { community: expect.any(String) } } });
  });
});
