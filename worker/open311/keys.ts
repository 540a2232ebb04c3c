import { and, desc, eq, gt, isNull, min, sql } from 'drizzle-orm';
import { open311Keys, publicWrites } from '../../schema/index.ts';
import { hashToken, randomToken } from '../lib/crypto.ts';
import type { Db } from '../lib/platform.ts';
import { HOUR_MS } from '../lib/time.ts';
import { auditEntry, auditEntryIfChanged } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { open311Error } from './format.ts';

/** What staff see of a key: never the key, only its first characters. */
const keyColumns = {
  id: open311Keys.id,
  app: open311Keys.app,
  keyPrefix: open311Keys.keyPrefix,
  hourlyLimit: open311Keys.hourlyLimit,
  createdAt: open311Keys.createdAt,
  revokedAt: open311Keys.revokedAt,
  lastUsedAt: open311Keys.lastUsedAt,
};

/** Every key, newest first, revoked ones too (so the list shows who had access). */
export const listKeys = (db: Db) => db.select(keyColumns).from(open311Keys).orderBy(desc(open311Keys.id));

/**
 * Issues a key for a partner app: the answer carries the key, once; the database keeps its hash.
 * Audited in the same batch.
 */
export async function createKey(db: Db, me: StaffMember, input: { app: string; hourlyLimit: number }, now: number) {
  const key = `o311_${randomToken()}`;
  const [[row]] = await db.batch([
    db
      .insert(open311Keys)
      .values({
        app: input.app,
        keyHash: await hashToken(key),
        keyPrefix: key.slice(0, 9),
        hourlyLimit: input.hourlyLimit,
        createdByStaffId: me.id,
        createdAt: now,
      })
      .returning(keyColumns),
    auditEntry(db, me, 'open311.key_create', 'open311_key', sql`last_insert_rowid()`, now, {
      app: input.app,
      hourlyLimit: input.hourlyLimit,
    }),
  ]);
  return { ...row!, key };
}

/** Revokes a key (once: a revoked key stays revoked), audited; false when there is no such live key. */
export async function revokeKey(db: Db, me: StaffMember, id: number, now: number): Promise<boolean> {
  const [revoked] = await db.batch([
    db
      .update(open311Keys)
      .set({ revokedAt: now })
      .where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt))),
    auditEntryIfChanged(db, me, 'open311.key_revoke', 'open311_key', id, now),
  ]);
  return revoked.rowsAffected === 1;
}

/**
 * The live key behind an `api_key`, or the spec's 401 (none given) / 403 (unknown or revoked).
 * @example const key = await keyFor(db, body.api_key)
 */
export async function keyFor(db: Db, apiKey: string | undefined) {
  if (!apiKey) throw open311Error(401, 'api_key is required to post a service request.');
  const [key] = await db
    .select()
    .from(open311Keys)
    .where(eq(open311Keys.keyHash, await hashToken(apiKey)));
  if (!key) throw open311Error(403, 'Invalid api_key.');
  if (key.revokedAt !== null) throw open311Error(403, 'This api_key has been revoked.');
  return key;
}

/**
 * Counts one write against the key's hourly limit, in one statement so parallel posts cannot
 * overshoot, or answers 429 with Retry-After. A partner app posts from one server for many
 * residents, so it has its own budget instead of the per-address one residents share.
 */
export async function countKeyWrite(db: Db, key: { id: number; hourlyLimit: number }, now: number) {
  const who = `open311:${key.id}`;
  const inWindow = and(
    eq(publicWrites.address, who),
    eq(publicWrites.kind, 'open311'),
    gt(publicWrites.at, now - HOUR_MS),
  );
  const result = await db.run(sql`
    insert into ${publicWrites} (address, kind, at) select ${who}, 'open311', ${now}
    where (select count(*) from (select 1 from ${publicWrites} where ${inWindow} limit ${key.hourlyLimit})) < ${key.hourlyLimit}`);
  if (result.rowsAffected === 1) return;
  const [oldest] = await db
    .select({ at: min(publicWrites.at) })
    .from(publicWrites)
    .where(inWindow);
  const wait = Math.max(1, Math.ceil(((oldest?.at ?? now) + HOUR_MS - now) / 1000));
  throw open311Error(429, `This api_key may post ${key.hourlyLimit} requests an hour.`, {
    'Retry-After': String(wait),
  });
}

/** The statements recording a filing by a key: its last use, and the audit entry naming the ticket. */
export const keyUse = (db: Db, key: { id: number; app: string }, now: number) => [
  db.update(open311Keys).set({ lastUsedAt: now }).where(eq(open311Keys.id, key.id)),
  auditEntry(
    db,
    null,
    'open311.file',
    'ticket',
    sql`(select number from tickets where id = (select max(id) from tickets))`,
    now,
    {
      keyId: key.id,
      app: key.app,
    },
  ),
];
