/**
 * Workers entry: the Linli app over a remote libSQL database (Turso) reached by HTTP.
 * Static Assets serve the web app; this Worker runs only for /api/* and /feeds/*.
 * It never migrates: `npm run db:migrate` does that, and /api/health says whether it was done.
 */
import { _createClient } from '@libsql/client/http';
import { drizzle } from 'drizzle-orm/libsql/http';
import type { ExecutionContext } from 'hono';
import { createApp } from './app.ts';
import { runHousekeeping } from './desk/housekeeping.ts';
import type { ErrorBody } from './lib/errors.ts';
import { apiDescription, IMMUTABLE } from './lib/http-cache.ts';
import { parsePublicOrigin } from './lib/origin.ts';
import { r2PhotoStore } from './lib/photos.ts';
import type { Db, Platform } from './lib/platform.ts';
import { deliverMessages } from './messages/deliver.ts';
import { channelFor, type MessageEnv, type MessageSettings, parseMessageSettings } from './messages/settings.ts';
import { deliverStaffNotices, findStaffNotices } from './robots/index.ts';
import { parseWebhookHosts } from './robots/webhook.ts';

type App = ReturnType<typeof createApp>;

/** A setting the Worker cannot run with; its message names the setting and is safe to show. */
class ConfigurationError extends Error {}

/**
 * The database over HTTP only: one request per statement or batch, and no WebSocket client in
 * the bundle. `libsql://` URLs are taken as HTTPS (`?tls=0`: HTTP, for a local server); a `ws://`
 * or `wss://` URL, or anything else, is a mistake in the configuration and is refused before
 * anything is served. The URL is read here rather than by the client's own `createClient`, whose
 * parser for every URL form the client knows would be most of the client's weight in the bundle.
 */
function openDatabase(env: Env): Db {
  const url = URL.parse(env.LIBSQL_URL.trim());
  const scheme = url?.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'ws' || scheme === 'wss') {
    throw new ConfigurationError(
      `LIBSQL_URL is a WebSocket (${scheme}:) URL, but this Worker reaches libSQL over HTTP only: give the libsql:// or https:// address of the same database.`,
    );
  }
  if (!url?.hostname || (scheme !== 'libsql' && scheme !== 'https' && scheme !== 'http')) {
    throw new ConfigurationError('LIBSQL_URL must be the libsql:// or https:// address of the database.');
  }
  const tls = scheme === 'https' || (scheme === 'libsql' && url.searchParams.get('tls') !== '0');
  return drizzle(
    _createClient({
      scheme: tls ? 'https' : 'http',
      tls,
      authority: {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port ? Number(url.port) : undefined,
        userinfo: undefined,
      },
      path: url.pathname,
      authToken: env.LIBSQL_AUTH_TOKEN || url.searchParams.get('authToken') || undefined,
      encryptionKey: undefined,
      remoteEncryptionKey: undefined,
      syncUrl: undefined,
      syncInterval: undefined,
      readYourWrites: undefined,
      offline: undefined,
      intMode: 'number',
      fetch: undefined,
      concurrency: 20,
      timeout: undefined,
    }),
    // The Worker's build leaves out column names that are their key in snake_case (scripts/build/worker.ts).
    { casing: 'snake_case' },
  );
}

/** PUBLIC_ORIGIN, or a configuration error naming it. */
function parseOrigin(value: string | undefined): string | undefined {
  try {
    return parsePublicOrigin(value);
  } catch (err) {
    throw new ConfigurationError((err as Error).message);
  }
}

/** The message settings from vars and secrets (optional secrets are not in the generated Env). */
function parseMessages(env: Env, origin: string | undefined): MessageSettings {
  try {
    return parseMessageSettings(env as unknown as MessageEnv, env.AUTH_PEPPER || undefined, origin);
  } catch (err) {
    throw new ConfigurationError((err as Error).message);
  }
}

/** One delivery run; its failure is logged by name only (a message may quote an address). */
const deliver = (platform: Platform) =>
  deliverMessages(platform.db, channelFor(platform.messages!), platform.messages!, platform.now()).catch((err) =>
    console.error('message delivery failed', err instanceof Error ? err.name : 'error'),
  );

// One client, platform and app per isolate and database, reused across requests.
let current: { url: string; platform: Platform; app: App } | undefined;

function forEnv(env: Env) {
  if (current?.url !== env.LIBSQL_URL) {
    const limit = Number(env.PUBLIC_WRITES_PER_HOUR);
    const publicOrigin = parseOrigin(env.PUBLIC_ORIGIN);
    const platform: Platform = {
      db: openDatabase(env),
      now: Date.now,
      authPepper: env.AUTH_PEPPER || undefined,
      // An optional secret, set only while a replaced pepper is being retired (README, Operations).
      authPepperPrevious: (env as { AUTH_PEPPER_PREVIOUS?: string }).AUTH_PEPPER_PREVIOUS || undefined,
      clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
      publicWritesPerHour: Number.isInteger(limit) && limit > 0 ? limit : 30,
      publicOrigin,
      robotWebhookHosts: parseWebhookHosts(env.ROBOT_WEBHOOK_HOSTS),
      messages: parseMessages(env, publicOrigin),
      // After a write, a delivery run once the answer is out (the minute cron catches the rest).
      kickMessages: (c) => {
        try {
          c.executionCtx.waitUntil(deliver(platform));
        } catch {
          // No execution context (app.request in tests): the cron delivers.
        }
      },
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

/**
 * A content-hashed file from Static Assets (the Worker runs first for /assets/*). A file that
 * is not there would otherwise be answered with the app's HTML page, which the `_headers` rule
 * for /assets/* marks immutable: a phone asking for an old chunk after a deploy would keep a page
 * in place of a script for a year. So anything but the file itself is the app's 404.
 */
async function hashedFile(request: Request, env: Env, notFound: () => Response | Promise<Response>) {
  const res = await env.ASSETS.fetch(request);
  if (res.status === 304) return res;
  if (!res.ok || res.headers.get('content-type')?.startsWith('text/html')) return notFound();
  if (res.headers.get('cache-control') === IMMUTABLE) return res;
  const file = new Response(res.body, res);
  file.headers.set('Cache-Control', IMMUTABLE);
  return file;
}

/** A browser asking for a page, not a script, an image or the API. */
const wantsPage = (request: Request) =>
  request.headers.get('sec-fetch-mode') === 'navigate' || (request.headers.get('accept') ?? '').includes('text/html');

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    let app: App;
    try {
      app = forEnv(env).app;
    } catch (err) {
      // Nothing could be built from this configuration: say so rather than fail on every query.
      // Only our own messages are shown; the client's may quote the URL, which can hold a token.
      console.error('configuration error', err);
      const message =
        err instanceof ConfigurationError
          ? err.message
          : 'The Worker cannot start with its configuration; its log says why.';
      return Response.json({ error: { code: 'misconfigured', message } } satisfies ErrorBody, { status: 503 });
    }
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/')) return hashedFile(request, env, () => app.fetch(request, env, ctx));
    // Built from the routes by `npm run build`, so it sits in Static Assets, which the Worker runs before for /api/*.
    if (path === apiDescription.path && (request.method === 'GET' || request.method === 'HEAD')) {
      const res = await env.ASSETS.fetch(request);
      const unchanged = res.status === 304;
      if (!unchanged && (!res.ok || !res.headers.get('content-type')?.includes('json')))
        return app.fetch(request, env, ctx);
      const file = new Response(res.body, res);
      file.headers.set('Cache-Control', apiDescription.cacheControl);
      return file;
    }
    const res = await app.fetch(request, env, ctx);
    // A page the Worker runs first for but does not know (/events/signup/…, a mistyped link) is
    // the app's own page, which says "not found" itself if it must.
    const isPage = res.headers.get('content-type')?.startsWith('text/html');
    if (res.status === 404 && !isPage && request.method === 'GET' && !path.startsWith('/api/') && wantsPage(request)) {
      return env.ASSETS.fetch(new URL('/', request.url));
    }
    return res;
  },
  /** The cron triggers: every minute, messages to residents and the staff's robots; hourly, auto-close, retention, purges. */
  async scheduled(controller: { cron: string }, env: Env) {
    const { platform } = forEnv(env);
    if (controller.cron !== '* * * * *') return runHousekeeping(platform.db, platform.photos, platform.now());
    const now = platform.now();
    await deliver(platform);
    await findStaffNotices(platform.db, now);
    await deliverStaffNotices(platform.db, fetch, now, {
      origin: platform.publicOrigin,
      extraHosts: platform.robotWebhookHosts,
    });
  },
};
