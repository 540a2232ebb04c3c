import { asc, eq, inArray, type SQL, type SQLWrapper } from 'drizzle-orm';
import {
  events,
  renovationAgendaItems,
  renovationMeetings,
  renovationPlanItems,
  renovationWishes,
} from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';

export const meetingNotFound = () => new ApiError(404, 'meeting_not_found', 'No such joint meeting.');

const meetingColumns = {
  meeting: renovationMeetings,
  event: {
    id: events.id,
    title: events.title,
    startsAt: events.startsAt,
    endsAt: events.endsAt,
    venue: events.venue,
    status: events.status,
    signupOpen: events.signupOpen,
    capacity: events.capacity,
    attendance: events.attendance,
  },
};

/** The joint meetings of some projects, soonest first, with their events. */
/** The meetings of some projects (at least one), soonest first: a query to batch. */
export const meetingsQuery = (db: Db, projectIds: number[] | SQLWrapper) =>
  db
    .select(meetingColumns)
    .from(renovationMeetings)
    .innerJoin(events, eq(events.id, renovationMeetings.eventId))
    .where(inArray(renovationMeetings.projectId, projectIds))
    .orderBy(asc(events.startsAt), asc(renovationMeetings.id));
export async function meetingsOf(db: Db, projectIds: number[]) {
  return projectIds.length ? meetingsQuery(db, projectIds) : [];
}
export type MeetingRow = Awaited<ReturnType<typeof meetingsQuery>>[number];

export async function loadMeeting(db: Db, id: number): Promise<MeetingRow | undefined> {
  const [row] = await db
    .select(meetingColumns)
    .from(renovationMeetings)
    .innerJoin(events, eq(events.id, renovationMeetings.eventId))
    .where(eq(renovationMeetings.id, id));
  return row;
}

/** The agenda of the meetings `where` picks, in order, with each wish's public words and the decision taken on it: a query to batch. */
export const agendaQuery = (db: Db, where: SQL) =>
  db
    .select({
      meetingId: renovationAgendaItems.meetingId,
      position: renovationAgendaItems.position,
      wish: {
        number: renovationWishes.number,
        kind: renovationWishes.kind,
        description: renovationWishes.description,
        listed: renovationWishes.listed,
      },
      decision: renovationAgendaItems.decision,
      note: renovationAgendaItems.decisionNote,
      deferredTo: renovationAgendaItems.deferredTo,
      item: { id: renovationPlanItems.id, title: renovationPlanItems.title },
    })
    .from(renovationAgendaItems)
    .innerJoin(renovationWishes, eq(renovationWishes.id, renovationAgendaItems.wishId))
    .leftJoin(renovationPlanItems, eq(renovationPlanItems.id, renovationAgendaItems.decisionItemId))
    .where(where)
    .orderBy(asc(renovationAgendaItems.meetingId), asc(renovationAgendaItems.position));
/** An agenda row's decided item, or null (a left join gives an object of nulls). */
export const agendaRows = (rows: Awaited<ReturnType<typeof agendaQuery>>) =>
  rows.map((r) => ({ ...r, item: r.item?.id ? r.item : null }));
/** The agenda of some meetings. */
export async function agendaOf(db: Db, meetingIds: number[]) {
  return meetingIds.length
    ? agendaRows(await agendaQuery(db, inArray(renovationAgendaItems.meetingId, meetingIds)))
    : [];
}
type AgendaRow = ReturnType<typeof agendaRows>[number];

/** Whether a meeting is behind us: its minutes are in, or its time has passed. */
export const isPast = (m: MeetingRow, now: number) => m.meeting.minutesAt !== null || m.event.endsAt <= now;

/**
 * A meeting as residents see it: when and where, the four parties, the agenda and (afterwards)
 * the minutes and the decision on each item. A wish kept off the public list shows as such.
 */
export function publicMeeting(m: MeetingRow, agenda: AgendaRow[]) {
  return {
    id: m.meeting.id,
    eventId: m.event.id,
    type: m.meeting.type,
    title: m.event.title,
    startsAt: m.event.startsAt,
    endsAt: m.event.endsAt,
    venue: m.event.venue,
    cancelled: m.event.status === 'cancelled',
    signupOpen: m.event.signupOpen,
    parties: m.meeting.parties,
    minutes: m.meeting.minutes,
    minutesAt: m.meeting.minutesAt,
    agenda: agenda
      .filter((a) => a.meetingId === m.meeting.id)
      .map((a) => ({
        wish: a.wish.listed
          ? { number: a.wish.number, kind: a.wish.kind, description: a.wish.description }
          : { number: null, kind: a.wish.kind, description: null },
        decision: a.decision,
        note: a.note,
        item: a.item,
        deferredTo: a.deferredTo,
      })),
  };
}

/** The meetings of a project for its page: past ones with decisions (latest first), and the next one. */
export function meetingsForPage(meetings: MeetingRow[], agenda: AgendaRow[], now: number) {
  const views = meetings.map((m) => ({ row: m, view: publicMeeting(m, agenda) }));
  const upcoming = views.filter((v) => !isPast(v.row, now) && v.row.event.status !== 'cancelled');
  return {
    past: views
      .filter((v) => isPast(v.row, now))
      .map((v) => v.view)
      .reverse(),
    next: upcoming[0]?.view ?? null,
    upcoming: upcoming.map((v) => v.view),
  };
}

/** Meetings by id, for wishes whose answer is "on the agenda of meeting X". */
export const meetingIndex = (meetings: MeetingRow[]) =>
  new Map(meetings.map((m) => [m.meeting.id, { id: m.meeting.id, title: m.event.title, startsAt: m.event.startsAt }]));
