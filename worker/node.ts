/**
 * Node entry (`npm start`): the Linli app over an embedded libSQL file (or any libSQL URL),
 * serving the built web app. Migrates on start and loads demo data into an empty database.
 */
import { serve } from '@hono/node-server';
import { isEmpty, loadDemoData } from '../scripts/demo-data.ts';
import { defaultDatabaseUrl, migrateDatabase, openDatabase } from './node/database.ts';
import { nodePlatform } from './node/platform.ts';
import { createNodeApp } from './node/server.ts';

const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl;
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8787);

const { db } = await openDatabase(databaseUrl, process.env.LIBSQL_AUTH_TOKEN);
await migrateDatabase(db);
if (await isEmpty(db)) {
  await loadDemoData(db);
  console.log('Loaded demo data from the Erqi District newspaper page.');
}

const app = createNodeApp(nodePlatform(db, databaseUrl));
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`Linli is serving ${databaseUrl.replace(/\?.*/, '')} at http://${shownHost}:${info.port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
