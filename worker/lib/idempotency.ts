import { and, eq, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { idempotencyKeys } from '../../schema/index.ts';
import { ApiError } from './errors.ts';
import type { AppEnv, Db } from './platform.ts';

/** Answers are kept this long; a retry after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const keyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * Runs a public write at most once per `Idempotency-Key`: a retry (a phone on a bad network
 * pressing again) gets the first answer back. The key is reserved before the write, so two
 * retries racing each other cannot both write.
 * @example return idempotent(c, 'tickets', async () => ({ status: 201, body: await fileTicket(…) }))
 */
export async function idempotent<T extends object>(
  c: Context<AppEnv>,
  scope: string,
  run: () => Promise<{ status: ContentfulStatusCode; body: T }>,
): Promise<{ status: ContentfulStatusCode; body: T; replayed: boolean }> {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return { ...(await run()), replayed: false };
  if (!keyPattern.test(key)) {
    throw new ApiError(400, 'invalid_input', 'Invalid Idempotency-Key header.', {
      'Idempotency-Key': 'Use 8–128 letters, digits, or . _ : -',
    });
  }
  const { db } = c.var;
  const now = c.var.platform.now();
  // A key stands for one request: the same key with another body is another request, so a
  // reused or guessed key never hands out someone else's answer (their tracking token).
  const request = `${scope}:${await fingerprint(await c.req.text())}`;
  const reserved = await db
    .insert(idempotencyKeys)
    .values({ scope: request, key, response: '', status: 0, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.scope, request), eq(idempotencyKeys.key, key));
  if (reserved.length === 0) {
    const [previous] = await db.select().from(idempotencyKeys).where(where);
    if (!previous || previous.status === 0) {
      throw new ApiError(409, 'request_in_progress', 'The same request is still being handled. Try again in a moment.');
    }
    return {
      status: previous.status as ContentfulStatusCode,
      body: JSON.parse(previous.response) as T,
      replayed: true,
    };
  }
  try {
    const result = await run();
    await db
      .update(idempotencyKeys)
      .set({ response: JSON.stringify(result.body), status: result.status })
      .where(where);
    return { ...result, replayed: false };
  } catch (err) {
    // A failed attempt must not block the retry that may succeed.
    await db.delete(idempotencyKeys).where(where);
    throw err;
  }
}

/** A short SHA-256 of the request body (after JSON parsing, so whitespace does not count). */
async function fingerprint(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  return Array.from(digest.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Forgets answers older than the TTL (run by the hourly job): they hold tracking tokens. */
export async function purgeIdempotencyKeys(db: Db, now: number): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS));
}
