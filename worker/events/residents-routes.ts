import { eq, sql } from 'drizzle-orm';
import { Hono } from '#hono';
import { events } from '../../schema/index.ts';
import { renderCalendar } from '../lib/ical.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { theDistrict } from '../places/scope.ts';
import { toCalendarEvent } from './calendar.ts';
import { idParam, listQuery } from './input.ts';
import { residentEventList } from './lists.ts';
import { placeEvents } from './place-filter.ts';
import { eventNotFound } from './signups.ts';
import { eventsQuery, loadEvent, publicEvent, seriesSessions, withoutEmptyPlaces } from './views.ts';

/**
 * What residents read, without an account: the events of their community (and of its
 * sub-district), of a whole sub-district or of the whole district, one event with its seats left, and that event as an .ics for their calendar.
 */
export const residentEvents = new Hono<AppEnv>()
  .get('/', validate('query', listQuery), async (c) => {
    const { db } = c.var;
    const q = c.req.valid('query');
    const now = c.var.platform.now();
    // The whole district is every event, so it has no filter, only its name.
    const past = q.when === 'past';
    const found = q.district ? null : await placeEvents(db, q, (where) => residentEventList(db, where, now, past));
    const district = found ? null : await theDistrict(db);
    const rows = found?.rows ?? withoutEmptyPlaces(await residentEventList(db, undefined, now, past));
    // Short: the seats left change with every sign-up.
    c.header('Cache-Control', 'public, max-age=15');
    return c.json(
      {
        district,
        subdistrict: found?.subdistrict ?? null,
        community: found?.community ?? null,
        events: rows.map((r) => publicEvent(r, now)),
      },
      200,
    );
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const { db } = c.var;
    const id = c.req.valid('param').id;
    // One round trip: the sessions name the event's series by a subquery.
    const [[row], sessions] = await db.batch([
      eventsQuery(db, eq(events.id, id), 'soonest', 1),
      seriesSessions(db, sql`(select ${events.seriesId} from ${events} where ${events.id} = ${id})`),
    ]);
    if (!row) throw eventNotFound();
    const now = c.var.platform.now();
    c.header('Cache-Control', 'no-cache');
    return c.json({ event: publicEvent(withoutEmptyPlaces([row])[0]!, now), sessions }, 200);
  })
  .get('/:id/calendar.ics', validate('param', idParam), async (c) => {
    const row = await loadEvent(c.var.db, c.req.valid('param').id);
    if (!row) throw eventNotFound();
    const origin = publicOrigin(c);
    const text = renderCalendar({
      name: row.event.title,
      url: `${origin}/events/${row.event.id}`,
      now: new Date(c.var.platform.now()),
      events: [toCalendarEvent(row, origin)],
    });
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="event-${row.event.id}.ics"`,
      'Cache-Control': 'no-cache',
    });
  });
