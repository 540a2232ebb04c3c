import * as z from 'zod/mini';
import { Hono } from '#hono';
import { numericId } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { auditEntryIfChanged } from '../staff/audit.ts';
import { checkIn } from './changes.ts';
import { attendees, signupOf } from './door.ts';
import { checkInSchema, idParam } from './input.ts';
import { managedEvent } from './organiser-routes.ts';
import { cancelSignup } from './signups.ts';
import { staffEvent } from './views.ts';

const signupIn = z.object({ id: idParam.shape.id, signupId: numericId('Not a sign-up id.') });

/** At the door: the attendee list, check-in (and its undo), and cancelling a sign-up for a resident. */
export const doorRoutes = new Hono<AppEnv>()
  .get('/:id/signups', validate('param', idParam), async (c) => {
    const row = await managedEvent(c, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json(
      { event: staffEvent(row, c.var.platform.now()), signups: await attendees(c.var.db, row.event.id) },
      200,
    );
  })
  .post(
    '/:id/signups/:signupId/check-in',
    limitBody(),
    validate('param', signupIn),
    validate('json', checkInSchema),
    async (c) => {
      const { id, signupId } = c.req.valid('param');
      const row = await managedEvent(c, id);
      await signupOf(c.var.db, row.event.id, signupId);
      await checkIn(c.var.db, c.var.staff, row.event.id, signupId, c.req.valid('json').checkedIn, c.var.platform.now());
      return c.json({ signups: await attendees(c.var.db, row.event.id) }, 200);
    },
  )
  .post('/:id/signups/:signupId/cancel', limitBody(), validate('param', signupIn), async (c) => {
    const { id, signupId } = c.req.valid('param');
    const row = await managedEvent(c, id);
    const signup = await signupOf(c.var.db, row.event.id, signupId);
    const now = c.var.platform.now();
    await cancelSignup(c.var.db, signup, 'staff', now, [
      auditEntryIfChanged(c.var.db, c.var.staff, 'signup.cancel', 'event_signup', signupId, now),
    ]);
    return c.json({ signups: await attendees(c.var.db, row.event.id) }, 200);
  });
