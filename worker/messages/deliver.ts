import { and, eq, inArray, sql } from 'drizzle-orm';
import { type MessageKind, messageOptins, messageOutbox } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { HOUR_MS } from '../lib/time.ts';
import type { Channel, SendResult } from './channels/channel.ts';
import { stopToken } from './outbox.ts';
import { inQuietHours, quietHoursEnd } from './quiet-hours.ts';
import type { MessageSettings } from './settings.ts';
import { messageText, stopLink } from './text.ts';

/** How long a runner holds a claimed message: far longer than one send (10 s timeout). */
export const LEASE_MS = 60_000;
/** Messages one run takes at most (a Worker's cron or waitUntil has little time). */
const BATCH = 20;

/**
 * The wait before attempt `attempts + 1`: 30 s doubled each time, at most 6 hours, ±20 % so
 * many messages failed together do not all come back at once.
 * @example backoffMs(3) // about 2 minutes
 */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * HOUR_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export type DeliveryReport = { sent: number; retried: number; failed: number; held: number; uncertain: number };

/**
 * One delivery run: finds messages whose runner died while sending (they become `uncertain`
 * and are never resent on their own: the provider may have sent them), holds everything when
 * no channel is configured, moves what is not urgent past quiet hours, then claims due messages
 * with a lease in one UPDATE … RETURNING (two runners never take the same one), sends each and
 * marks it. At most once: a message is sent only from `sending`, and only one runner has it.
 * @example await deliverMessages(db, channelFor(settings), settings, Date.now())
 */
export async function deliverMessages(
  db: Db,
  channel: Channel | null,
  settings: MessageSettings,
  now: number,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, held: 0, uncertain: 0 };
  const lost = await db
    .update(messageOutbox)
    .set({ status: 'uncertain', claimedUntil: null, lastError: 'runner stopped while sending' })
    .where(and(eq(messageOutbox.status, 'sending'), sql`${messageOutbox.claimedUntil} < ${now}`));
  report.uncertain = lost.rowsAffected;
  if (!channel) {
    const held = await db
      .update(messageOutbox)
      .set({ status: 'held', lastError: 'no channel configured' })
      .where(eq(messageOutbox.status, 'pending'));
    report.held = held.rowsAffected;
    return report;
  }
  const quiet = inQuietHours(settings.quietHours, now);
  if (quiet && settings.quietHours) {
    const end = quietHoursEnd(settings.quietHours, now);
    await db
      .update(messageOutbox)
      .set({ nextAttemptAt: end })
      .where(
        and(
          eq(messageOutbox.status, 'pending'),
          eq(messageOutbox.urgent, false),
          sql`${messageOutbox.nextAttemptAt} < ${end}`,
        ),
      );
  }
  const claimed = await db.all<{
    id: number;
    optin_id: number;
    kind: MessageKind;
    params: string;
    urgent: number;
    attempts: number;
    created_at: number;
  }>(sql`update ${messageOutbox} set status = 'sending', claimed_until = ${now + LEASE_MS}, attempts = attempts + 1
    where status = 'pending' and id in (
      select id from ${messageOutbox} where status = 'pending' and next_attempt_at <= ${now}
        ${quiet ? sql`and urgent = 1` : sql``}
      order by next_attempt_at, id limit ${BATCH})
    returning id, optin_id, kind, params, urgent, attempts, created_at`);
  if (!claimed.length) return report;
  const optins = await db
    .select({
      id: messageOptins.id,
      phone: messageOptins.phone,
      nonce: messageOptins.stopNonce,
      stoppedAt: messageOptins.stoppedAt,
    })
    .from(messageOptins)
    .where(inArray(messageOptins.id, [...new Set(claimed.map((m) => m.optin_id))]));
  for (const m of claimed) {
    const optin = optins.find((o) => o.id === m.optin_id);
    if (!optin || optin.stoppedAt !== null || !optin.phone) {
      await mark(db, m.id, { status: 'dropped', claimedUntil: null, lastError: 'stopped by the resident' });
      continue;
    }
    const params = JSON.parse(m.params) as Record<string, string | number | null>;
    const link = stopLink(settings.publicOrigin, await stopToken(settings.stopSecret, optin.nonce));
    const text = messageText(m.kind, params, link);
    const templateParams = Object.fromEntries(
      Object.entries({ ...params, stop: link }).map(([k, v]) => [k, String(v ?? '')]),
    );
    let result: SendResult;
    try {
      result = await channel.send({
        id: m.id,
        kind: m.kind,
        phone: optin.phone,
        text,
        params: templateParams,
        urgent: m.urgent === 1,
        createdAt: m.created_at,
      });
    } catch {
      result = { ok: false, retry: true, error: 'channel error' };
    }
    if (result.ok) {
      report.sent++;
      await mark(db, m.id, {
        status: 'sent',
        sentAt: now,
        providerRef: result.ref,
        claimedUntil: null,
        lastError: null,
      });
    } else if (result.retry && m.attempts < settings.maxAttempts) {
      report.retried++;
      await mark(db, m.id, {
        status: 'pending',
        nextAttemptAt: now + backoffMs(m.attempts),
        claimedUntil: null,
        lastError: result.error,
      });
    } else {
      report.failed++;
      await mark(db, m.id, { status: 'failed', claimedUntil: null, lastError: result.error });
    }
  }
  return report;
}

/** Marks a claimed message; one made `uncertain` meanwhile (a slow send) still records what came of it. */
const mark = (db: Db, id: number, set: Partial<typeof messageOutbox.$inferInsert>) =>
  db
    .update(messageOutbox)
    .set(set)
    .where(and(eq(messageOutbox.id, id), inArray(messageOutbox.status, ['sending', 'uncertain'])));
