import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Hono } from '#hono';
import { idempotencyKeys } from '../../schema/index.ts';
import { freshDatabase, testPlatform } from '../node/test-database.ts';
import { onError } from './errors.ts';
import { IDEMPOTENCY_LEASE_MS, idempotent } from './idempotency.ts';
import type { AppEnv, Platform } from './platform.ts';

let t: Awaited<ReturnType<typeof freshDatabase>>;
let platform: Platform;
let clock = Date.UTC(2026, 11, 1, 2, 0, 0);
let runs = 0;
let crashAfterWrite = false;
let failBeforeWrite = false;

beforeAll(async () => {
  // The failures below are meant; the app logs them as unexpected.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  t = await freshDatabase();
  await t.db.run(sql`create table notes (id integer primary key, body text)`);
  platform = testPlatform(t.db, { now: () => clock });
});
afterAll(() => t.cleanup());

/** A write that keeps its answer in its own batch, and can fail before or "crash" after it. */
const app = new Hono<AppEnv>()
  .use(async (c, next) => {
    c.set('platform', platform);
    c.set('db', platform.db);
    await next();
  })
  .post('/notes', async (c) => {
    const body = await c.req.text();
    const result = await idempotent(c, 'notes', async (record) => {
      runs++;
      if (failBeforeWrite) throw new Error('refused before writing');
      await c.var.db.batch([
        c.var.db.run(sql`insert into notes (body) values (${body})`),
        record!(sql`json_object('id', last_insert_rowid(), 'body', ${body})`),
      ]);
      if (crashAfterWrite) throw new Error('the process died here');
      return { status: 201 as const, body: { id: -1, body } };
    });
    return c.json(result.body, 201);
  });
app.onError(onError);
const post = (key: string, body: string) =>
  app.request('/notes', { method: 'POST', body, headers: { 'Idempotency-Key': key } });

describe('idempotent writes', () => {
  it('keeps the answer with the write: a retry after the write replays it, and never writes twice', async () => {
    crashAfterWrite = true;
    expect((await post('key-after-write', '路灯')).status).toBe(500);
    crashAfterWrite = false;
    runs = 0;
    const retry = await post('key-after-write', '路灯');
    expect(retry.status).toBe(201);
    expect(await retry.json()).toMatchObject({ body: '路灯', id: expect.any(Number) });
    expect(runs).toBe(0);
    const rows = await t.db.all<{ n: number }>(sql`select count(*) as n from notes where body = '路灯'`);
    expect(rows[0]!.n).toBe(1);
  });

  it('lets a retry do a write that failed before writing', async () => {
    failBeforeWrite = true;
    expect((await post('key-before-write', '门禁')).status).toBe(500);
    failBeforeWrite = false;
    expect((await post('key-before-write', '门禁')).status).toBe(201);
  });

  it('hands an abandoned reservation to one retry once its lease is over, and says when to come back before', async () => {
    // A request's scope is its body's fingerprint; a first "电梯" under another key shows it.
    await post('key-probe', '电梯');
    const [probe] = await t.db.select().from(idempotencyKeys).where(sql`key = 'key-probe'`);
    // What a crash between reserving the key and writing leaves behind.
    await t.db
      .insert(idempotencyKeys)
      .values({ scope: probe!.scope, key: 'key-stuck', response: '', status: 0, createdAt: clock });
    const busy = await post('key-stuck', '电梯');
    expect(busy.status).toBe(409);
    expect(Number(busy.headers.get('retry-after'))).toBe(IDEMPOTENCY_LEASE_MS / 1000);
    clock += IDEMPOTENCY_LEASE_MS;
    const retries = await Promise.all([
      post('key-stuck', '电梯'),
      post('key-stuck', '电梯'),
      post('key-stuck', '电梯'),
    ]);
    expect(retries.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
    expect(retries.some((r) => r.status === 201)).toBe(true);
    const rows = await t.db.all<{ n: number }>(sql`select count(*) as n from notes where body = '电梯'`);
    expect(rows[0]!.n).toBe(2); // the probe's and the stuck request's, each once
  });
});
