/**
 * What `db:backup` and `db:restore` share: where the embedded file is, and what a database file
 * holds (integrity, tables, the migrations applied) compared with this code's migrations.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { defaultDatabaseUrl, migrationsFolder } from '../../worker/node/database.ts';

/** A refusal the tools print as it is and exit with status 1 (no stack trace). */
export class Refusal extends Error {}

/** Turso (or any remote libSQL) keeps its own backups: the tools work on the embedded file only. */
const remoteAdvice =
  'is a remote database. Turso keeps its own backups: restore one to a point in time with `turso db create NEW --from-db linli --timestamp …` (or branch with `--from-db`), see https://docs.turso.tech/features/point-in-time-recovery, then point LIBSQL_URL / DATABASE_URL at it.';

/**
 * The path of the embedded file DATABASE_URL names (or the default one).
 * @example const path = localDatabasePath(process.env.DATABASE_URL) // '/srv/linli/data/linli.db'
 */
export function localDatabasePath(url = defaultDatabaseUrl): string {
  if (!url.startsWith('file:')) throw new Refusal(`${url.replace(/\?.*/, '')} ${remoteAdvice}`);
  const path = url.slice('file:'.length).split('?')[0]!;
  if (!path || path === ':memory:') throw new Refusal('DATABASE_URL names no file.');
  return resolve(path);
}

/** `'…'` for SQL, for the file name in VACUUM INTO. */
export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

type JournalEntry = { when: number; tag: string };

/** This code's migrations, oldest first (drizzle's journal, beside the generated SQL). */
export function codeMigrations(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** What a database file holds, as the tools print and check it. */
export type Inspection = {
  integrity: string;
  bytes: number;
  tables: Record<string, number>;
  /** Migrations applied, by drizzle's own table; `latest` is null for a database with none. */
  applied: number;
  latest: { when: number; tag: string | null } | null;
  /** Migrations of this code the file has not had yet, and whether it has one this code does not know. */
  pending: number;
  newer: boolean;
};

/** The tables without which a file is not a Linli database. */
const linliTables = ['__drizzle_migrations', 'districts', 'staff', 'tickets'];

/**
 * Opens a database file on its own (never the running server's connection) and reads what it holds.
 * @example const { integrity, newer } = await inspectDatabase('backup.db')
 */
export async function inspectDatabase(path: string): Promise<Inspection> {
  const client = createClient({ url: `file:${path}` });
  try {
    const integrity = String((await client.execute('PRAGMA integrity_check')).rows[0]?.[0] ?? 'no answer');
    const names = (
      await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
    ).rows.map((r) => String(r[0]));
    const missing = linliTables.filter((t) => !names.includes(t));
    if (missing.length) throw new Refusal(`${path} is not a Linli database (no ${missing.join(', ')} table).`);
    const tables: Record<string, number> = {};
    for (const name of names) {
      // Full-text shadow tables are counted with their index.
      if (/_(?:data|idx|content|docsize|config)$/.test(name)) continue;
      tables[name] = Number((await client.execute(`SELECT count(*) FROM "${name}"`)).rows[0]![0]);
    }
    const rows = (await client.execute('SELECT created_at FROM __drizzle_migrations ORDER BY created_at')).rows;
    const applied = rows.map((r) => Number(r[0]));
    const code = codeMigrations();
    const last = applied.at(-1);
    const codeLast = code.at(-1)?.when ?? 0;
    return {
      integrity,
      bytes: statSync(path).size,
      tables,
      applied: applied.length,
      latest: last === undefined ? null : { when: last, tag: code.find((m) => m.when === last)?.tag ?? null },
      pending: code.filter((m) => m.when > (last ?? 0)).length,
      newer: last !== undefined && last > codeLast,
    };
  } finally {
    client.close();
  }
}

/** The inspection as lines for people. */
export function describeInspection(what: Inspection): string {
  const level = what.latest
    ? `${what.applied} migrations, the latest ${what.latest.tag ?? `unknown to this code (${new Date(what.latest.when).toISOString()})`}`
    : 'no migrations';
  const tables = Object.entries(what.tables).filter(([name]) => !name.startsWith('__'));
  const filled = tables.filter(([, n]) => n > 0);
  const counts = `${filled.map(([name, n]) => `${name} ${n}`).join(', ') || 'none'}; ${tables.length - filled.length} tables empty`;
  return [
    `  integrity: ${what.integrity}`,
    `  size: ${(what.bytes / 1024).toFixed(0)} KiB`,
    `  schema: ${level}${what.pending ? `; ${what.pending} of this code's still to apply` : ''}`,
    `  rows: ${counts}`,
  ].join('\n');
}

/**
 * Runs a tool's main, printing a refusal without a stack trace.
 * @example await runTool(async () => { … })
 */
export async function runTool(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
