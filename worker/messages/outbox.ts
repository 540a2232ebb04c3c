import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type MessageKind, type MessageSubjectKind, messageOptins, messageOutbox } from '../../schema/index.ts';
import { hashToken, hmac, randomToken } from '../lib/crypto.ts';
import type { Db } from '../lib/platform.ts';

/**
 * The stop link's token for an opt-in: derived from its nonce and the server's secret, so it
 * can be put into every message without being stored anywhere.
 * @example const token = await stopToken(settings.stopSecret, optin.stopNonce)
 */
export const stopToken = async (secret: string, nonce: string) =>
  // 22 characters (132 bits) keep the link short in a 70-character text message.
  (await hmac(secret, `message-stop|${nonce}`)).slice(0, STOP_TOKEN_LENGTH);

export const STOP_TOKEN_LENGTH = 22;

/**
 * A resident's opt-in ("send me a text message when it changes"), as a statement for the batch
 * that creates the subject. `subjectId` may be a subquery (a ticket inserted in the same batch).
 * In an array: a statement is thenable, and an async function's result would run it at once.
 * @example db.batch([insertTicket, ...(await optinInsert(db, secret, 'ticket', sql`(select max(id) from tickets)`, phone, now))])
 */
export async function optinInsert(
  db: Db,
  secret: string,
  kind: MessageSubjectKind,
  subjectId: number | SQL,
  phone: string,
  now: number,
  /** Only if this holds (the subject was really inserted: a full event takes no sign-up). */
  guard?: SQL,
) {
  const nonce = randomToken();
  const tokenHash = await hashToken(await stopToken(secret, nonce));
  return [
    db.run(sql`insert into ${messageOptins} (subject_kind, subject_id, phone, stop_nonce, stop_token_hash, created_at)
    select ${kind}, ${subjectId}, ${phone}, ${nonce}, ${tokenHash}, ${now} where ${guard ?? sql`1`}`),
  ] as const;
}

export type OutboxMessage = {
  subjectKind: MessageSubjectKind;
  subjectId: number;
  kind: MessageKind;
  /** What the text is rendered from; never a tracking token. */
  params: Record<string, string | number | null>;
  urgent?: boolean | SQL;
  /** Names the change (e.g. `ticket:12:v4`); the opt-in's id is added, so one change is one message each. */
  dedupe: string;
  now: number;
  /**
   * A condition that holds only if the change itself was written (the batch commits even when an
   * optimistic lock turned the change away), e.g. the ticket now has the version the change gave it.
   */
  guard?: SQL;
};

/**
 * The outbox rows for one change, as ONE statement for the change's own batch: a row for each
 * resident who opted in and has not stopped, none if nobody did, and never a second one for the
 * same change (the dedupe key is unique).
 * @example also: [outboxInsert(db, { subjectKind: 'ticket', subjectId: t.id, kind: 'ticket_status', params, dedupe: `ticket:${t.id}:v${v + 1}`, now })]
 */
export function outboxInsert(db: Db, m: OutboxMessage) {
  return db.run(sql`insert into ${messageOutbox} (optin_id, kind, params, urgent, dedupe_key, status, attempts, next_attempt_at, created_at)
    select o.id, ${m.kind}, ${JSON.stringify(m.params)}, ${typeof m.urgent === 'object' ? m.urgent : m.urgent ? 1 : 0}, ${m.dedupe} || ':' || o.id, 'pending', 0, ${m.now}, ${m.now}
    from ${messageOptins} o
    where o.subject_kind = ${m.subjectKind} and o.subject_id = ${m.subjectId} and o.stopped_at is null
      and o.phone != '' and ${m.guard ?? sql`1`}
    on conflict (dedupe_key) do nothing`);
}

/** Whether a subject has an opt-in still running, as SQL (1 or 0), to read with the subject itself. */
export const activeOptin = (kind: MessageSubjectKind, subjectId: unknown) =>
  sql<number>`exists (select 1 from ${messageOptins} o where o.subject_kind = ${kind} and o.subject_id = ${subjectId} and o.stopped_at is null)`;

/** Whether a subject has an opt-in still running, as a query to batch: one row, `a` 1 or 0. */
export const optinQuery = (db: Db, kind: MessageSubjectKind, subjectId: number | SQL) =>
  db.all<{ a: number }>(sql`select ${activeOptin(kind, subjectId)} as a`);

/** Whether a subject has an opt-in still running (tracking pages offer "不再发短信" then). */
export async function hasActiveOptin(db: Db, kind: MessageSubjectKind, subjectId: number): Promise<boolean> {
  return !!(await optinQuery(db, kind, subjectId))[0]?.a;
}

/**
 * Stops messages, by the stop link's token or for a subject (its tracking token checked by the
 * caller). Idempotent: stopping twice keeps the first time. Messages not yet sent are dropped.
 * Returns whether the token named an opt-in.
 */
export async function stopMessages(
  db: Db,
  by: { tokenHash: string } | { subjectKind: MessageSubjectKind; subjectId: number },
  now: number,
): Promise<boolean> {
  const which =
    'tokenHash' in by
      ? eq(messageOptins.stopTokenHash, by.tokenHash)
      : and(eq(messageOptins.subjectKind, by.subjectKind), eq(messageOptins.subjectId, by.subjectId));
  const [found] = await db.batch([
    db.select({ id: messageOptins.id }).from(messageOptins).where(which),
    db
      .update(messageOptins)
      .set({ stoppedAt: now })
      .where(and(which, isNull(messageOptins.stoppedAt))),
    db
      .update(messageOutbox)
      .set({ status: 'dropped', lastError: 'stopped by the resident' })
      .where(
        sql`${messageOutbox.status} in ('pending', 'held') and ${messageOutbox.optinId} in (select id from ${messageOptins} where ${which})`,
      ),
  ]);
  return found.length > 0;
}
