/**
 * Node entry (`npm start`): the Linli app over an embedded libSQL file (or any libSQL URL),
 * serving the built web app. Migrates on start and loads demo data into an empty database.
 */

import { runHousekeeping } from './desk/housekeeping.ts';
import { messageLoop } from './messages/runner.ts';
import { defaultDatabaseUrl, migrateDatabase, openDatabase } from './node/database.ts';
import { demoStaff, isEmpty, loadDemoData } from './node/demo/index.ts';
import { nodePlatform } from './node/platform.ts';
import { staffRobotsLoop } from './node/robots-loop.ts';
import { createNodeApp, listen } from './node/server.ts';

const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl;
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8787);

const { db } = await openDatabase(databaseUrl, process.env.LIBSQL_AUTH_TOKEN);
await migrateDatabase(db);
const platform = nodePlatform(db, databaseUrl);
if (!platform.authPepper) console.warn('AUTH_PEPPER is not set: staff sign-in is off until it is.');
if (await isEmpty(db)) {
  const { staffPassword } = await loadDemoData(db, { pepper: platform.authPepper });
  console.log('Loaded demo data from the Erqi District newspaper page.');
  if (staffPassword) {
    console.log(`Demo staff accounts (password for all: ${staffPassword}; shown only now):`);
    for (const s of demoStaff)
      console.log(`  ${s.login.padEnd(19)} ${s.role.padEnd(14)} ${s.place ?? 'whole district'}`);
  }
}

// The hourly job that Workers run as a cron trigger: auto-close, retention, purges.
const housekeeping = () =>
  runHousekeeping(db, platform.photos, platform.now()).catch((err: unknown) =>
    console.error('housekeeping failed', err),
  );
void housekeeping();
setInterval(housekeeping, 60 * 60 * 1000).unref();
// Every minute: messages to the staff's group robots (the Worker's "* * * * *" trigger).
staffRobotsLoop(platform, () => platform.publicOrigin ?? `http://${host}:${port}`);

// Messages to residents: a run every 15 s and soon after each write; never two at once.
const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const messages = platform.messages!;
if (!messages.publicOrigin) messages.publicOrigin = `http://${shownHost}:${port}`;
const loop = messageLoop(db, messages, platform.now, {
  onError: (err) => console.error('message delivery failed', err instanceof Error ? err.name : 'error'),
});
platform.kickMessages = () => loop.kick();
loop.start();
void loop.run();
if (!messages.webhook && !messages.aliyun)
  console.log('No SMS channel configured: messages to residents are kept in the outbox (/staff/messages).');

const app = createNodeApp(platform);
const server = listen(app, { hostname: host, port }, (info) => {
  console.log(`Linli is serving ${databaseUrl.replace(/\?.*/, '')} at http://${shownHost}:${info.port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
