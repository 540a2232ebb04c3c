import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommits } from './group-commit.ts';

let dir: string;
let raw: Client;
let client: Client;
let commits: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-group-'));
  raw = createClient({ url: `file:${join(dir, 'g.db')}` });
  await raw.execute('PRAGMA journal_mode = WAL');
  await raw.execute('create table notes (id integer primary key, body text not null unique)');
  // Each call to the underlying client is a transaction of its own: count them.
  const batch = raw.batch.bind(raw);
  const execute = raw.execute.bind(raw);
  raw.batch = ((stmts, mode) => {
    commits++;
    return batch(stmts, mode);
  }) as Client['batch'];
  raw.execute = ((stmt: string) => {
    commits++;
    return execute(stmt);
  }) as Client['execute'];
  client = groupCommits(raw);
  commits = 0;
});
afterEach(() => {
  raw.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = async () => Number((await client.execute('select count(*) as n from notes')).rows[0]!.n);

describe('group commit', () => {
  it('commits writes that arrive together in one transaction, each with its own results', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        client.execute({ sql: 'insert into notes (body) values (?) returning id, body', args: [`note ${i}`] }),
      ),
    );
    expect(results.map((r) => r.rows[0]!.body)).toEqual(Array.from({ length: 40 }, (_, i) => `note ${i}`));
    expect(new Set(results.map((r) => r.rows[0]!.id)).size).toBe(40);
    expect(commits).toBeLessThan(5);
    expect(await count()).toBe(40);
  });

  it('fails only the write that is wrong, with its own error', async () => {
    await client.execute({ sql: 'insert into notes (body) values (?)', args: ['taken'] });
    const settled = await Promise.allSettled([
      client.execute({ sql: 'insert into notes (body) values (?)', args: ['first'] }),
      client.execute({ sql: 'insert into notes (body) values (?)', args: ['taken'] }),
      client.batch(
        [
          { sql: 'insert into notes (body) values (?)', args: ['second'] },
          { sql: 'update notes set body = ? where body = ?', args: ['third', 'first'] },
        ],
        'write',
      ),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    const bodies = (await client.execute('select body from notes order by id')).rows.map((r) => r.body);
    expect(bodies).toEqual(['taken', 'third', 'second']);
  });

  it('keeps a batch all-or-nothing inside a group', async () => {
    const settled = await Promise.allSettled([
      client.execute({ sql: 'insert into notes (body) values (?)', args: ['kept'] }),
      client.batch(
        [
          { sql: 'insert into notes (body) values (?)', args: ['half'] },
          { sql: 'insert into notes (body) values (?)', args: ['kept'] },
        ],
        'write',
      ),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    expect((await client.execute('select body from notes')).rows.map((r) => r.body)).toEqual(['kept']);
  });

  it('answers reads at once, from what is committed', async () => {
    const write = client.execute({ sql: 'insert into notes (body) values (?)', args: ['later'] });
    expect(await count()).toBe(0);
    await write;
    expect(await count()).toBe(1);
  });

  it('runs a batch of reads at once, not behind the writes of its turn', async () => {
    const write = client.execute({ sql: 'insert into notes (body) values (?)', args: ['later'] });
    const [first, second] = await client.batch(['select count(*) as n from notes', ['select ? as x', [7]]]);
    expect([first!.rows[0]!.n, second!.rows[0]!.x]).toEqual([0, 7]);
    await write;
    expect(await count()).toBe(1);
  });
});
