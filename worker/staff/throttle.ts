import { and, count, eq, gt, inArray, lt, min } from 'drizzle-orm';
import { loginFailures } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed within the window, per login and per client address. */
export const LOGIN_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

export const throttleKeys = (login: string, address: string) => ({ login: `login:${login}`, address: `ip:${address}` });

/** Seconds until sign-in may be tried again for these keys, or 0 when it may be tried now. */
export async function retryAfterSeconds(
  db: Db,
  keys: { login: string; address: string },
  now: number,
): Promise<number> {
  const rows = await db
    .select({ key: loginFailures.key, n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, [keys.login, keys.address]), gt(loginFailures.at, now - THROTTLE_WINDOW_MS)))
    .groupBy(loginFailures.key);
  let wait = 0;
  for (const row of rows) {
    const limit = row.key === keys.login ? LOGIN_FAILURE_LIMIT : ADDRESS_FAILURE_LIMIT;
    if (row.n >= limit && row.oldest !== null)
      wait = Math.max(wait, Math.ceil((row.oldest + THROTTLE_WINDOW_MS - now) / 1000));
  }
  return wait;
}

/** Records one failed sign-in under both keys and forgets failures older than the window. */
export async function recordFailure(db: Db, keys: { login: string; address: string }, now: number): Promise<void> {
  await db.batch([
    db.insert(loginFailures).values([
      { key: keys.login, at: now },
      { key: keys.address, at: now },
    ]),
    db.delete(loginFailures).where(lt(loginFailures.at, now - THROTTLE_WINDOW_MS)),
  ]);
}

/** A successful sign-in clears the failures counted against that login. */
export async function clearLoginFailures(db: Db, loginKey: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, loginKey));
}
