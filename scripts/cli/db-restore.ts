/**
 * `npm run db:restore -- FILE [--force]`: puts a backup in place of the embedded database.
 * The backup is checked on a copy first (integrity, a Linli database, no migration newer than
 * this code's); only then is the current file set aside as `<file>.before-restore-<time>` (with
 * its -wal) and the copy moved in, then migrated up if it is older than the code.
 * It refuses while a server answers on HOST:PORT (as `npm start` would listen), unless --force.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from '@libsql/client';
import { migrateDatabase, openDatabase } from '../../worker/node/database.ts';
import { describeInspection, inspectDatabase, localDatabasePath, Refusal, runTool } from './db-files.ts';

const usage = 'Usage: npm run db:restore -- FILE [--force]   (restores FILE into the database DATABASE_URL names)';

/** Folds a file's WAL into it, so the file alone holds every commit. */
async function checkpoint(path: string) {
  const client = createClient({ url: `file:${path}` });
  try {
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    client.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Whether something answers HTTP where the server listens: then it may hold the file open. */
async function serverAnswers(): Promise<string | null> {
  const given = process.env.HOST;
  const host = !given || given === '0.0.0.0' || given === '::' ? '127.0.0.1' : given;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 8787}/api/health`;
  try {
    await fetch(url, { signal: AbortSignal.timeout(1500) });
    return url;
  } catch {
    return null;
  }
}

await runTool(async () => {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Refusal(usage);
  const url = process.env.DATABASE_URL || undefined;
  const target = localDatabasePath(url);
  const backup = resolve(positionals[0]!);
  if (!existsSync(backup)) throw new Refusal(`There is no file at ${backup}.`);
  if (backup === target) throw new Refusal(`${backup} is the database itself.`);

  // Checked on a copy beside the target: the backup itself is never changed, and the move is a rename.
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(dirname(target), { recursive: true });
  const staged = `${target}.restoring-${stamp}`;
  copyFileSync(backup, staged);
  if (existsSync(`${backup}-wal`)) copyFileSync(`${backup}-wal`, `${staged}-wal`);
  try {
    await checkpoint(staged);
    const found = await inspectDatabase(staged);
    if (found.integrity !== 'ok') throw new Refusal(`${backup} failed its integrity check: ${found.integrity}`);
    if (found.newer) {
      throw new Refusal(
        `${backup} has a schema newer than this code (a migration of ${new Date(found.latest!.when).toISOString()} it does not know): restore it with the release that wrote it, or upgrade this one first.`,
      );
    }
    if (existsSync(target)) {
      const listening = await serverAnswers();
      if (listening && !values.force) {
        throw new Refusal(
          `A server answers at ${listening}: stop it first (or pass --force if it uses another database).`,
        );
      }
      await checkpoint(target);
      const aside = `${target}.before-restore-${stamp}`;
      renameSync(target, aside);
      console.log(`The database that was there is kept as ${aside}.`);
    }
    renameSync(staged, target);
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(staged + suffix, { force: true });
    throw err;
  }
  const restored = await inspectDatabase(target);
  if (restored.pending) {
    const { client, db } = await openDatabase(`file:${target}`);
    await migrateDatabase(db);
    client.close();
    console.log(`Applied this code's ${restored.pending} newer migration${restored.pending === 1 ? '' : 's'}.`);
  }
  console.log(`Restored ${backup} to ${target}:\n${describeInspection(await inspectDatabase(target))}`);
  console.log(
    'Staff passwords sign in only under the pepper they were hashed with (AUTH_PEPPER, or auth-pepper.secret beside the file); photos are in PHOTOS_DIR, not in the database.',
  );
});
