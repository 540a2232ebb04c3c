import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Messages to residents (短信通知): what a resident asked to be told about, and the outbox of
 * messages written in the same batch as the change each one reports. Times are milliseconds
 * since the epoch (UTC).
 */

/** What a resident can follow by text message. */
export const messageSubjectKinds = ['ticket', 'visit', 'signup', 'wish'] as const;
export type MessageSubjectKind = (typeof messageSubjectKinds)[number];

/** What a message says; its words come from worker/messages/text.ts. */
export const messageKinds = [
  'ticket_status',
  'staff_reply',
  'visit_time',
  'visit_status',
  'signup_promoted',
  'event_changed',
  'event_cancelled',
  'wish_answered',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * `pending` waits for its time; `sending` is leased by a runner; `sent`; `failed` for good;
 * `held` because no channel is configured; `uncertain` when a runner died between sending and
 * marking (never resent on its own: a staff member decides).
 */
export const messageStatuses = ['pending', 'sending', 'sent', 'failed', 'held', 'uncertain', 'dropped'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const messageOptins = sqliteTable(
  'message_optins',
  {
    id: integer('id').primaryKey(),
    subjectKind: text('subject_kind', { enum: messageSubjectKinds }).notNull(),
    subjectId: integer('subject_id').notNull(),
    /** Emptied by housekeeping once the subject is finished or the resident stopped. */
    phone: text('phone').notNull(),
    /**
     * The stop link's token is HMAC(server secret, nonce), so it can be put in every message
     * without being kept: a copy of the database alone gives no one's stop link.
     */
    stopNonce: text('stop_nonce').notNull(),
    /** SHA-256 of the stop link's token (worker/lib/crypto.ts), to find the opt-in by it. */
    stopTokenHash: text('stop_token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    stoppedAt: integer('stopped_at'),
  },
  (t) => [index('message_optins_subject_idx').on(t.subjectKind, t.subjectId)],
);

export const messageOutbox = sqliteTable(
  'message_outbox',
  {
    id: integer('id').primaryKey(),
    optinId: integer('optin_id')
      .notNull()
      .references(() => messageOptins.id),
    kind: text('kind', { enum: messageKinds }).notNull(),
    /** What the text is rendered from (a ticket number, a status, a time); never a tracking token. */
    params: text('params', { mode: 'json' }).$type<Record<string, string | number | null>>().notNull(),
    /** Goes out even in quiet hours (an event cancelled on the day, an urgent-class ticket). */
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    /** One change, one message per resident: e.g. `ticket:12:v4:7` (subject, change, opt-in). */
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status', { enum: messageStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** While `sending`: the runner's lease ends here. */
    claimedUntil: integer('claimed_until'),
    sentAt: integer('sent_at'),
    providerRef: text('provider_ref'),
    /** Short, from our own words or the provider's code; never a phone or a token. */
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('message_outbox_dedupe_idx').on(t.dedupeKey),
    index('message_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('message_outbox_optin_idx').on(t.optinId),
  ],
);
