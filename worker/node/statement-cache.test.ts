import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { keepCompiledStatements, pageCacheKiB, statementsPerConnection } from './statement-cache.ts';
import { freshDatabase } from './test-database.ts';

describe('compiled statements kept per embedded connection', () => {
  keepCompiledStatements();
  const connection = new Database(':memory:');
  afterAll(() => connection.close());

  it('compiles a statement once per connection, and each connection its own', () => {
    const other = new Database(':memory:');
    expect(connection.prepare('SELECT 1')).toBe(connection.prepare('SELECT 1'));
    expect(other.prepare('SELECT 1')).not.toBe(connection.prepare('SELECT 1'));
    // A connection gets its larger page cache when first used.
    expect(other.prepare('PRAGMA cache_size').raw(true).get()).toEqual([-pageCacheKiB]);
    // Its columns are worked out once too.
    const columns = connection.prepare('SELECT 1 AS one').columns();
    expect(columns.map((column) => column.name)).toEqual(['one']);
    expect(connection.prepare('SELECT 1 AS one').columns()).toBe(columns);
    other.close();
  });

  it('remembers the modes set before each run: raw rows or objects, and raw refused to a statement without rows', () => {
    connection.exec('CREATE TABLE modes (n INTEGER)');
    const insert = connection.prepare('INSERT INTO modes (n) VALUES (?)');
    expect(() => insert.raw(true)).toThrow();
    expect(() => connection.prepare('INSERT INTO modes (n) VALUES (?)').raw(true)).toThrow();
    insert.run([7]);
    const select = connection.prepare('SELECT n FROM modes');
    expect(select.raw(true).all()).toEqual([[7]]);
    expect(connection.prepare('SELECT n FROM modes').raw(true).all()).toEqual([[7]]);
    expect(select.raw(false).all()).toMatchObject([{ n: 7 }]);
    expect(select.safeIntegers(true).raw(true).all()).toEqual([[7n]]);
    expect(select.safeIntegers(false).all()).toEqual([[7]]);
  });

  it('keeps the statements used last, and compiles an older one again', () => {
    const connection = new Database(':memory:');
    const compiled = Array.from({ length: statementsPerConnection }, (_, n) => connection.prepare(`SELECT ${n} AS n`));
    // Using the first again makes it the newest, so the next new one pushes out `SELECT 1`.
    expect(connection.prepare('SELECT 0 AS n')).toBe(compiled[0]);
    connection.prepare(`SELECT ${statementsPerConnection} AS n`);
    expect(connection.prepare('SELECT 0 AS n')).toBe(compiled[0]);
    expect(connection.prepare('SELECT 2 AS n')).toBe(compiled[2]);
    expect(connection.prepare('SELECT 1 AS n')).not.toBe(compiled[1]);
    connection.close();
  });

  it('answers through the client as before: each call its own arguments, after an error, a rollback and a schema change', async () => {
    const t = await freshDatabase({ migrate: false });
    try {
      await t.client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)');
      const add = (body: string) =>
        t.client.execute({ sql: 'INSERT INTO notes (body) VALUES (?) RETURNING id', args: [body] });
      const all = 'SELECT * FROM notes ORDER BY id';
      expect((await add('one')).rows[0]?.id).toBe(1);
      await expect(add('one')).rejects.toThrow(/UNIQUE/);
      expect((await add('two')).rows[0]?.id).toBe(2);
      await expect(
        t.client.batch([
          { sql: 'INSERT INTO notes (body) VALUES (?)', args: ['three'] },
          { sql: 'INSERT INTO notes (body) VALUES (?)', args: ['two'] },
        ]),
      ).rejects.toThrow();
      expect((await t.client.execute(all)).rows.map((row) => row.body)).toEqual(['one', 'two']);
      await t.client.execute('ALTER TABLE notes ADD COLUMN author TEXT');
      const after = await t.client.execute(all);
      expect(after.columns).toEqual(['id', 'body', 'author']);
      expect(after.rows.map((row) => [row.id, row.body, row.author])).toEqual([
        [1, 'one', null],
        [2, 'two', null],
      ]);
      // Many calls at once on a pool of connections, each with its own argument.
      const ids = await Promise.all(Array.from({ length: 50 }, (_, n) => add(`many ${n}`).then((r) => r.rows[0]?.id)));
      expect(new Set(ids).size).toBe(50);
    } finally {
      await t.cleanup();
    }
  });
});
