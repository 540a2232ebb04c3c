import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Messages to staff through a team's group robot (企业微信 / 钉钉 群机器人): one robot per community
 * committee or property company, and the notices waiting to be sent to it in one batched message.
 */
export const robotOwnerKinds = ['community', 'company'] as const;
export type RobotOwnerKind = (typeof robotOwnerKinds)[number];

export const robotPlatforms = ['wecom', 'dingtalk'] as const;
export type RobotPlatform = (typeof robotPlatforms)[number];

export const staffNoticeKinds = ['new_ticket', 'part_assigned', 'overdue', 'follow_ups_tomorrow'] as const;
export type StaffNoticeKind = (typeof staffNoticeKinds)[number];

export const staffRobots = sqliteTable(
  'staff_robots',
  {
    id: integer('id').primaryKey(),
    ownerKind: text('owner_kind', { enum: robotOwnerKinds }).notNull(),
    /** A community's id or a property company's id, as `ownerKind` says. */
    ownerId: integer('owner_id').notNull(),
    platform: text('platform', { enum: robotPlatforms }).notNull(),
    /** The robot's webhook: its key is in the URL, so it is never sent back whole, nor logged. */
    webhookUrl: text('webhook_url').notNull(),
    /** DingTalk's signing secret (加签, "SEC…"), when the robot has one. */
    signingSecret: text('signing_secret'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** Who holds the robot's delivery right now (a runner's random id) and until when. */
    leaseId: text('lease_id'),
    leaseUntil: integer('lease_until'),
    /** Back-off after an error: nothing is sent before this instant. */
    nextAttemptAt: integer('next_attempt_at'),
    failures: integer('failures').notNull().default(0),
    /** The last delivery's outcome, for the robots page: ok, or the platform's errcode/errmsg. */
    lastDeliveryAt: integer('last_delivery_at'),
    lastDeliveryOk: integer('last_delivery_ok', { mode: 'boolean' }),
    lastDeliveryError: text('last_delivery_error'),
    lastTestAt: integer('last_test_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_robots_owner_idx').on(t.ownerKind, t.ownerId)],
);

export const staffNoticeStatuses = ['pending', 'sent', 'dropped'] as const;

export const staffNotices = sqliteTable(
  'staff_notices',
  {
    id: integer('id').primaryKey(),
    ownerKind: text('owner_kind', { enum: robotOwnerKinds }).notNull(),
    ownerId: integer('owner_id').notNull(),
    kind: text('kind', { enum: staffNoticeKinds }).notNull(),
    ticketId: integer('ticket_id'),
    ticketNumber: text('ticket_number'),
    /** What the group reads: category and place, a staff name — never a resident's name, phone or token. */
    summary: text('summary').notNull(),
    /** The same thing is announced once: e.g. `overdue:community:3:<ticket>:<due>`. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    status: text('status', { enum: staffNoticeStatuses }).notNull().default('pending'),
    /** The delivery that carries it (the robot's lease id while sending). */
    batchId: text('batch_id'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('staff_notices_pending_idx').on(t.ownerKind, t.ownerId, t.status, t.createdAt)],
);
