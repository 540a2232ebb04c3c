import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { articles } from './news.ts';
import { communities, compounds, subdistricts } from './places.ts';
import { staff } from './staff.ts';

/**
 * Events (活动): lectures such as the Small-Stool Class, themed Party days, joint meetings and
 * three-channel outreach, with residents' sign-ups. Times are milliseconds since the epoch (UTC).
 */

export const eventKinds = ['lecture', 'party_day', 'joint_meeting', 'outreach', 'other'] as const;
export type EventKind = (typeof eventKinds)[number];
/** 三位一体: on the ground (地面), over loudspeakers (空中), online (网络). */
export const eventChannels = ['onsite', 'loudspeaker', 'online'] as const;
export const eventStatuses = ['scheduled', 'cancelled', 'completed'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const signupStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof signupStatuses)[number];

/** A series (a weekly class): the rule its sessions were generated from, kept for staff. */
export const eventSeries = sqliteTable('event_series', {
  id: integer('id').primaryKey(),
  /** An RFC 5545 RRULE, e.g. FREQ=WEEKLY;COUNT=6. Sessions are separate events, each editable. */
  rule: text('rule').notNull(),
  createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
  createdAt: integer('created_at').notNull(),
});

/** One session: a single occurrence with its own venue, time, capacity and sign-ups. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey(),
    seriesId: integer('series_id').references(() => eventSeries.id),
    /** 1-based position in its series. */
    sessionNumber: integer('session_number'),
    title: text('title').notNull(),
    kind: text('kind', { enum: eventKinds }).notNull(),
    /** The organiser: a community, or (community null) the sub-district itself. */
    subdistrictId: integer('subdistrict_id')
      .notNull()
      .references(() => subdistricts.id),
    communityId: integer('community_id').references(() => communities.id),
    speaker: text('speaker'),
    /** The topic, in plain text. */
    description: text('description').notNull().default(''),
    channel: text('channel', { enum: eventChannels }).notNull(),
    joinUrl: text('join_url'),
    /** Free text: the Small-Stool Class moves between square, meeting room and courtyards. */
    venue: text('venue').notNull(),
    compoundId: integer('compound_id').references(() => compounds.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** Seats (stools); null means no limit. */
    capacity: integer('capacity'),
    signupOpen: integer('signup_open', { mode: 'boolean' }).notNull().default(true),
    status: text('status', { enum: eventStatuses }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    /** Afterwards: what happened, how many came, and optionally the news report about it. */
    summary: text('summary'),
    attendance: integer('attendance'),
    /**
     * How far a session reached beyond its one venue, as the summary records it: the sites its
     * loudspeakers stood at (6 testing sites), the WeChat groups an online lecture went out to (31).
     */
    venues: integer('venues'),
    groups: integer('groups'),
    articleId: integer('article_id').references(() => articles.id),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Optimistic lock; also the calendar SEQUENCE (version - 1), so phones see every change. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('events_community_starts_idx').on(t.communityId, t.startsAt),
    index('events_subdistrict_starts_idx').on(t.subdistrictId, t.startsAt),
    index('events_series_idx').on(t.seriesId),
    // The district's list of what has not ended yet.
    index('events_ends_idx').on(t.endsAt),
  ],
);

/** A resident's sign-up, without an account: the private token (hashed) is their key. */
export const eventSignups = sqliteTable(
  'event_signups',
  {
    id: integer('id').primaryKey(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    /** SHA-256 of the resident's private token. */
    tokenHash: text('token_hash').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    seats: integer('seats').notNull(),
    /** The waitlist is served in id order. */
    status: text('status', { enum: signupStatuses }).notNull(),
    promotedAt: integer('promoted_at'),
    cancelledAt: integer('cancelled_at'),
    /** "resident" or "staff". */
    cancelledBy: text('cancelled_by'),
    checkedInAt: integer('checked_in_at'),
    checkedInByStaffId: integer('checked_in_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('event_signups_event_status_idx').on(t.eventId, t.status),
    index('event_signups_event_phone_idx').on(t.eventId, t.phone),
  ],
);
