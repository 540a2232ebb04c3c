import { sql } from 'drizzle-orm';
import journal from '../../schema/migrations/meta/_journal.json' with { type: 'json' };
import type { Db } from './platform.ts';

/** The newest migration this build of the code expects the database to have. */
const expectedMigration = journal.entries.at(-1)!;

type Health = {
  ok: boolean;
  database: 'reachable' | 'unreachable';
  schema: { current: boolean; expected: string; applied: string | null };
};

/**
 * Answers whether the database is reachable and migrated to what this code expects: one round
 * trip when it is; only a failed read asks again whether the database answers at all.
 */
export async function checkHealth(db: Db): Promise<Health> {
  const schema = { current: false, expected: expectedMigration.tag, applied: null as string | null };
  try {
    const row = await db.get<{ created_at: number }>(
      sql`select created_at from __drizzle_migrations order by created_at desc limit 1`,
    );
    const applied = row ? journal.entries.find((e) => e.when === Number(row.created_at)) : undefined;
    schema.applied = applied?.tag ?? (row ? `unknown (${row.created_at})` : null);
    schema.current = applied?.when === expectedMigration.when;
  } catch {
    // No migrations table yet (the database is reachable but empty), or no database at all.
    try {
      await db.run(sql`select 1`);
    } catch {
      return { ok: false, database: 'unreachable', schema };
    }
  }
  return { ok: schema.current, database: 'reachable', schema };
}
