import { Hono } from '#hono';
import { renderCalendar } from '../lib/ical.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { theDistrict } from '../places/scope.ts';
import { toCalendarEvent } from './calendar.ts';
import { idParam, listQuery } from './input.ts';
import { pastEvents, upcomingEvents } from './lists.ts';
import { placeFilter } from './place-filter.ts';
import { eventNotFound } from './signups.ts';
import { loadEvent, publicEvent, seriesSessions, upcomingInCommunity } from './views.ts';

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
    const found = q.district ? null : await placeFilter(db, q);
    const district = found ? null : await theDistrict(db);
    const communityId = found?.ids.communityId ?? null;
    const rows =
      q.when === 'past'
        ? await pastEvents(db, found?.where, now)
        : found && communityId !== null
          ? await upcomingInCommunity(db, { communityId, subdistrictId: found.ids.subdistrictId }, now)
          : await upcomingEvents(db, found?.where, now);
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
    const row = await loadEvent(c.var.db, c.req.valid('param').id);
    if (!row) throw eventNotFound();
    const now = c.var.platform.now();
    c.header('Cache-Control', 'no-cache');
    return c.json({ event: publicEvent(row, now), sessions: await seriesSessions(c.var.db, row.event.seriesId) }, 200);
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
