/**
 * `npm run db:backup -- FILE`: a consistent copy of the embedded database, taken while the server
 * runs. `VACUUM INTO` reads one snapshot of the file (WAL lets it read beside the server's writes,
 * which go on) and writes it compacted to FILE, which must not exist yet. The copy is then checked
 * and described. Photos are files of their own (PHOTOS_DIR): copy that folder too.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { describeInspection, inspectDatabase, localDatabasePath, Refusal, runTool, sqlString } from './db-files.ts';

const usage = 'Usage: npm run db:backup -- FILE   (copies the database DATABASE_URL names into FILE, a new file)';

await runTool(async () => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length || file.startsWith('-')) throw new Refusal(usage);
  const source = localDatabasePath(process.env.DATABASE_URL || undefined);
  const target = resolve(file);
  if (!existsSync(source)) throw new Refusal(`There is no database at ${source}.`);
  if (existsSync(target)) throw new Refusal(`${target} exists already; a backup never overwrites a file.`);
  const client = createClient({ url: `file:${source}` });
  try {
    await client.execute(`VACUUM INTO ${sqlString(target)}`);
  } finally {
    client.close();
  }
  const copy = await inspectDatabase(target);
  if (copy.integrity !== 'ok') throw new Refusal(`The copy at ${target} failed its integrity check: ${copy.integrity}`);
  console.log(`Backed up ${source} to ${target}:\n${describeInspection(copy)}`);
  console.log(
    'Not in it: the photos (PHOTOS_DIR) and the pepper (AUTH_PEPPER, or auth-pepper.secret beside the database).',
  );
});
