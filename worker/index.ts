/**
 * Workers entry: the Linli app over a remote libSQL database (Turso) reached by HTTP.
 * Static Assets serve the web app; this Worker runs only for /api/* and /feeds/*.
 * It never migrates: `npm run db:migrate` does that, and /api/health says whether it was done.
 */
import { createClient } from '@libsql/client/web';
import type { ExecutionContext } from 'hono';
import { createApp } from './app.ts';
import { createDb } from './lib/platform.ts';

type App = ReturnType<typeof createApp>;

// One client and app per isolate and database, reused across requests.
let current: { url: string; app: App } | undefined;

function appFor(env: Env): App {
  if (current?.url !== env.LIBSQL_URL) {
    const client = createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN || undefined });
    current = {
      url: env.LIBSQL_URL,
      app: createApp({
        db: createDb(client),
        now: Date.now,
        authPepper: env.AUTH_PEPPER || undefined,
        clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
      }),
    };
  }
  return current.app;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return appFor(env).fetch(request, env, ctx);
  },
};
