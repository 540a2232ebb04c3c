import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { type MessageStatus, messageOptins, messageOutbox } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { maskPhone } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntryIfChanged } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { channelFor, type MessageSettings } from './settings.ts';
import { messageText, stopLink } from './text.ts';

export const OUTBOX_PAGE_SIZE = 50;

/**
 * A page of the outbox, newest first, as the district admin reads it: the phone masked, the
 * text as it would go out but with the stop link's token left out (it is the resident's).
 */
export async function outboxPage(db: Db, settings: MessageSettings, status: MessageStatus | undefined, page: number) {
  const where = status ? eq(messageOutbox.status, status) : undefined;
  const [rows, [total]] = await db.batch([
    db
      .select({ m: messageOutbox, phone: messageOptins.phone, subjectKind: messageOptins.subjectKind })
      .from(messageOutbox)
      .innerJoin(messageOptins, eq(messageOptins.id, messageOutbox.optinId))
      .where(where)
      .orderBy(desc(messageOutbox.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE),
    db.select({ n: count() }).from(messageOutbox).where(where),
  ]);
  const channel = channelFor(settings);
  return {
    channel: channel?.name ?? null,
    quietHours: settings.quietHours,
    page,
    pages: Math.max(1, Math.ceil((total?.n ?? 0) / OUTBOX_PAGE_SIZE)),
    messages: rows.map(({ m, phone, subjectKind }) => ({
      id: m.id,
      subjectKind,
      kind: m.kind,
      phone: phone ? maskPhone(phone) : '',
      text: messageText(m.kind, m.params, stopLink(settings.publicOrigin, '…')),
      urgent: m.urgent,
      status: m.status,
      attempts: m.attempts,
      nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt : null,
      lastError: m.lastError,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
    })),
  };
}

/**
 * The admin's decision on a message nobody knows was sent (`uncertain`), that failed, or that was
 * held while no channel was configured: send it (again), or drop it. Audited in the same batch;
 * a message in any other state is a 409.
 */
export async function settleMessage(db: Db, staff: StaffMember, id: number, action: 'resend' | 'drop', now: number) {
  const [row] = await db.select({ status: messageOutbox.status }).from(messageOutbox).where(eq(messageOutbox.id, id));
  if (!row) throw new ApiError(404, 'message_not_found', 'No such message.');
  const settleable = ['uncertain', 'failed', 'held'] as const;
  const [updated] = await db.batch([
    db
      .update(messageOutbox)
      .set(
        action === 'resend'
          ? { status: 'pending', nextAttemptAt: now, claimedUntil: null, attempts: 0 }
          : { status: 'dropped', claimedUntil: null },
      )
      .where(and(eq(messageOutbox.id, id), inArray(messageOutbox.status, [...settleable]))),
    auditEntryIfChanged(db, staff, `message.${action}`, 'message', id, now),
  ]);
  if (updated.rowsAffected !== 1)
    throw new ApiError(
      409,
      'message_settled',
      'Only an uncertain, failed or held message can be sent again or dropped.',
    );
}
