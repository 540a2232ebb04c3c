import { and, asc, desc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  communities,
  compounds,
  photos,
  staff,
  type TicketStatus,
  ticketCategories,
  ticketDisputes,
  ticketExtensions,
  ticketParts,
  tickets,
  timelineEntries,
} from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import { maskPhone } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';
import { DAY_MS } from '../lib/time.ts';
import { activeOptin } from '../messages/outbox.ts';
import type { PlaceRef, StaffMember } from '../staff/policy.ts';
import { isOverdue, timeLeft } from './clock.ts';
import { disputesOf } from './disputes.ts';
import { AUTO_CLOSE_DAYS, isOpen, REOPEN_DAYS } from './lifecycle.ts';
import { partActionsFor, partsOf } from './parts.ts';
import { assignableStaff } from './sides.ts';

const duplicateOf = alias(tickets, 'duplicate_of');
const assignee = alias(staff, 'assignee');

const ticketQuery = (db: Db, number: string) =>
  db
    .select({
      ticket: tickets,
      category: {
        code: ticketCategories.code,
        name: ticketCategories.name,
        nameEn: ticketCategories.nameEn,
        clock: ticketCategories.clock,
      },
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
      compound: { slug: compounds.slug, name: compounds.name, nameEn: compounds.nameEn },
      duplicateOfNumber: duplicateOf.number,
      assigneeName: assignee.displayName,
      partCount: sql<number>`(select count(*) from ${ticketParts} where ${ticketParts.ticketId} = ${tickets.id})`,
      openDisputes: sql<number>`(select count(*) from ${ticketDisputes}
        where ${ticketDisputes.ticketId} = ${tickets.id} and ${ticketDisputes.decidedAt} is null)`,
      photoCount: sql<number>`(select count(*) from ${photos} where ${photos.ticketId} = ${tickets.id})`,
      smsActive: activeOptin('ticket', tickets.id),
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
    .leftJoin(duplicateOf, eq(duplicateOf.id, tickets.duplicateOfId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeStaffId))
    .where(eq(tickets.number, number));
type TicketRow = Awaited<ReturnType<typeof ticketQuery>>[number];
const loaded = (row: TicketRow) => ({ ...row, compound: row.compound?.slug ? row.compound : null });

/** A ticket with the names of its place and category, by its human number. */
export async function loadTicket(db: Db, number: string) {
  const [row] = await ticketQuery(db, number);
  return row && loaded(row);
}

/** A ticket by its number with its public timeline, in one round trip: what its tracking page reads. */
export async function ticketWithTimeline(db: Db, number: string) {
  const [[row], entries] = await db.batch([
    ticketQuery(db, number),
    timelineQuery(db, sql`(select ${tickets.id} from ${tickets} where ${tickets.number} = ${number})`, 'public'),
  ]);
  return row && { ...loaded(row), timeline: entries };
}
export type LoadedTicket = NonNullable<Awaited<ReturnType<typeof loadTicket>>>;

/** Where a ticket belongs, as the policy judges it. */
export const ticketPlace = (t: LoadedTicket['ticket']): PlaceRef => ({
  subdistrictId: t.subdistrictId,
  communityId: t.communityId,
  compoundId: t.compoundId,
  propertyCompanyId: t.propertyCompanyId,
  owner: t.owner,
});

const timelineQuery = (db: Db, ticketId: Placeholder | SQL, which: 'public' | 'all') =>
  db
    .select({
      id: timelineEntries.id,
      at: timelineEntries.at,
      kind: timelineEntries.kind,
      visibility: timelineEntries.visibility,
      body: timelineEntries.body,
      fromStatus: timelineEntries.fromStatus,
      toStatus: timelineEntries.toStatus,
      actor: timelineEntries.actor,
      staffName: staff.displayName,
      staffRole: staff.role,
      detail: timelineEntries.detail,
    })
    .from(timelineEntries)
    .leftJoin(staff, eq(staff.id, timelineEntries.staffId))
    .where(
      and(
        eq(timelineEntries.ticketId, ticketId),
        which === 'public' ? eq(timelineEntries.visibility, 'public') : undefined,
      ),
    )
    .orderBy(asc(timelineEntries.at), asc(timelineEntries.id));
const timelineOf = (which: 'public' | 'all') =>
  prepared((db) => timelineQuery(db, sql.placeholder('ticketId'), which).prepare());
const timelines = { public: timelineOf('public'), all: timelineOf('all') };

/** The timeline, oldest first; residents get only the public entries. */
export async function timeline(db: Db, ticketId: number, which: 'public' | 'all') {
  return timelines[which](db).all({ ticketId });
}

const done = (status: TicketStatus) => status === 'resolved' || status === 'closed';

/**
 * What the resident may still do with their ticket. A duplicate's resident rates the result of
 * the surviving ticket (`survivorStatus`) once that is resolved.
 */
export function residentOptions(t: LoadedTicket['ticket'], now: number, survivorStatus?: TicketStatus | null) {
  const resolvedRecently = t.resolvedAt !== null && now - t.resolvedAt <= REOPEN_DAYS * DAY_MS;
  return {
    canAddInfo: isOpen(t.status),
    canConfirm: t.status === 'resolved',
    canReopen: done(t.status) && resolvedRecently,
    canRate:
      t.rating === null && (t.status === 'duplicate' ? !!survivorStatus && done(survivorStatus) : done(t.status)),
    autoClosesAt: t.status === 'resolved' && t.resolvedAt !== null ? t.resolvedAt + AUTO_CLOSE_DAYS * DAY_MS : null,
    reopenUntil: t.resolvedAt !== null ? t.resolvedAt + REOPEN_DAYS * DAY_MS : null,
  };
}

/** The fields both the resident's and the staff's view show. */
function common(row: LoadedTicket, now: number) {
  const t = row.ticket;
  return {
    number: t.number,
    status: t.status,
    owner: t.owner,
    category: row.category,
    community: row.community,
    compound: row.compound,
    location: t.location,
    description: t.description,
    createdAt: t.createdAt,
    dueAt: t.dueAt,
    overdue: isOverdue(t, now),
    resolvedAt: t.resolvedAt,
    closedAt: t.closedAt,
    duplicateOf: row.duplicateOfNumber,
    meToo: t.meToo,
    rating: t.rating === null ? null : { score: t.rating, comment: t.ratingComment },
  };
}

/**
 * A timeline as residents see it: public entries, without staff-side details but the side. Staff
 * are named by their organisation's kind (`by`: 社区居委会, 物业公司, 街道办事处…), never by
 * their own name: a person's name on a public reply is theirs to give, not ours.
 */
const publicTimeline = async (db: Db, ticketId: number, entries?: Awaited<ReturnType<typeof timeline>>) =>
  // Which side an entry is about (a part's), never who of that side.
  (entries ?? (await timeline(db, ticketId, 'public'))).map(
    ({ detail, visibility: _, staffName: __, staffRole, ...entry }) => ({
      ...entry,
      by: staffRole,
      side: (detail?.side as string | undefined) ?? null,
    }),
  );

/** The ticket a duplicate was merged into, as its resident may follow it. */
export async function survivorOf(db: Db, t: LoadedTicket['ticket']) {
  if (t.status !== 'duplicate' || t.duplicateOfId === null) return null;
  const [s] = await db
    .select({ id: tickets.id, number: tickets.number, status: tickets.status, resolvedAt: tickets.resolvedAt })
    .from(tickets)
    .where(eq(tickets.id, t.duplicateOfId));
  return s ?? null;
}

/**
 * The resident's private view: public timeline, phone masked, the clock in working days or hours,
 * each part's progress without staff names.
 */
export async function trackingView(
  db: Db,
  row: LoadedTicket,
  now: number,
  entries?: Awaited<ReturnType<typeof timeline>>,
) {
  const t = row.ticket;
  const [survivor, parts] = await Promise.all([survivorOf(db, t), row.partCount ? partsOf(db, t.id) : []]);
  return {
    ...common(row, now),
    parts: parts.map(({ part: p }) => ({ side: p.side, status: p.status, dueAt: p.dueAt, doneAt: p.doneAt })),
    name: t.name,
    phone: maskPhone(t.phone),
    photoCount: row.photoCount,
    timeline: await publicTimeline(db, t.id, entries),
    ...(await clockLeft(db, row, now)),
    survivor: survivor && {
      number: survivor.number,
      status: survivor.status,
      resolvedAt: survivor.resolvedAt,
      timeline: await publicTimeline(db, survivor.id),
    },
    ...residentOptions(t, now, survivor?.status),
    /** The resident asked for text messages and has not stopped them ("不再发短信" is offered). */
    smsActive: !!row.smsActive,
  };
}

/**
 * The clock as the resident reads it: its kind, the public pause, and what is left (negative
 * when overdue) while the ticket is open. A paused clock shows what was left when it stopped.
 */
async function clockLeft(db: Db, row: LoadedTicket, now: number) {
  const clock = row.category.clock;
  return {
    clock,
    paused: pauseOf(row.ticket),
    ...timeLeft(await workCalendar(db, now), { ...row.ticket, clock }, now),
  };
}

const pauseOf = (t: LoadedTicket['ticket']) =>
  t.pausedAt === null ? null : { reason: t.pauseReason!, note: t.pauseNote ?? '', since: t.pausedAt };

/**
 * The staff view: everything, with the version a change must name, the parts with the actions
 * this staff member may take on each, disputes, and who each side's work can be handed to.
 */
export async function deskView(db: Db, row: LoadedTicket, now: number, me: StaffMember) {
  const t = row.ticket;
  const [parts, disputes, assignable] = await Promise.all([
    row.partCount ? partsOf(db, t.id) : [],
    disputesOf(db, t.id),
    assignableStaff(db, t),
  ]);
  return {
    ...common(row, now),
    assignee: t.assigneeStaffId === null ? null : { id: t.assigneeStaffId, name: row.assigneeName ?? '' },
    handoffs: t.handoffs,
    parts: parts.map(({ part: p, assigneeName }) => ({
      id: p.id,
      side: p.side,
      task: p.task,
      status: p.status,
      assignee: p.assigneeStaffId === null ? null : { id: p.assigneeStaffId, name: assigneeName ?? '' },
      dueAt: p.dueAt,
      refusals: p.refusals,
      decided: p.decided,
      doneAt: p.doneAt,
      doneNote: p.doneNote,
      version: p.version,
      actions: partActionsFor(me, row, p),
    })),
    disputes: disputes.map((d) => ({ ...d, overdue: d.decidedAt === null && d.decideBy < now })),
    assignable,
    name: row.ticket.name,
    phone: row.ticket.phone,
    channel: row.ticket.channel,
    partnerApp: row.ticket.partnerApp,
    position:
      row.ticket.lat === null || row.ticket.long === null ? null : { lat: row.ticket.lat, long: row.ticket.long },
    flagged: row.ticket.flagged,
    reopenCount: row.ticket.reopenCount,
    photosPublic: row.ticket.photosPublic,
    photoCount: row.photoCount,
    version: row.ticket.version,
    clock: row.category.clock,
    pause: pauseOf(row.ticket),
    firstResponseDueAt: row.ticket.firstResponseDueAt,
    firstResponseAt: row.ticket.firstResponseAt,
    followUp: {
      dueAt: row.ticket.followUpDueAt,
      at: row.ticket.followUpAt,
      result: row.ticket.followUpResult,
      comment: row.ticket.followUpComment,
    },
    extensions: await extensionsOf(db, row.ticket.id),
    timeline: await timeline(db, row.ticket.id, 'all'),
  };
}

/** A ticket's requests for more time, newest first. */
const extensionsOf = (db: Db, ticketId: number) =>
  db
    .select({
      id: ticketExtensions.id,
      partId: ticketExtensions.partId,
      amount: ticketExtensions.amount,
      reason: ticketExtensions.reason,
      status: ticketExtensions.status,
      requestedAt: ticketExtensions.requestedAt,
      decidedAt: ticketExtensions.decidedAt,
      decisionNote: ticketExtensions.decisionNote,
    })
    .from(ticketExtensions)
    .where(eq(ticketExtensions.ticketId, ticketId))
    .orderBy(desc(ticketExtensions.id));
