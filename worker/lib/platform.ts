import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { Context } from 'hono';
import type { MessageSettings } from '../messages/settings.ts';
import type { StaffMember } from '../staff/policy.ts';
import type { PhotoStore } from './photos.ts';

/**
 * Drizzle over libSQL, with the query builder only (the relational `db.query` API would add its
 * machinery to the Worker and is not used). Each entry builds its own: the Worker over HTTP only
 * (no WebSocket client in its bundle), Node with the full client (embedded file or remote).
 */
export type Db = LibSQLDatabase;

/**
 * Everything the app needs from the runtime, built once by an entry (Workers or Node)
 * so tests and the two runtimes swap services in one place.
 */
export type Platform = {
  db: Db;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now: () => number;
  /** Server-side secret mixed into every password hash; without it nobody can sign in. */
  authPepper: string | undefined;
  /**
   * The pepper `authPepper` replaced (AUTH_PEPPER_PREVIOUS), while staff still sign in with
   * passwords hashed under it: each is re-hashed under the new one at its next sign-in.
   */
  authPepperPrevious?: string;
  /** The client's address as the runtime knows it (CF-Connecting-IP, socket, trusted proxy). */
  clientAddress: (c: Context) => string;
  /** Residents' writes (tickets, sign-ups) allowed per client address per hour. */
  publicWritesPerHour: number;
  /** Where residents' and reporters' photos are kept (R2 on Workers, a folder on Node). */
  photos: PhotoStore;
  /** The built web app's index.html, for pages the server fills in (share cards); null if none. */
  shell: () => Promise<string | null>;
  /** Whether the origin the browser sees is given by X-Forwarded-Proto/Host (behind a proxy). */
  trustProxy?: boolean;
  /** How long an unfinished write holds its Idempotency-Key (default lib/idempotency.ts). */
  idempotencyLeaseMs?: number;
  /** The address residents open, e.g. `https://linli.example` (PUBLIC_ORIGIN): links in feeds and cards. */
  publicOrigin?: string;
  /** Hosts a staff group robot may post to besides WeCom's and DingTalk's (ROBOT_WEBHOOK_HOSTS). */
  robotWebhookHosts?: readonly string[];
  /** Messages to residents: channel, quiet hours, stop-link secret (none configured: held in the outbox). */
  messages?: MessageSettings;
  /** Asks for a delivery run soon after a write (Workers: waitUntil; Node: the in-process loop). */
  kickMessages?: (c: Context) => void;
};

/** The variables every handler can read with `c.var`. */
export type AppEnv = { Variables: { platform: Platform; db: Db; staff: StaffMember } };
