import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { events } from './events.ts';
import { articles } from './news.ts';
import { communities, compounds, partners, subdistricts } from './places.ts';
import { staff } from './staff.ts';
import { volunteers } from './volunteers.ts';

/**
 * Courtyard renovation with consultation (一院一案): a compound's project, its plan items
 * (改造内容), residents' wishes (小心愿) and objections (异议) with their public answers, and the
 * joint meetings (联席会) that decide on them. Times are milliseconds since the epoch (UTC);
 * calendar days (YYYY-MM-DD, Zhengzhou) are kept as text.
 */

export const projectStatuses = ['consulting', 'plan_agreed', 'under_construction', 'completed'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
/** Who leads the working group (工作专班): the community or the sub-district. */
export const projectLeads = ['community', 'subdistrict'] as const;
export const projectPartnerRoles = ['contractor', 'supervisor'] as const;
export type ProjectPartnerRole = (typeof projectPartnerRoles)[number];

export const planItemStatuses = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'] as const;
export type PlanItemStatus = (typeof planItemStatuses)[number];

export const wishKinds = ['wish', 'objection'] as const;
export type WishKind = (typeof wishKinds)[number];
export const wishChannels = ['web', 'walk_in', 'phone', 'volunteer'] as const;
export type WishChannel = (typeof wishChannels)[number];
/**
 * A wish's public answer. `received` is no answer yet; every other one is an answer, and the
 * day it was given is shown with it.
 */
export const wishOutcomes = [
  'received',
  'under_consideration',
  'on_agenda',
  'came_true',
  'in_plan',
  'not_possible',
  'merged',
] as const;
export type WishOutcome = (typeof wishOutcomes)[number];

/** 四方联席会 (Party branch, contractor, supervisor, representatives) or 旧改联席会. */
export const meetingTypes = ['four_party', 'renovation'] as const;
export type MeetingType = (typeof meetingTypes)[number];
export const meetingDecisions = ['accepted', 'changed', 'not_possible', 'deferred'] as const;
export type MeetingDecision = (typeof meetingDecisions)[number];

/** A working-group member as residents see them: an office or a person, and their part. */
export type WorkingGroupMember = { name: string; role: string };
/** The four parties of a joint meeting, as named in its minutes. */
export type MeetingParties = {
  partyBranch: string;
  contractor: string;
  supervisor: string;
  representatives: string;
};

export const renovationProjects = sqliteTable(
  'renovation_projects',
  {
    id: integer('id').primaryKey(),
    subdistrictId: integer('subdistrict_id')
      .notNull()
      .references(() => subdistricts.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    status: text('status', { enum: projectStatuses }).notNull().default('consulting'),
    ledBy: text('led_by', { enum: projectLeads }).notNull().default('community'),
    workingGroup: text('working_group', { mode: 'json' }).$type<WorkingGroupMember[]>().notNull().default([]),
    /** Key dates, Zhengzhou calendar days. */
    consultationStartsOn: text('consultation_starts_on'),
    planAgreedOn: text('plan_agreed_on'),
    constructionStartsOn: text('construction_starts_on'),
    completedOn: text('completed_on'),
    /** Invented for the demo (shown as such), unlike what the newspaper page reports. */
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('renovation_projects_community_idx').on(t.communityId),
    index('renovation_projects_compound_idx').on(t.compoundId),
  ],
);

/** The contractor (施工方) and supervisor (监理方) organisations on a project. */
export const renovationProjectPartners = sqliteTable(
  'renovation_project_partners',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => renovationProjects.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    role: text('role', { enum: projectPartnerRoles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.partnerId, t.role] })],
);

/** News articles that tell the project's story. */
export const renovationProjectArticles = sqliteTable(
  'renovation_project_articles',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => renovationProjects.id),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.articleId] })],
);

/** A plan item (改造内容) of the project's one plan. */
export const renovationPlanItems = sqliteTable(
  'renovation_plan_items',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => renovationProjects.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: planItemStatuses }).notNull().default('proposed'),
    /** The public reason of the last status change (required when dropped). */
    statusReason: text('status_reason'),
    /** Photos uploaded by staff, public once on the item. */
    beforePhotoKey: text('before_photo_key'),
    afterPhotoKey: text('after_photo_key'),
    expectedOn: text('expected_on'),
    doneOn: text('done_on'),
    position: integer('position').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('renovation_plan_items_project_idx').on(t.projectId, t.position)],
);

/** Every status change of a plan item, with its public reason. */
export const renovationItemChanges = sqliteTable(
  'renovation_item_changes',
  {
    id: integer('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => renovationPlanItems.id),
    at: integer('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    staffId: integer('staff_id').references(() => staff.id),
  },
  (t) => [index('renovation_item_changes_item_idx').on(t.itemId, t.at)],
);

/** A resident's wish or objection, filed without an account; the private token (hashed) is their key. */
export const renovationWishes = sqliteTable(
  'renovation_wishes',
  {
    id: integer('id').primaryKey(),
    /** Human number: community code, Zhengzhou day, W and the day's sequence — RH-20261126-W0001. */
    number: text('number').notNull().unique(),
    tokenHash: text('token_hash').notNull(),
    projectId: integer('project_id')
      .notNull()
      .references(() => renovationProjects.id),
    subdistrictId: integer('subdistrict_id')
      .notNull()
      .references(() => subdistricts.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    /** The plan item it is about, if the resident named one. */
    itemId: integer('item_id').references(() => renovationPlanItems.id),
    kind: text('kind', { enum: wishKinds }).notNull(),
    channel: text('channel', { enum: wishChannels }).notNull().default('web'),
    description: text('description').notNull(),
    /** Building and unit, or a place in the courtyard. */
    location: text('location'),
    name: text('name'),
    /** For the call-back; never shown publicly, emptied on the retention schedule. */
    phone: text('phone').notNull(),
    photosPublic: integer('photos_public', { mode: 'boolean' }).notNull().default(false),
    /** Staff may keep a wish off the public list (it names a person, say); its answer still reaches the resident. */
    listed: integer('listed', { mode: 'boolean' }).notNull().default(true),
    meToo: integer('me_too').notNull().default(0),
    outcome: text('outcome', { enum: wishOutcomes }).notNull().default('received'),
    /** The answer in words: the reason it is not possible, what was changed, what happens next. */
    outcomeNote: text('outcome_note'),
    /** The plan item that realised it (came_true) or will (in_plan). */
    outcomeItemId: integer('outcome_item_id').references(() => renovationPlanItems.id),
    /** The meeting whose agenda it is on. */
    outcomeMeetingId: integer('outcome_meeting_id'),
    mergedIntoId: integer('merged_into_id'),
    /** Expected day for in_plan; the day it was deferred to by a meeting. */
    expectedOn: text('expected_on'),
    deferredTo: text('deferred_to'),
    /** The first answer (for "days to an answer") and the latest one (shown with it). */
    answeredAt: integer('answered_at'),
    outcomeAt: integer('outcome_at'),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    /** The information collector (信息收集员) who recorded it for a neighbour (channel volunteer). */
    volunteerId: integer('volunteer_id').references(() => volunteers.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('renovation_wishes_project_idx').on(t.projectId, t.outcome),
    index('renovation_wishes_community_idx').on(t.communityId, t.createdAt),
  ],
);

/** One "me too" (我也希望) per client address and wish, so the count means neighbours. */
export const renovationWishMeToos = sqliteTable(
  'renovation_wish_me_toos',
  {
    wishId: integer('wish_id')
      .notNull()
      .references(() => renovationWishes.id),
    addressHash: text('address_hash').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.wishId, t.addressHash] })],
);

/** A wish's timeline, as the resident who filed it sees it: filed, answered, on an agenda, decided. */
export const renovationWishEntries = sqliteTable(
  'renovation_wish_entries',
  {
    id: integer('id').primaryKey(),
    wishId: integer('wish_id')
      .notNull()
      .references(() => renovationWishes.id),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    outcome: text('outcome', { enum: wishOutcomes }),
    body: text('body'),
    itemId: integer('item_id'),
    meetingId: integer('meeting_id'),
    /** "resident", "staff" or "system". */
    actor: text('actor').notNull(),
    staffId: integer('staff_id').references(() => staff.id),
  },
  (t) => [index('renovation_wish_entries_wish_idx').on(t.wishId, t.at)],
);

/** A joint meeting of a project; its time, venue and sign-up are those of its Linli event. */
export const renovationMeetings = sqliteTable(
  'renovation_meetings',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => renovationProjects.id),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    type: text('type', { enum: meetingTypes }).notNull(),
    parties: text('parties', { mode: 'json' }).$type<MeetingParties>().notNull(),
    minutes: text('minutes'),
    minutesAt: integer('minutes_at'),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('renovation_meetings_project_idx').on(t.projectId),
    uniqueIndex('renovation_meetings_event_idx').on(t.eventId),
  ],
);

/** A wish or objection on a meeting's agenda, and what the meeting decided on it. */
export const renovationAgendaItems = sqliteTable(
  'renovation_agenda_items',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => renovationMeetings.id),
    wishId: integer('wish_id')
      .notNull()
      .references(() => renovationWishes.id),
    position: integer('position').notNull(),
    decision: text('decision', { enum: meetingDecisions }),
    decisionNote: text('decision_note'),
    decisionItemId: integer('decision_item_id').references(() => renovationPlanItems.id),
    deferredTo: text('deferred_to'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.wishId] }), index('renovation_agenda_wish_idx').on(t.wishId)],
);

export const qualityProblemStatuses = ['open', 'answered'] as const;
export type QualityProblemStatus = (typeof qualityProblemStatuses)[number];

/**
 * A quality problem a quality supervisor (质量监督员) found on a plan item: it goes to the working
 * group and the contractor, is shown on the item, and must be answered. The words and the answer
 * are public; the reporter's phone never.
 */
export const renovationQualityProblems = sqliteTable(
  'renovation_quality_problems',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => renovationProjects.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => renovationPlanItems.id),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    description: text('description').notNull(),
    photoKeys: text('photo_keys', { mode: 'json' }).$type<string[]>().notNull().default([]),
    status: text('status', { enum: qualityProblemStatuses }).notNull().default('open'),
    answer: text('answer'),
    answeredByStaffId: integer('answered_by_staff_id').references(() => staff.id),
    answeredAt: integer('answered_at'),
    createdAt: integer('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('renovation_quality_problems_project_idx').on(t.projectId, t.status)],
);
