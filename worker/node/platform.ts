import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Context } from 'hono';
import { parsePublicOrigin } from '../lib/origin.ts';
import type { Db, Platform } from '../lib/platform.ts';
import { type MessageEnv, parseMessageSettings } from '../messages/settings.ts';
import { parseWebhookHosts } from '../robots/webhook.ts';
import { folderPhotoStore } from './photo-store.ts';
import { defaultWebRoot } from './server.ts';

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The client's address on Node: the socket's, or, behind trusted proxies (TRUST_PROXY), the
 * X-Forwarded-For entry the outermost of them wrote; anything to its left could be forged.
 */
export function nodeClientAddress(trustedHops: number) {
  return (c: Context): string => {
    const socket = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress || 'unknown';
    if (trustedHops === 0) return socket;
    // Each proxy appends the address it saw; the client may write anything to the left of that.
    // The address our outermost trusted proxy saw is the `trustedHops`-th entry from the right.
    const seen = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    return seen[Math.max(0, seen.length - trustedHops)] ?? socket;
  };
}

/**
 * TRUST_PROXY: how many proxies in front of the server append to X-Forwarded-For (`1`, `true`
 * and `yes` mean one; off or `0` means none, and the header is ignored).
 */
export function trustedHops(setting: string | undefined): number {
  const value = (setting ?? '').trim().toLowerCase();
  if (['true', 'yes'].includes(value)) return 1;
  const n = Number(value);
  return /^\d{1,2}$/.test(value) && n > 0 ? n : 0;
}

/** A whole number of seconds from the environment, in milliseconds; unset or invalid is undefined. */
const seconds = (value: string | undefined) => (/^\d{1,6}$/.test(value ?? '') ? Number(value) * 1000 : undefined);

/**
 * The password pepper: AUTH_PEPPER, or for a local database file a random one kept in a file
 * beside it (never inside the database, which is the point of a pepper).
 */
export function resolvePepper(databaseUrl: string): string | undefined {
  if (process.env.AUTH_PEPPER) return process.env.AUTH_PEPPER;
  if (!databaseUrl.startsWith('file:')) return undefined;
  const file = join(dirname(databaseUrl.slice('file:'.length).split('?')[0]!), 'auth-pepper.secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Residents' writes per address per hour: PUBLIC_WRITES_PER_HOUR, default 30. */
export function publicWritesPerHour(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 30;
}

/** Photos live in PHOTOS_DIR, or in a `photos` folder beside a local database file. */
function photosDir(databaseUrl: string): string {
  if (process.env.PHOTOS_DIR) return process.env.PHOTOS_DIR;
  const base = databaseUrl.startsWith('file:') ? dirname(databaseUrl.slice('file:'.length).split('?')[0]!) : 'data';
  return join(base, 'photos');
}

/** The built index.html, read once (null until `npm run build` has made it). */
export function fileShell(path: string) {
  let cached: string | null = null;
  return async () => (cached ??= existsSync(path) ? readFileSync(path, 'utf8') : null);
}

/** The services the Node entry gives the app. */
export function nodePlatform(db: Db, databaseUrl: string): Platform {
  const hops = trustedHops(process.env.TRUST_PROXY);
  const trustProxy = hops > 0;
  const authPepper = resolvePepper(databaseUrl);
  const publicOrigin = parsePublicOrigin(process.env.PUBLIC_ORIGIN);
  return {
    db,
    now: Date.now,
    authPepper,
    authPepperPrevious: process.env.AUTH_PEPPER_PREVIOUS || undefined,
    clientAddress: nodeClientAddress(hops),
    trustProxy,
    publicOrigin,
    robotWebhookHosts: parseWebhookHosts(process.env.ROBOT_WEBHOOK_HOSTS),
    messages: parseMessageSettings(process.env as MessageEnv, authPepper, publicOrigin),
    idempotencyLeaseMs: seconds(process.env.IDEMPOTENCY_LEASE_SECONDS),
    publicWritesPerHour: publicWritesPerHour(process.env.PUBLIC_WRITES_PER_HOUR),
    photos: folderPhotoStore(photosDir(databaseUrl)),
    shell: fileShell(join(defaultWebRoot, 'index.html')),
  };
}
