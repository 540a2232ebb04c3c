import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../worker/node/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'linli-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations as they stood before the desk's parts and clocks (up to 0012). */
function migrationsBefore(tag: string): string {
  const folder = join(dir, 'before');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('upgrading a database that already holds tickets', () => {
  it('gives old joint tickets their two parts, and old tickets their first response', async () => {
    const { client, db } = await openDatabase(`file:${join(dir, 'linli.db')}`);
    await migrate(db, { migrationsFolder: migrationsBefore('0013_desk-parts-clock') });
    const ticket = (id: number, owner: string, status: string, resolvedAt: number | null) =>
      client.execute({
        sql: `insert into tickets (id, number, token_hash, subdistrict_id, community_id, category_id, owner, status,
          description, location, phone, due_at, created_at, updated_at, resolved_at)
          values (?, ?, 'x', 1, 1, 1, ?, ?, '楼道灯坏了', '3号楼', '13800000001', 5000, 1000, 2000, ?)`,
        args: [id, `YA-20260101-000${id}`, owner, status, resolvedAt],
      });
    // The places and categories these belong to do not matter here.
    await client.execute('PRAGMA foreign_keys = OFF');
    await ticket(1, 'joint', 'in_progress', null);
    await ticket(2, 'joint', 'resolved', 4000);
    await ticket(3, 'property', 'accepted', null);
    await client.execute(`insert into ticket_events (ticket_id, at, kind, visibility, actor)
      values (3, 1500, 'accepted', 'public', 'staff'), (1, 1700, 'note', 'internal', 'staff'), (1, 1800, 'note', 'public', 'staff')`);

    await migrate(db, { migrationsFolder });

    const parts = await client.execute(
      'select ticket_id, side, status, done_at from ticket_parts order by ticket_id, side',
    );
    expect(parts.rows.map((r) => [r.ticket_id, r.side, r.status, r.done_at])).toEqual([
      [1, 'community', 'working', null],
      [1, 'property', 'working', null],
      [2, 'community', 'done', 4000],
      [2, 'property', 'done', 4000],
    ]);
    const clocks = await client.execute(
      'select id, first_response_due_at, first_response_at, handoffs from tickets order by id',
    );
    expect(clocks.rows.map((r) => [r.id, r.first_response_due_at, r.first_response_at, r.handoffs])).toEqual([
      [1, 1000 + 86_400_000, 1800, 0],
      [2, 1000 + 86_400_000, null, 0],
      [3, 1000 + 86_400_000, 1500, 0],
    ]);
    const years = await client.execute('select year, status from calendar_years order by year');
    expect(years.rows.map((r) => [r.year, r.status])).toEqual([
      [2025, 'published'],
      [2026, 'published'],
      [2027, 'provisional'],
    ]);
    client.close();
  });
});
