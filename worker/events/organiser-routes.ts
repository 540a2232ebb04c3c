import * as z from 'zod/mini';
import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { cancelEvent, editEvent, recordSummary } from './changes.ts';
import { cancelEventSchema, editEventSchema, idParam, newEventSchema, summarySchema } from './input.ts';
import { eventsById, organiserList } from './lists.ts';
import { createEvents } from './organise.ts';
import { eventNotFound } from './signups.ts';
import { eventPlace, loadEvent, seriesSessions, staffEvent } from './views.ts';

/** The event behind :id if the staff member may manage it: 404 outside their place, 403 for other roles. */
export async function managedEvent(c: { var: AppEnv['Variables'] }, id: number) {
  const row = await loadEvent(c.var.db, id);
  if (!row) throw eventNotFound();
  authorize(c.var.staff, 'event.manage', eventPlace(row.event), 'event');
  return row;
}

/** The event as it is after a change, in the organiser's view. */
async function fresh(c: { var: AppEnv['Variables'] }, id: number) {
  return { event: staffEvent((await loadEvent(c.var.db, id))!, c.var.platform.now()) };
}

/**
 * The organisers' side (admin, sub-district and community staff in their place): list,
 * create (one session or a weekly series), edit, cancel, and the summary afterwards.
 */
export const organiserEvents = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ when: z._default(z.enum(['upcoming', 'past']), 'upcoming') })), async (c) => {
    authorizeRole(c.var.staff, 'event.manage');
    const now = c.var.platform.now();
    const rows = await organiserList(c.var.db, c.var.staff, c.req.valid('query').when, now);
    c.header('Cache-Control', 'no-store');
    return c.json({ events: rows.map((r) => staffEvent(r, now)) }, 200);
  })
  .post('/', limitBody(), validate('json', newEventSchema), async (c) => {
    authorizeRole(c.var.staff, 'event.manage');
    const now = c.var.platform.now();
    const ids = await createEvents(c.var.db, c.var.staff, c.req.valid('json'), now);
    const rows = await eventsById(c.var.db, ids);
    return c.json({ events: rows.map((r) => staffEvent(r, now)) }, 201);
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const row = await managedEvent(c, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        event: staffEvent(row, c.var.platform.now()),
        sessions: row.event.seriesId === null ? [] : await seriesSessions(c.var.db, row.event.seriesId),
      },
      200,
    );
  })
  .patch('/:id', limitBody(), validate('param', idParam), validate('json', editEventSchema), async (c) => {
    const row = await managedEvent(c, c.req.valid('param').id);
    await editEvent(c.var.db, c.var.staff, row, c.req.valid('json'), c.var.platform.now());
    return c.json(await fresh(c, row.event.id), 200);
  })
  .post('/:id/cancel', limitBody(), validate('param', idParam), validate('json', cancelEventSchema), async (c) => {
    const row = await managedEvent(c, c.req.valid('param').id);
    const { version, reason } = c.req.valid('json');
    await cancelEvent(c.var.db, c.var.staff, row.event.id, version, reason, c.var.platform.now());
    return c.json(await fresh(c, row.event.id), 200);
  })
  .post('/:id/summary', limitBody(), validate('param', idParam), validate('json', summarySchema), async (c) => {
    const row = await managedEvent(c, c.req.valid('param').id);
    await recordSummary(c.var.db, c.var.staff, row.event.id, c.req.valid('json'), c.var.platform.now());
    return c.json(await fresh(c, row.event.id), 200);
  });
