import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, LibsqlError } from '@libsql/client/http';
import type { Client } from '@libsql/client/http';
import { drizzle } from 'drizzle-orm/libsql/http';
import { eq } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { startLibsqlHttpServer } from './libsql-http.ts';

// Short per-test timeouts: a protocol mistake tends to show up as a hang, not an error.
const timeout = 10_000;

let dir: string;
let server: Awaited<ReturnType<typeof startLibsqlHttpServer>>;
let client: Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'libsql-http-'));
  server = await startLibsqlHttpServer({ databaseUrl: `file:${join(dir, 'test.db')}` });
  client = createClient({ url: server.url, intMode: 'bigint' });
});

afterAll(async () => {
  client?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await client.executeMultiple(`
    DROP TABLE IF EXISTS notes;
    CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, score REAL, body BLOB);
  `);
});

const count = async (): Promise<bigint> => (await client.execute('SELECT count(*) AS n FROM notes')).rows[0]!.n as bigint;

describe('Hrana over HTTP stand-in', () => {
  it('serves v2 and turns down v3 probes, so clients settle on JSON v2', async () => {
    expect((await fetch(`${server.url}/v2`)).status).toBe(200);
    expect((await fetch(`${server.url}/v3-protobuf`)).status).toBe(404);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('executes with positional and named args, reporting rowsAffected and lastInsertRowid', { timeout }, async () => {
    const first = await client.execute({ sql: 'INSERT INTO notes (title, score) VALUES (?, ?)', args: ['a', 1.5] });
    expect(first.rowsAffected).toBe(1);
    expect(first.lastInsertRowid).toBe(1n);
    const second = await client.execute({ sql: 'INSERT INTO notes (id, title) VALUES (:id, $title)', args: { id: 41n, title: 'b' } });
    expect(second.lastInsertRowid).toBe(41n);
    const prefixed = await client.execute({ sql: 'INSERT INTO notes (title) VALUES (@title)', args: { '@title': 'c' } });
    expect(prefixed.lastInsertRowid).toBe(42n);

    const updated = await client.execute({ sql: 'UPDATE notes SET score = ?2 WHERE id >= ?1', args: [41n, 7] });
    expect(updated.rowsAffected).toBe(2);
    const selected = await client.execute('SELECT id, title, score FROM notes ORDER BY id');
    expect(selected.columns).toEqual(['id', 'title', 'score']);
    expect(selected.columnTypes).toEqual(['INTEGER', 'TEXT', 'REAL']);
    expect(selected.rows.map((r) => [r.id, r.title, r.score])).toEqual([[1n, 'a', 1.5], [41n, 'b', 7], [42n, 'c', 7]]);
    // a read must not report the counts of the write before it
    expect(selected.rowsAffected).toBe(0);
    expect(selected.lastInsertRowid).toBeUndefined();
  });

  it('round-trips every value type', { timeout }, async () => {
    const blob = new Uint8Array([0, 1, 2, 250, 255]);
    const big = 9_007_199_254_740_993n; // 2^53 + 1: lost if it ever passes through a double
    const result = await client.execute({
      sql: 'SELECT ? AS n, ? AS i, ? AS big, ? AS min, ? AS f, ? AS t, ? AS b, typeof(?) AS ti, typeof(?) AS tf',
      args: [null, 42n, big, -9_223_372_036_854_775_808n, 0.1, '邻里 社区 🏘️', blob, 42n, 2.0],
    });
    const row = result.rows[0]!;
    expect(row.n).toBeNull();
    expect(row.i).toBe(42n);
    expect(row.big).toBe(big);
    expect(row.min).toBe(-9_223_372_036_854_775_808n);
    expect(row.f).toBe(0.1);
    expect(row.t).toBe('邻里 社区 🏘️');
    expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
    expect([row.ti, row.tf]).toEqual(['integer', 'real']);

    await client.execute({ sql: 'INSERT INTO notes (title, body) VALUES (?, ?)', args: ['中文标题', blob] });
    const stored = await client.execute({ sql: 'SELECT body FROM notes WHERE title = ?', args: ['中文标题'] });
    expect(new Uint8Array(stored.rows[0]!.body as ArrayBuffer)).toEqual(blob);
  });

  it('runs a write batch atomically and rolls it all back on an error in the middle', { timeout }, async () => {
    const insert = 'INSERT INTO notes (title) VALUES (?)';
    // the repeated statement makes the client store its SQL once and refer to it by id
    const ok = await client.batch([{ sql: insert, args: ['x'] }, { sql: insert, args: ['y'] }, 'SELECT count(*) AS n FROM notes'], 'write');
    expect(ok.map((r) => r.rowsAffected)).toEqual([1, 1, 0]);
    expect(ok[2]!.rows[0]!.n).toBe(2n);

    const failed = client.batch([{ sql: insert, args: ['z'] }, { sql: insert, args: ['x'] }, { sql: insert, args: ['w'] }], 'write');
    await expect(failed).rejects.toBeInstanceOf(LibsqlError);
    await expect(failed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    expect(await count()).toBe(2n);
  });

  it('supports the conditional INSERT … SELECT … WHERE pattern', { timeout }, async () => {
    const claim = { sql: 'INSERT INTO notes (title) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM notes WHERE title = ?)', args: ['once', 'once'] };
    expect((await client.execute(claim)).rowsAffected).toBe(1);
    const again = await client.execute(claim);
    expect(again.rowsAffected).toBe(0);
    expect(again.lastInsertRowid).toBeUndefined();
    expect(await count()).toBe(1n);
  });

  it('keeps an interactive transaction on one connection across requests, with commit and rollback', { timeout }, async () => {
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['kept'] });
    // the transaction sees its own write; other streams do not until it commits
    expect((await tx.execute('SELECT count(*) AS n FROM notes')).rows[0]!.n).toBe(1n);
    expect(await count()).toBe(0n);
    await tx.commit();
    expect(await count()).toBe(1n);

    const undone = await client.transaction('write');
    const inserted = await undone.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['dropped'] });
    expect(inserted.lastInsertRowid).toBe(2n);
    await undone.rollback();
    expect((await client.execute('SELECT title FROM notes')).rows.map((r) => r.title)).toEqual(['kept']);
  });

  it('makes a second writer wait for the first instead of failing', { timeout }, async () => {
    const first = await client.transaction('write');
    await first.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['first'] });
    const second = await client.transaction('write');
    let secondDone = false;
    const secondInsert = second.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['second'] }).then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secondDone).toBe(false);
    const started = Date.now();
    await first.commit();
    await secondInsert;
    await second.commit();
    // well under the server's 5 s retry budget: the waiting writer must not hold up the one it waits for
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await client.execute('SELECT title FROM notes ORDER BY id')).rows.map((r) => r.title)).toEqual(['first', 'second']);
  });

  it('surfaces SQL errors as LibsqlError rather than hanging', { timeout }, async () => {
    await expect(client.execute('SELEC 1')).rejects.toMatchObject({ name: 'LibsqlError', code: 'SQLITE_ERROR' });
    await expect(client.execute('SELECT * FROM missing_table')).rejects.toThrow(/no such table/);
    await client.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['dup'] });
    const duplicate = client.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['dup'] });
    await expect(duplicate).rejects.toBeInstanceOf(LibsqlError);
    await expect(duplicate).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });

    // a failed statement leaves an interactive transaction usable
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['in tx'] });
    await expect(tx.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['dup'] })).rejects.toBeInstanceOf(LibsqlError);
    await tx.commit();
    expect(await count()).toBe(2n);
  });

  it('lets drizzle run queries through it', { timeout }, async () => {
    const notes = sqliteTable('notes', { id: integer('id').primaryKey(), title: text('title').notNull() });
    const web = createClient({ url: server.url });
    onTestFinished(() => web.close());
    const db = drizzle({ client: web });
    await db.insert(notes).values([{ title: '通知' }, { title: '活动' }]);
    expect(await db.select().from(notes).where(eq(notes.title, '活动'))).toEqual([{ id: 2, title: '活动' }]);
    const returned = await db.insert(notes).values({ title: 'r' }).returning({ id: notes.id });
    expect(returned).toEqual([{ id: 3 }]);
    await db.transaction(async (tx) => {
      await tx.update(notes).set({ title: 'changed' }).where(eq(notes.id, 1));
    });
    expect((await db.select({ title: notes.title }).from(notes).where(eq(notes.id, 1)))[0]?.title).toBe('changed');
  });
});

describe('Hrana requests the v2 client does not send', () => {
  type Result = { type: 'ok' | 'error'; response?: Record<string, unknown>; error?: { message: string } };
  const pipeline = async (baton: string | null, requests: object[]) => {
    const res = await fetch(`${server.url}/v2/pipeline`, { method: 'POST', body: JSON.stringify({ baton, requests }) });
    return { status: res.status, body: (res.status === 200 ? await res.json() : await res.text()) as { baton: string | null; results: Result[] } };
  };
  const stmt = (sql: string) => ({ sql, args: [], want_rows: true });

  it('evaluates batch conditions and reports autocommit state per stream', { timeout }, async () => {
    const { body } = await pipeline(null, [
      { type: 'get_autocommit' },
      {
        type: 'batch',
        batch: {
          steps: [
            { stmt: stmt('BEGIN') },
            { stmt: stmt('SELECT nonsense_function()') },
            { condition: { type: 'error', step: 1 }, stmt: stmt("INSERT INTO notes (title) VALUES ('after error')") },
            { condition: { type: 'ok', step: 1 }, stmt: stmt("INSERT INTO notes (title) VALUES ('skipped')") },
            { condition: { type: 'and', conds: [{ type: 'ok', step: 0 }, { type: 'not', cond: { type: 'is_autocommit' } }] }, stmt: stmt('SELECT 1') },
            { condition: { type: 'or', conds: [{ type: 'ok', step: 3 }, { type: 'is_autocommit' }] }, stmt: stmt('SELECT 2') },
          ],
        },
      },
      { type: 'get_autocommit' },
    ]);
    const [before, batch, after] = body.results;
    expect(before?.response).toEqual({ type: 'get_autocommit', is_autocommit: true });
    const result = batch?.response?.result as { step_results: unknown[]; step_errors: ({ message: string; code: string } | null)[] };
    expect(result.step_results.map((r) => r !== null)).toEqual([true, false, true, false, true, false]);
    expect(result.step_errors.map((e) => e !== null)).toEqual([false, true, false, false, false, false]);
    expect(result.step_errors[1]).toMatchObject({ code: 'SQLITE_ERROR', message: expect.stringMatching(/nonsense_function/) });
    expect(after?.response).toEqual({ type: 'get_autocommit', is_autocommit: false });

    // the open transaction lives on in the stream until the client closes it, which rolls it back
    const next = await pipeline(body.baton, [{ type: 'execute', stmt: stmt('SELECT count(*) FROM notes') }, { type: 'close' }]);
    expect(next.body.results[0]?.response?.result).toMatchObject({ rows: [[{ type: 'integer', value: '1' }]] });
    expect(next.body.baton).toBeNull();
    expect(await count()).toBe(0n);
  });

  it('rejects a baton that was already used or never issued', { timeout }, async () => {
    const { body } = await pipeline(null, [{ type: 'execute', stmt: stmt('SELECT 1') }]);
    expect(body.baton).toEqual(expect.any(String));
    expect((await pipeline(body.baton, [{ type: 'close' }])).status).toBe(200);
    expect((await pipeline(body.baton, [{ type: 'close' }])).status).toBe(400);
    expect((await pipeline('made-up', [{ type: 'close' }])).status).toBe(400);
  });

  it('runs sequences and stored SQL, and answers errors per request', { timeout }, async () => {
    const { body } = await pipeline(null, [
      { type: 'sequence', sql: "INSERT INTO notes (title) VALUES ('s1'); INSERT INTO notes (title) VALUES ('s2');" },
      { type: 'store_sql', sql_id: 7, sql: 'SELECT title FROM notes ORDER BY id' },
      { type: 'execute', stmt: { sql_id: 7, args: [], want_rows: true } },
      { type: 'close_sql', sql_id: 7 },
      { type: 'execute', stmt: { sql_id: 7, args: [] } },
      { type: 'close' },
    ]);
    expect(body.results.map((r) => r.type)).toEqual(['ok', 'ok', 'ok', 'ok', 'error', 'ok']);
    expect(body.results[2]?.response?.result).toMatchObject({
      cols: [{ name: 'title', decltype: 'TEXT' }],
      rows: [[{ type: 'text', value: 's1' }], [{ type: 'text', value: 's2' }]],
    });
  });
});
