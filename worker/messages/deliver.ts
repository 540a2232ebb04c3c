import { and, eq, inArray, sql } from 'drizzle-orm';
import { type MessageKind, messageOptins, messageOutbox } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { HOUR_MS } from '../lib/time.ts';
import type { Channel, SendResult } from './channels/channel.ts';
import { stopToken } from './outbox.ts';
import { inQuietHours, quietHoursEnd } from './quiet-hours.ts';
import type { MessageSettings } from './settings.ts';
import { messageText, stopLink } from './text.ts';

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

type Claimed = {
  id: number;
  optin_id: number;
  kind: MessageKind;
  params: string;
  urgent: number;
  attempts: number;
  created_at: number;
};

/**
 * One delivery run: finds messages whose runner died while sending (they become `uncertain`
 * and are never resent on their own: the provider may have sent them), holds everything when
 * no channel is configured, moves what is not urgent past quiet hours, then takes due messages
 * one at a time with a lease in one UPDATE … RETURNING (two runners never take the same one;
 * a crash leaves at most the one being sent uncertain), sends it and marks it.
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
  for (let i = 0; i < BATCH; i++) {
    const [m] = await db.all<Claimed>(sql`update ${messageOutbox}
      set status = 'sending', claimed_until = ${now + settings.leaseMs}, attempts = attempts + 1
      where status = 'pending' and id = (
        select id from ${messageOutbox} where status = 'pending' and next_attempt_at <= ${now}
          ${quiet ? sql`and urgent = 1` : sql``}
        order by next_attempt_at, id limit 1)
      returning id, optin_id, kind, params, urgent, attempts, created_at`);
    if (!m) break;
    const result = await sendOne(db, channel, settings, m);
    if (result === null) continue;
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
      const nextAttemptAt = now + backoffMs(m.attempts);
      await mark(db, m.id, { status: 'pending', nextAttemptAt, claimedUntil: null, lastError: result.error });
    } else {
      report.failed++;
      await mark(db, m.id, { status: 'failed', claimedUntil: null, lastError: result.error });
    }
  }
  return report;
}

/** Renders and sends one claimed message; null when its resident stopped meanwhile (it is dropped). */
async function sendOne(db: Db, channel: Channel, settings: MessageSettings, m: Claimed): Promise<SendResult | null> {
  const [optin] = await db.select().from(messageOptins).where(eq(messageOptins.id, m.optin_id));
  if (!optin || optin.stoppedAt !== null || !optin.phone) {
    await mark(db, m.id, { status: 'dropped', claimedUntil: null, lastError: 'stopped by the resident' });
    return null;
  }
  const params = JSON.parse(m.params) as Record<string, string | number | null>;
  const link = stopLink(settings.publicOrigin, await stopToken(settings.stopSecret, optin.stopNonce));
  try {
    return await channel.send({
      id: m.id,
      kind: m.kind,
      phone: optin.phone,
      text: messageText(m.kind, params, link),
      params: Object.fromEntries(Object.entries({ ...params, stop: link }).map(([k, v]) => [k, String(v ?? '')])),
      urgent: m.urgent === 1,
      createdAt: m.created_at,
    });
  } catch {
    return { ok: false, retry: true, error: 'channel error' };
  }
}

/** Marks a claimed message; one made `uncertain` meanwhile (a slow send) still records what came of it. */
const mark = (db: Db, id: number, set: Partial<typeof messageOutbox.$inferInsert>) =>
  db
    .update(messageOutbox)
    .set(set)
    .where(and(eq(messageOutbox.id, id), inArray(messageOutbox.status, ['sending', 'uncertain'])));
