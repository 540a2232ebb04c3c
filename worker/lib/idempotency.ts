import { and, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { idempotencyKeys } from '../../schema/index.ts';
import { ApiError } from './errors.ts';
import type { AppEnv, Db } from './platform.ts';

/**
 * Answers are kept this long; a retry after that is a new request. A week, because a phone keeps
 * a post filed offline until it reaches us and may send it again days later when its first answer
 * was lost; not longer, because an answer holds the resident's tracking token.
 */
export const IDEMPOTENCY_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * How long a request holds its key before it counts as abandoned (a server killed mid-write):
 * longer than any request runs (Node gives a request 60 s), short enough that a resident who
 * presses again after a crash is served within a minute, not a day.
 */
export const IDEMPOTENCY_LEASE_MS = 60 * 1000;
const keyPattern = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * The statement that stores the answer, to go into the write's own batch right after the
 * statement that writes the row: it holds only if that statement changed a row, so the answer
 * is kept exactly when the write happened. `body` is SQL building the answer's JSON (it may read
 * `last_insert_rowid()`).
 */
export type RecordAnswer = (body: SQL) => BatchItem<'sqlite'>;

/**
 * Runs a public write at most once per `Idempotency-Key`: a retry (a phone on a bad network
 * pressing again) gets the first answer back. The key is reserved before the write, so two
 * retries racing each other cannot both write; the write stores its answer in its own batch
 * (`record`), so after a crash a retry finds either the answer (the write happened) or an
 * abandoned reservation it may take over (it did not): never both, never neither.
 * @example return idempotent(c, 'tickets', async (record) => ({ status: 201, body: await fileTicket(db, input, { record }) }))
 */
export async function idempotent<T extends object>(
  c: Context<AppEnv>,
  scope: string,
  run: (record: RecordAnswer | undefined) => Promise<{ status: ContentfulStatusCode; body: T }>,
): Promise<{ status: ContentfulStatusCode; body: T; replayed: boolean }> {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return { ...(await run(undefined)), replayed: false };
  if (!keyPattern.test(key)) {
    throw new ApiError(400, 'invalid_input', 'Invalid Idempotency-Key header.', {
      'Idempotency-Key': 'Use 8–128 letters, digits, or . _ : -',
    });
  }
  const { db, platform } = c.var;
  const now = platform.now();
  const lease = platform.idempotencyLeaseMs ?? IDEMPOTENCY_LEASE_MS;
  // A key stands for one request: the same key with another body is another request, so a
  // reused or guessed key never hands out someone else's answer (their tracking token).
  const request = `${scope}:${await fingerprint(await c.req.text())}`;
  const where = and(eq(idempotencyKeys.scope, request), eq(idempotencyKeys.key, key));
  const reserved = await db
    .insert(idempotencyKeys)
    .values({ scope: request, key, response: '', status: 0, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (reserved.length === 0) {
    const [previous] = await db.select().from(idempotencyKeys).where(where);
    if (previous && previous.status !== 0) {
      return {
        status: previous.status as ContentfulStatusCode,
        body: JSON.parse(previous.response) as T,
        replayed: true,
      };
    }
    // Still running, or abandoned: only an abandoned one may be taken over, and only by one retry.
    const takenOver =
      previous && now - previous.createdAt >= lease
        ? await db
            .update(idempotencyKeys)
            .set({ createdAt: now })
            .where(and(where, eq(idempotencyKeys.status, 0), eq(idempotencyKeys.createdAt, previous.createdAt)))
            .returning({ key: idempotencyKeys.key })
        : [];
    if (takenOver.length === 0) {
      const wait = previous ? Math.max(1, Math.ceil((previous.createdAt + lease - now) / 1000)) : 1;
      throw new ApiError(
        409,
        'request_in_progress',
        'The same request is still being handled. Try again in a moment.',
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
  }
  let recorded = false;
  const record = (status: ContentfulStatusCode) => (body: SQL) => {
    recorded = true;
    return db
      .update(idempotencyKeys)
      .set({ response: body, status })
      .where(and(where, eq(idempotencyKeys.status, 0), sql`changes() = 1`));
  };
  try {
    // The answer's status is known before the write: every idempotent write answers 201.
    const result = await run(record(201));
    if (!recorded || result.status !== 201) {
      await db
        .update(idempotencyKeys)
        .set({ response: JSON.stringify(result.body), status: result.status })
        .where(and(where, eq(idempotencyKeys.status, 0)));
    }
    return { ...result, replayed: false };
  } catch (err) {
    // A failed attempt must not block the retry that may succeed; an answer already kept stays.
    await db.delete(idempotencyKeys).where(and(where, eq(idempotencyKeys.status, 0)));
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
