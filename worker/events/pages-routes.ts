import * as z from 'zod/mini';
import { Hono } from '#hono';
import { numericId } from '../lib/fields.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { withShareCard } from '../lib/share-card.ts';
import { locationLine } from './calendar.ts';
import { loadEvent } from './views.ts';

const eventId = numericId('Not an event id.');
const when = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'long',
  day: 'numeric',
  weekday: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An event's page with its share card: a lecture shared to a WeChat group shows its title,
 * time and place. Anything else under /events is the app's own page.
 */
export const eventPages = new Hono<AppEnv>().get('/events/:id{[0-9]+}', async (c, next) => {
  const shell = await c.var.platform.shell();
  if (!shell) return next();
  const id = z.safeParse(eventId, c.req.param('id'));
  const row = id.success ? await loadEvent(c.var.db, id.data) : undefined;
  // The web app says "not found" itself; the status tells crawlers.
  if (!row) return c.html(shell, 404);
  const origin = publicOrigin(c);
  const e = row.event;
  const cancelled = e.status === 'cancelled' ? '【已取消】' : '';
  c.header('Cache-Control', 'public, no-cache');
  return c.html(
    withShareCard(shell, {
      type: 'website',
      title: `${cancelled}${e.title}`,
      description: `${when.format(new Date(e.startsAt))} · ${locationLine(row)} · ${row.community?.name ?? row.subdistrict.name}`,
      url: `${origin}/events/${e.id}`,
      image: `${origin}/share.png`,
    }),
    200,
  );
});
