import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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

/** How a ticket reached the desk; `open311` is a partner app over the Open311 GeoReport v2 API. */
export const ticketChannels = ['web', 'walk_in', 'phone', 'open311'] as const;

/**
 * How a category's service time is counted: working days on China's official calendar, or
 * clock hours around the clock for the urgent class (a dark stairwell in winter, a blocked fire
 * lane cannot wait for Monday).
 */
export const serviceClocks = ['working_days', 'hours'] as const;
export type ServiceClock = (typeof serviceClocks)[number];

/** The public reasons a ticket's clock may stop (the tracking page shows which, since when). */
export const pauseReasons = ['waiting_resident', 'waiting_meeting', 'waiting_funds'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** What a resident said when staff called them after a ticket was resolved (回访). */
export const followUpResults = ['satisfied', 'partly', 'not_satisfied'] as const;
export type FollowUpResult = (typeof followUpResults)[number];

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
    clock: text('clock', { enum: serviceClocks }).notNull().default('working_days'),
    /** Working days from filing to the due date (the working-days clock). */
    serviceDays: integer('service_days').notNull(),
    /** Hours from filing to the due date (the hours clock). */
    serviceHours: integer('service_hours').notNull().default(24),
    /** Target for the first response: working days (working-days clock) … */
    responseDays: integer('response_days').notNull().default(1),
    /** … or hours (hours clock). */
    responseHours: integer('response_hours').notNull().default(2),
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
    /** An optional map position (WGS-84 degrees), both or neither, inside the district's bounds. */
    lat: real('lat'),
    long: real('long'),
    /** The partner app that filed it over Open311 (channel `open311`), by the name on its API key. */
    partnerApp: text('partner_app'),
    name: text('name'),
    phone: text('phone').notNull(),
    /** The filer let neighbours see the photos on the public board. */
    photosPublic: integer('photos_public', { mode: 'boolean' }).notNull().default(false),
    dueAt: integer('due_at').notNull(),
    /** The staff member of the owner working the ticket (joint tickets assign their parts instead). */
    assigneeStaffId: integer('assignee_staff_id').references(() => staff.id),
    /** Re-routes and refused parts: each time the work was passed on. */
    handoffs: integer('handoffs').notNull().default(0),
    /** The clock is stopped since this instant, for `pauseReason` (public), explained in `pauseNote`. */
    pausedAt: integer('paused_at'),
    pauseReason: text('pause_reason', { enum: pauseReasons }),
    pauseNote: text('pause_note'),
    /** When the first response (accepted, or a public reply) is due, and when it came. */
    firstResponseDueAt: integer('first_response_due_at'),
    firstResponseAt: integer('first_response_at'),
    /** The follow-up call (回访): due the working day after resolution, unless the resident rated online. */
    followUpDueAt: integer('follow_up_due_at'),
    followUpAt: integer('follow_up_at'),
    followUpResult: text('follow_up_result', { enum: followUpResults }),
    followUpComment: text('follow_up_comment'),
    followUpStaffId: integer('follow_up_staff_id').references(() => staff.id),
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
    index('tickets_community_created_idx').on(t.communityId, t.createdAt),
    index('tickets_subdistrict_created_idx').on(t.subdistrictId, t.createdAt),
    index('tickets_created_idx').on(t.createdAt),
    index('tickets_follow_up_idx').on(t.followUpDueAt),
    index('tickets_assignee_idx').on(t.assigneeStaffId),
    index('tickets_duplicate_of_idx').on(t.duplicateOfId),
    // A property company's queue: its compounds' tickets and the ones it was given by name.
    index('tickets_compound_idx').on(t.compoundId),
    index('tickets_property_company_idx').on(t.propertyCompanyId),
  ],
);

/** The sides that can hold a part of a joint ticket. */
export const partSides = ['community', 'property'] as const;
export type PartSide = (typeof partSides)[number];

/**
 * A part's status: `open` until its side takes it, `working`, `done`; `disputed` while the
 * sub-district decides who does it (a part refused twice, or an owner dispute).
 */
export const partStatuses = ['open', 'working', 'done', 'disputed'] as const;
export type PartStatus = (typeof partStatuses)[number];

/**
 * The parts of a joint ticket (共同办理): each side's own task, person, due date and status. The
 * ticket is resolved when every part is done; the resident sees one thread.
 */
export const ticketParts = sqliteTable(
  'ticket_parts',
  {
    id: integer('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    side: text('side', { enum: partSides }).notNull(),
    /** What this side does, in staff's words (empty: the side's share of the ticket as a whole). */
    task: text('task').notNull(),
    assigneeStaffId: integer('assignee_staff_id').references(() => staff.id),
    status: text('status', { enum: partStatuses }).notNull().default('open'),
    dueAt: integer('due_at').notNull(),
    /** Times this part was refused by a side (the second refusal sends it to the sub-district). */
    refusals: integer('refusals').notNull().default(0),
    /** The sub-district decided the side: the part can no longer be refused. */
    decided: integer('decided', { mode: 'boolean' }).notNull().default(false),
    doneAt: integer('done_at'),
    doneNote: text('done_note'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('ticket_parts_ticket_idx').on(t.ticketId), index('ticket_parts_assignee_idx').on(t.assigneeStaffId)],
);

/**
 * Disputes the sub-district decides: a part refused twice, or a side disputing who owns a
 * ticket. The decision is final and on the public timeline.
 */
export const ticketDisputes = sqliteTable(
  'ticket_disputes',
  {
    id: integer('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** The disputed part, or null for a dispute over the whole ticket's owner. */
    partId: integer('part_id').references(() => ticketParts.id),
    reason: text('reason').notNull(),
    raisedByStaffId: integer('raised_by_staff_id').references(() => staff.id),
    raisedAt: integer('raised_at').notNull(),
    /** The sub-district decides by then (working days on the official calendar). */
    decideBy: integer('decide_by').notNull(),
    decidedAt: integer('decided_at'),
    decidedByStaffId: integer('decided_by_staff_id').references(() => staff.id),
    /** The side (a part) or owner (a ticket) decided. */
    decision: text('decision'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('ticket_disputes_ticket_idx').on(t.ticketId), index('ticket_disputes_open_idx').on(t.decidedAt)],
);

export const extensionStatuses = ['pending', 'approved', 'refused'] as const;

/**
 * Requests for more time, asked before the due date and decided by the sub-district, which
 * sees every one.
 */
export const ticketExtensions = sqliteTable(
  'ticket_extensions',
  {
    id: integer('id').primaryKey(),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    /** A part's own due date, or null for the ticket's. */
    partId: integer('part_id').references(() => ticketParts.id),
    /** Working days asked for (the hours clock: hours). */
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    requestedByStaffId: integer('requested_by_staff_id').references(() => staff.id),
    requestedAt: integer('requested_at').notNull(),
    status: text('status', { enum: extensionStatuses }).notNull().default('pending'),
    decidedByStaffId: integer('decided_by_staff_id').references(() => staff.id),
    decidedAt: integer('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('ticket_extensions_ticket_idx').on(t.ticketId), index('ticket_extensions_status_idx').on(t.status)],
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
    /** The neighbour's own rating of the result, asked once the ticket is resolved (1–5). */
    rating: integer('rating'),
    ratedAt: integer('rated_at'),
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
  (t) => [
    primaryKey({ columns: [t.meetingId, t.ticketId] }),
    // A ticket's meetings; SQLite also looks here for the foreign key whenever a ticket is written.
    index('meeting_tickets_ticket_idx').on(t.ticketId),
  ],
);
