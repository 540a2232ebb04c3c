import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: './schema/index.ts',
  out: './schema/migrations',
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'file:data/linli.db',
    authToken: process.env.LIBSQL_AUTH_TOKEN,
  },
});
