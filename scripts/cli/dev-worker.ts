/**
 * `npm run dev:worker`: the app in workerd (`wrangler dev`) over the local database, reached the
 * way the Worker reaches Turso in production — libSQL over HTTP, here from a local stand-in.
 */
import { spawn } from 'node:child_process';
import { defaultDatabaseUrl, migrateDatabase, openDatabase } from '../../worker/node/database.ts';
import { isEmpty, loadDemoData } from '../../worker/node/demo/index.ts';
import { resolvePepper } from '../../worker/node/platform.ts';
import { startLibsqlHttpServer } from '../fixtures/libsql-http.ts';

const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl;
const { client, db } = await openDatabase(databaseUrl);
await migrateDatabase(db);
if (await isEmpty(db)) await loadDemoData(db);
client.close();

const libsql = await startLibsqlHttpServer({ databaseUrl, port: Number(process.env.LIBSQL_PORT || 8080) });
console.log(`libSQL over HTTP for ${databaseUrl} at ${libsql.url}`);

// The same pepper as `npm start` uses for this database, so the demo staff can sign in here too.
const secrets = {
  AUTH_PEPPER: resolvePepper(databaseUrl) ?? '',
  LIBSQL_AUTH_TOKEN: process.env.LIBSQL_AUTH_TOKEN ?? '',
};
const wrangler = spawn('wrangler', ['dev', '--var', `LIBSQL_URL:${libsql.url}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...secrets, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' },
});
const stop = () => wrangler.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
wrangler.on('exit', async (code) => {
  await libsql.close();
  process.exit(code ?? 0);
});
