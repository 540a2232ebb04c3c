import { and, gt, inArray, lte, type SQL } from 'drizzle-orm';
import { events } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import type { StaffMember } from '../staff/policy.ts';
import { eventScope } from './organise.ts';
import { eventsQuery, findEvents } from './views.ts';

/** How far back "past events" reach: long enough to read a summary after the event. */
const PAST_DAYS = 180;
/** Past sessions stay in the feed this long, so a subscribed calendar does not lose last week. */
const KEEP_PAST_DAYS = 60;

/**
 * Events of a place (`where`, from `placeFilter`; none: the whole district) that have not ended,
 * soonest first; or with `past`, those that ended in the last 180 days, latest first. Queries, to
 * batch with the place's lookup.
 */
export const residentEventList = (db: Db, where: SQL | undefined, now: number, past: boolean) =>
  past
    ? eventsQuery(db, and(where, lte(events.endsAt, now), gt(events.endsAt, now - PAST_DAYS * DAY_MS)), 'latest', 50)
    : eventsQuery(db, and(where, gt(events.endsAt, now)), 'soonest', 200);

/** What a place's calendar feed holds: everything not ended, and the last 60 days. */
export const feedEvents = (db: Db, where: SQL, now: number) =>
  eventsQuery(db, and(where, gt(events.endsAt, now - KEEP_PAST_DAYS * DAY_MS)), 'soonest', 500);

/** The organiser's list: the events in their place that are still to come, or that have ended. */
export async function organiserList(db: Db, staff: StaffMember, when: 'upcoming' | 'past', now: number) {
  const scope = eventScope(staff);
  return when === 'upcoming'
    ? findEvents(db, and(scope, gt(events.endsAt, now)), 'soonest', 200)
    : findEvents(db, and(scope, lte(events.endsAt, now)), 'latest', 100);
}

/** Events by id (the sessions just created). */
export const eventsById = (db: Db, ids: number[]) => findEvents(db, inArray(events.id, ids));
