import { Hono } from '#hono';
import { notModified, tagOf } from '../lib/http-cache.ts';
import { renderCalendar } from '../lib/ical.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { toCalendarEvent } from './calendar.ts';
import { placeQuery } from './input.ts';
import { feedEvents } from './lists.ts';
import { placeEvents } from './place-filter.ts';

/**
 * /feeds/events.ics?community=SLUG (or ?subdistrict=SLUG): a calendar a phone subscribes to
 * (webcal://). Cancelled sessions stay in it as STATUS:CANCELLED, so a subscribed phone strikes
 * them out instead of keeping a stale copy.
 */
export const eventFeeds = new Hono<AppEnv>().get('/events.ics', validate('query', placeQuery), async (c) => {
  const { db, platform } = c.var;
  const now = platform.now();
  const { rows, subdistrict, community } = await placeEvents(db, c.req.valid('query'), (where) =>
    feedEvents(db, where, now),
  );
  const origin = publicOrigin(c);
  // Calendar apps poll: an unchanged feed is a 304 of a few hundred bytes.
  const latest = Math.max(0, ...rows.map((r) => r.event.updatedAt));
  const etag = tagOf(origin, c.req.url, ...rows.map((r) => `${r.event.id}.${r.event.version}`));
  const unchanged = notModified(c, etag, latest || undefined);
  // Five minutes keeps a burst of phones off the database.
  c.header('Cache-Control', 'public, max-age=300');
  if (unchanged) return c.body(null, 304);
  const place = community ?? subdistrict;
  const query = community ? `community=${community.slug}` : `subdistrict=${subdistrict.slug}`;
  const text = renderCalendar({
    name: `${place.name}活动`,
    description: `${place.name}的活动（邻里）`,
    url: `${origin}/events?${query}`,
    now: new Date(now),
    events: rows.map((r) => toCalendarEvent(r, origin)),
  });
  return c.body(text, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `inline; filename="${place.slug}-events.ics"`,
  });
});
