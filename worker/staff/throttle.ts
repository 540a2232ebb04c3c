import { and, count, gt, inArray, lt, min, or, sql } from 'drizzle-orm';
import { loginFailures } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed sign-ins allowed within the window, per key. An attacker is slowed at every level, but
 * cannot lock the owner out:
 * - one login from one address (`pair`): 5, so guessing from one place stops at once;
 * - one login from anywhere (`login`): 30, the slow limit against guessing from many addresses;
 * - one address against any login (`address`): 100, against spraying, yet a community office
 *   behind one NAT address is not shut out by a few typos;
 * - a phone that has signed in to this login before (`device`, a signed cookie): 5, counted on
 *   its own, so the owner on their own phone gets in while others exhaust the limits above.
 */
export const LIMITS = { pair: 5, login: 30, address: 100, device: 5 } as const;

type Key = { key: string; limit: number };

/** The keys an attempt counts under: the device's alone, or the pair, the login and the address. */
export function attemptKeys(login: string, address: string, device: string | null): Key[] {
  if (device) return [{ key: `device:${device}`, limit: LIMITS.device }];
  return [
    { key: `pair:${login}|${address}`, limit: LIMITS.pair },
    { key: `login:${login}`, limit: LIMITS.login },
    { key: `ip:${address}`, limit: LIMITS.address },
  ];
}

/**
 * Counts the attempt under every key before the password is checked, in one batch whose inserts
 * each hold only while their key is under its limit: a burst of simultaneous attempts cannot
 * get more password checks than the limit. Answers the rows written, or null when a key was
 * full (its rows are taken back, so blocked attempts do not prolong the block).
 */
export async function reserveAttempt(db: Db, keys: Key[], now: number): Promise<number[] | null> {
  const since = now - THROTTLE_WINDOW_MS;
  const inserts = keys.map(({ key, limit }) =>
    db.all<{ id: number }>(sql`insert into ${loginFailures} (key, at)
      select ${key}, ${now} where (select count(*) from ${loginFailures} where key = ${key} and at > ${since}) < ${limit}
      returning id`),
  );
  const results = await db.batch([db.delete(loginFailures).where(lt(loginFailures.at, since)), ...inserts] as never);
  const ids = (results as unknown[]).slice(1).flatMap((rows) => (rows as { id: number }[]).map((r) => Number(r.id)));
  if (ids.length === keys.length) return ids;
  if (ids.length) await db.delete(loginFailures).where(inArray(loginFailures.id, ids));
  return null;
}

/** Seconds until the fullest of these keys takes an attempt again. */
export async function retryAfterSeconds(db: Db, keys: Key[], now: number): Promise<number> {
  const rows = await db
    .select({ key: loginFailures.key, n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(
      and(
        inArray(
          loginFailures.key,
          keys.map((k) => k.key),
        ),
        gt(loginFailures.at, now - THROTTLE_WINDOW_MS),
      ),
    )
    .groupBy(loginFailures.key);
  let wait = 1;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)!.limit;
    if (row.n >= limit && row.oldest !== null)
      wait = Math.max(wait, Math.ceil((row.oldest + THROTTLE_WINDOW_MS - now) / 1000));
  }
  return wait;
}

/**
 * A successful sign-in: its own attempt is not a failure, and the failures counted against this
 * login from this address (or this device) are forgiven.
 */
export async function clearAfterSuccess(db: Db, ids: number[], keys: Key[]): Promise<void> {
  const forgiven = keys.filter((k) => k.key.startsWith('pair:') || k.key.startsWith('device:')).map((k) => k.key);
  await db.delete(loginFailures).where(or(inArray(loginFailures.id, ids), inArray(loginFailures.key, forgiven)));
}
