/**
 * `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL
 * (an embedded file by default, or a remote libsql:// / https:// URL with LIBSQL_AUTH_TOKEN).
 */
import { defaultDatabaseUrl, migrateDatabase, openDatabase } from '../../worker/node/database.ts';

const url = process.env.DATABASE_URL || defaultDatabaseUrl;
const { client, db } = await openDatabase(url, process.env.LIBSQL_AUTH_TOKEN);
await migrateDatabase(db);
client.close();
console.log(`Migrations applied to ${url.replace(/\?.*/, '')}.`);
