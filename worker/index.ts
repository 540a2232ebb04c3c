/**
 * Workers entry: the Linli app over a remote libSQL database (Turso) reached by HTTP.
 * Static Assets serve the web app; this Worker runs only for /api/* and /feeds/*.
 * It never migrates: `npm run db:migrate` does that, and /api/health says whether it was done.
 */
import { createClient } from '@libsql/client/web';
import type { ExecutionContext } from 'hono';
import { createApp } from './app.ts';
import { runHousekeeping } from './desk/housekeeping.ts';
import { r2PhotoStore } from './lib/photos.ts';
import { createDb, type Platform } from './lib/platform.ts';

type App = ReturnType<typeof createApp>;

// One client, platform and app per isolate and database, reused across requests.
let current: { url: string; platform: Platform; app: App } | undefined;

function forEnv(env: Env) {
  if (current?.url !== env.LIBSQL_URL) {
    const client = createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN || undefined });
    const limit = Number(env.PUBLIC_WRITES_PER_HOUR);
    const platform: Platform = {
      db: createDb(client),
      now: Date.now,
      authPepper: env.AUTH_PEPPER || undefined,
      clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
      publicWritesPerHour: Number.isInteger(limit) && limit > 0 ? limit : 30,
      photos: r2PhotoStore(env.PHOTOS),
      shell: async () => {
        const res = await env.ASSETS.fetch('https://assets.invalid/index.html');
        return res.ok ? res.text() : null;
      },
    };
    current = { url: env.LIBSQL_URL, platform, app: createApp(platform) };
  }
  return current;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return forEnv(env).app.fetch(request, env, ctx);
  },
  /** The hourly cron trigger: auto-close, retention, purges. */
  async scheduled(_controller: unknown, env: Env) {
    const { platform } = forEnv(env);
    await runHousekeeping(platform.db, platform.photos, platform.now());
  },
};
