import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { communities, compounds, eventSignups, events, subdistricts } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import type { PlaceRef } from '../staff/policy.ts';

type EventRecord = typeof events.$inferSelect;

const seatsWhere = (status: string) =>
  sql<number>`coalesce((select sum(${eventSignups.seats}) from ${eventSignups} where ${eventSignups.eventId} = ${events.id} and ${eventSignups.status} = ${status}), 0)`;

/** The columns every event answer is built from: the event, its places and its seat counts. */
const columns = {
  event: events,
  subdistrict: { slug: subdistricts.slug, name: subdistricts.name, nameEn: subdistricts.nameEn },
  community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
  compound: { slug: compounds.slug, name: compounds.name, nameEn: compounds.nameEn },
  seatsTaken: seatsWhere('confirmed'),
  seatsWaiting: seatsWhere('waitlisted'),
  waiting: sql<number>`(select count(*) from ${eventSignups} where ${eventSignups.eventId} = ${events.id} and ${eventSignups.status} = 'waitlisted')`,
  checkedInSeats: sql<number>`coalesce((select sum(${eventSignups.seats}) from ${eventSignups} where ${eventSignups.eventId} = ${events.id} and ${eventSignups.checkedInAt} is not null and ${eventSignups.status} != 'cancelled'), 0)`,
  sessionCount: sql<number>`(select count(*) from ${events} as "series_sessions" where "series_sessions"."series_id" = ${events.seriesId})`,
};

const selectEvents = (db: Db) =>
  db
    .select(columns)
    .from(events)
    .innerJoin(subdistricts, eq(subdistricts.id, events.subdistrictId))
    .leftJoin(communities, eq(communities.id, events.communityId))
    .leftJoin(compounds, eq(compounds.id, events.compoundId));
type SelectedRow = Awaited<ReturnType<typeof selectEvents>>[number];

// A left join with no match gives an object of nulls; the answer says null instead.
export const withoutEmptyPlaces = (rows: SelectedRow[]) =>
  rows.map((r) => ({
    ...r,
    community: r.community?.slug ? r.community : null,
    compound: r.compound?.slug ? r.compound : null,
  }));

/** Events with their places and seat counts, filtered and ordered as the caller says: a query to batch, then `withoutEmptyPlaces`. */
export const eventsQuery = (db: Db, where: SQL | undefined, order: 'soonest' | 'latest' = 'soonest', limit = 200) =>
  selectEvents(db)
    .where(where)
    .orderBy(order === 'soonest' ? asc(events.startsAt) : desc(events.startsAt), asc(events.id))
    .limit(limit);

/** Events with their places and seat counts, filtered and ordered as the caller says. */
export async function findEvents(db: Db, where: SQL | undefined, order: 'soonest' | 'latest' = 'soonest', limit = 200) {
  return withoutEmptyPlaces(await eventsQuery(db, where, order, limit));
}
export type EventRow = Awaited<ReturnType<typeof findEvents>>[number];

export async function loadEvent(db: Db, id: number): Promise<EventRow | undefined> {
  return (await findEvents(db, eq(events.id, id), 'soonest', 1))[0];
}

/** Where an event belongs, as the policy judges it: its organiser's place and its compound. */
export const eventPlace = (e: EventRecord): PlaceRef => ({
  subdistrictId: e.subdistrictId,
  communityId: e.communityId,
  compoundId: e.compoundId,
});

/** Whether residents may sign up now; the sign-up statement checks the same in SQL. */
export const signupAvailable = (e: EventRecord, now: number) =>
  e.status === 'scheduled' && e.signupOpen && e.startsAt > now;

/** Why a sign-up is turned away, for the 409 residents read. */
export function signupClosedReason(e: EventRecord, now: number): string {
  if (e.status === 'cancelled') return 'This event has been cancelled.';
  if (e.status === 'completed' || e.startsAt <= now) return 'This event has already started.';
  return 'Sign-up for this event is closed.';
}

/** What anyone may see of an event: never a resident's name or phone. */
export function publicEvent(row: EventRow, now: number) {
  const e = row.event;
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    organiser: row.community
      ? { level: 'community' as const, ...row.community }
      : { level: 'subdistrict' as const, ...row.subdistrict },
    subdistrict: row.subdistrict,
    community: row.community,
    speaker: e.speaker,
    description: e.description,
    channel: e.channel,
    joinUrl: e.joinUrl,
    venue: e.venue,
    compound: row.compound,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    capacity: e.capacity,
    seatsTaken: row.seatsTaken,
    seatsLeft: e.capacity === null ? null : Math.max(0, e.capacity - row.seatsTaken),
    waitlistCount: row.waiting,
    signupOpen: e.signupOpen,
    canSignUp: signupAvailable(e, now),
    status: e.status,
    cancelReason: e.cancelReason,
    summary: e.summary,
    attendance: e.attendance,
    venues: e.venues,
    groups: e.groups,
    articleId: e.articleId,
    series:
      e.seriesId === null ? null : { id: e.seriesId, sessionNumber: e.sessionNumber, sessionCount: row.sessionCount },
    sequence: e.version - 1,
    updatedAt: e.updatedAt,
  };
}

/** The organiser's view adds what a change must name and the door's figures. */
export function staffEvent(row: EventRow, now: number) {
  return {
    ...publicEvent(row, now),
    version: row.event.version,
    seatsWaiting: row.seatsWaiting,
    checkedInSeats: row.checkedInSeats,
    createdAt: row.event.createdAt,
  };
}

/** Other sessions of the same series, for "next session" links. */
export function seriesSessions(db: Db, seriesId: number | SQL) {
  return db
    .select({
      id: events.id,
      sessionNumber: events.sessionNumber,
      startsAt: events.startsAt,
      status: events.status,
      venue: events.venue,
    })
    .from(events)
    .where(eq(events.seriesId, seriesId))
    .orderBy(asc(events.startsAt));
}
