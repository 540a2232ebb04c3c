import { relations } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { communities, compounds, partners, propertyCompanies, subdistricts } from './places.ts';
import { renovationWishes } from './renovation.ts';
import { staff } from './staff.ts';

/**
 * The joint desk (合署办公): residents' tickets to the community committee and the property
 * company. Times are milliseconds since the epoch (UTC).
 */

export const owners = ['community', 'property', 'joint'] as const;
export type Owner = (typeof owners)[number];

export const ticketStatuses = [
  'submitted',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export const ticketChannels = ['web', 'walk_in', 'phone'] as const;

/** Per-community categories; the category decides who owns a ticket and its service time. */
export const ticketCategories = sqliteTable(
  'ticket_categories',
  {
    id: integer('id').primaryKey(),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** Plain-language examples residents recognise their problem in. */
    examples: text('examples').notNull().default(''),
    examplesEn: text('examples_en').notNull().default(''),
    owner: text('owner', { enum: owners }).notNull(),
    /** Days from filing to the due date. */
    serviceDays: integer('service_days').notNull(),
    /** A partner organisation that may join (e.g. a bank for home visits). */
    partnerId: integer('partner_id').references(() => partners.id),
    /**
     * Residents who choose this category are sent to the home-visit request form instead
     * (上门服务); tickets filed in it before stay readable.
     */
    homeVisits: integer('home_visits', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('ticket_categories_community_code_idx').on(t.communityId, t.code)],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey(),
    /** Human number: community code, Shanghai date, sequence of the day — YA-20261126-0007. */
    number: text('number').notNull().unique(),
    /** SHA-256 of the resident's private tracking token. */
    tokenHash: text('token_hash').notNull(),
    subdistrictId: integer('subdistrict_id')
      .notNull()
      .references(() => subdistricts.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    compoundId: integer('compound_id').references(() => compounds.id),
    /** The company serving the compound (or the community's only one), fixed at filing. */
    propertyCompanyId: integer('property_company_id').references(() => propertyCompanies.id),
    categoryId: integer('category_id')
      .notNull()
      .references(() => ticketCategories.id),
    owner: text('owner', { enum: owners }).notNull(),
    status: text('status', { enum: ticketStatuses }).notNull().default('submitted'),
    channel: text('channel', { enum: ticketChannels }).notNull().default('web'),
    description: text('description').notNull(),
    location: text('location').notNull(),
    name: text('name'),
    phone: text('phone').notNull(),
    /** The filer let neighbours see the photos on the public board. */
    photosPublic: integer('photos_public', { mode: 'boolean' }).notNull().default(false),
    dueAt: integer('due_at').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
    reopenCount: integer('reopen_count').notNull().default(0),
    duplicateOfId: integer('duplicate_of_id'),
    meToo: integer('me_too').notNull().default(0),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    updatedAt: integer('updated_at').notNull(),
    /** Optimistic lock: every change must name the version it saw. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tickets_community_status_idx').on(t.communityId, t.status),
    index('tickets_subdistrict_status_idx').on(t.subdistrictId, t.status),
    index('tickets_due_idx').on(t.status, t.dueAt),
  ],
);

export const entryVisibilities = ['public', 'internal'] as const;

/**
 * A ticket's timeline entries: every change of a ticket, and notes (public ones the resident sees).
 * Called entries, never events (a community event is something else); the SQL table keeps its
 * first name, ticket_events, so no migration renames it.
 */
export const timelineEntries = sqliteTable(
  'ticket_events',
  {
    id: integer('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility', { enum: entryVisibilities }).notNull(),
    body: text('body'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    staffId: integer('staff_id').references(() => staff.id),
    /** "resident", "staff" or "system". */
    actor: text('actor').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

/** Photos uploaded by residents or staff; claimed by a ticket or a renovation wish (news articles show theirs by key). */
export const photos = sqliteTable(
  'photos',
  {
    key: text('key').primaryKey(),
    type: text('type').notNull(),
    size: integer('size').notNull(),
    ticketId: integer('ticket_id').references(() => tickets.id),
    wishId: integer('wish_id').references(() => renovationWishes.id),
    position: integer('position'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('photos_ticket_idx').on(t.ticketId, t.position), index('photos_wish_idx').on(t.wishId, t.position)],
);

/** One "me too" per client address and ticket, so the count means neighbours. */
export const ticketMeToos = sqliteTable(
  'ticket_me_toos',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    addressHash: text('address_hash').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.addressHash] })],
);

/** Progress meetings (推进会议) of a sub-district on tickets not solved on the spot. */
export const progressMeetings = sqliteTable('progress_meetings', {
  id: integer('id').primaryKey(),
  subdistrictId: integer('subdistrict_id')
    .notNull()
    .references(() => subdistricts.id),
  heldAt: integer('held_at').notNull(),
  attendees: text('attendees').notNull(),
  notes: text('notes').notNull(),
  createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
  createdAt: integer('created_at').notNull(),
});

/** A ticket discussed at a meeting, with the follow-up agreed and its new due date. */
export const meetingTickets = sqliteTable(
  'meeting_tickets',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => progressMeetings.id),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    followUp: text('follow_up').notNull(),
    newDueAt: integer('new_due_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.ticketId] })],
);

export const ticketRelations = relations(tickets, ({ one, many }) => ({
  community: one(communities, { fields: [tickets.communityId], references: [communities.id] }),
  compound: one(compounds, { fields: [tickets.compoundId], references: [compounds.id] }),
  category: one(ticketCategories, { fields: [tickets.categoryId], references: [ticketCategories.id] }),
  events: many(timelineEntries),
  photos: many(photos),
}));

export const ticketEventRelations = relations(timelineEntries, ({ one }) => ({
  ticket: one(tickets, { fields: [timelineEntries.ticketId], references: [tickets.id] }),
  staff: one(staff, { fields: [timelineEntries.staffId], references: [staff.id] }),
}));

export const photoRelations = relations(photos, ({ one }) => ({
  ticket: one(tickets, { fields: [photos.ticketId], references: [tickets.id] }),
}));
