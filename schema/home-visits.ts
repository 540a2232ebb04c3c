import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { communities, compounds, partners, subdistricts } from './places.ts';
import { staff } from './staff.ts';

/**
 * Home visits (上门服务): partner organisations come to the home of someone who cannot come to
 * them. Times are milliseconds since the epoch (UTC), as on the desk.
 */

/** A service a partner offers at home: what to prepare, who is eligible, the usual lead time. */
export const homeServices = sqliteTable(
  'home_services',
  {
    id: integer('id').primaryKey(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    /** Unique across the district, used in the API: `sscard-replace`. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** What the resident must have ready (documents, the card, a family member present). */
    prepare: text('prepare').notNull().default(''),
    prepareEn: text('prepare_en').notNull().default(''),
    /** Who may ask (cannot leave home: disabled, bedridden, over 80). */
    eligibility: text('eligibility').notNull().default(''),
    eligibilityEn: text('eligibility_en').notNull().default(''),
    /** The usual days from request to visit; a request is due this many days after it is made. */
    leadDays: integer('lead_days').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('home_services_partner_idx').on(t.partnerId)],
);

/** Which services a community offers its residents (each community chooses). */
export const communityHomeServices = sqliteTable(
  'community_home_services',
  {
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => homeServices.id),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.serviceId] })],
);

export const homeVisitStatuses = [
  'requested',
  'info_needed',
  'reviewed',
  'sent',
  'accepted',
  'scheduled',
  'visited',
  'confirmed',
  'closed',
  'rejected',
  'cancelled',
] as const;
export type HomeVisitStatus = (typeof homeVisitStatuses)[number];

/** Who asked: the person themself, family, a neighbour, a volunteer, or staff taking a call. */
export const requesterRelations = ['self', 'family', 'neighbour', 'volunteer', 'staff'] as const;
/** Why the person cannot come. */
export const homeVisitReasons = ['mobility', 'illness', 'age', 'other'] as const;
export const homeVisitOutcomes = ['done', 'not_completed'] as const;
export const homeVisitChannels = ['web', 'phone', 'walk_in'] as const;

export const homeVisits = sqliteTable(
  'home_visits',
  {
    id: integer('id').primaryKey(),
    /** Human number: community code, H, Zhengzhou day, sequence of the day — GR-H20261126-0001. */
    number: text('number').notNull().unique(),
    /** SHA-256 of the requester's private tracking token. */
    tokenHash: text('token_hash').notNull(),
    subdistrictId: integer('subdistrict_id')
      .notNull()
      .references(() => subdistricts.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    serviceId: integer('service_id')
      .notNull()
      .references(() => homeServices.id),
    /** The organisation the visit is assigned to, from sending until it declines (then null). */
    partnerId: integer('partner_id').references(() => partners.id),
    status: text('status', { enum: homeVisitStatuses }).notNull().default('requested'),
    channel: text('channel', { enum: homeVisitChannels }).notNull().default('web'),
    relation: text('relation', { enum: requesterRelations }).notNull(),
    /** The requester's own name, when it is not the person's. */
    requesterName: text('requester_name'),
    /** The person who needs the visit, and how the visitor should address them (贺先生). */
    personName: text('person_name').notNull(),
    addressAs: text('address_as').notNull(),
    compoundId: integer('compound_id').references(() => compounds.id),
    building: text('building').notNull(),
    unit: text('unit').notNull().default(''),
    room: text('room').notNull(),
    phone: text('phone').notNull(),
    reason: text('reason', { enum: homeVisitReasons }).notNull(),
    reasonNote: text('reason_note'),
    preferredTimes: text('preferred_times').notNull().default(''),
    /** The time slot proposed or agreed, and whether both sides agreed it. */
    slotStart: integer('slot_start'),
    slotEnd: integer('slot_end'),
    visitorName: text('visitor_name'),
    /** The few digits the visitor shows at the door; set when the time is agreed. */
    visitCode: text('visit_code'),
    outcome: text('outcome', { enum: homeVisitOutcomes }),
    outcomeNote: text('outcome_note'),
    nextStep: text('next_step'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    dueAt: integer('due_at').notNull(),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    /** When the partner recorded the outcome (done or not completed): the reveal window runs from it. */
    visitedAt: integer('visited_at'),
    closedAt: integer('closed_at'),
    updatedAt: integer('updated_at').notNull(),
    /** Optimistic lock: every change must name the version it saw. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('home_visits_community_status_idx').on(t.communityId, t.status),
    index('home_visits_subdistrict_status_idx').on(t.subdistrictId, t.status),
    index('home_visits_partner_status_idx').on(t.partnerId, t.status),
    index('home_visits_due_idx').on(t.status, t.dueAt),
  ],
);

/** A home visit's timeline: every change and note (public ones the requester sees). */
export const homeVisitEntries = sqliteTable(
  'home_visit_entries',
  {
    id: integer('id').primaryKey(),
    visitId: integer('visit_id')
      .notNull()
      .references(() => homeVisits.id),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    body: text('body'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    staffId: integer('staff_id').references(() => staff.id),
    /** "resident", "staff", "partner" or "system". */
    actor: text('actor').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('home_visit_entries_visit_idx').on(t.visitId, t.at)],
);
