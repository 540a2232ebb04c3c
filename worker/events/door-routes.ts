import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { eventSignups } from '../../schema/index.ts';
import { auditEntryIfChanged } from '../staff/audit.ts';
import { checkIn } from './changes.ts';
import { checkInSchema, idParam } from './input.ts';
import { cancelSignup } from './signups.ts';
import { staffEvent } from './views.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv, Db } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { managedEvent } from './organiser-routes.ts';

const signupIn = z.object({ id: idParam.shape.id, signupId: z.coerce.number().check(z.int(), z.positive('Not a sign-up id.'), z.lte(2 ** 53 - 1)) });

/** Confirmed first, then the waitlist in its order, then the cancelled; each in sign-up order. */
const statusOrder = sql`case ${eventSignups.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`;

/** The door list: the organiser sees full phone numbers, to call people who do not come. */
async function attendees(db: Db, eventId: number) {
  return db
    .select({
      id: eventSignups.id,
      name: eventSignups.name,
      phone: eventSignups.phone,
      seats: eventSignups.seats,
      status: eventSignups.status,
      createdAt: eventSignups.createdAt,
      promotedAt: eventSignups.promotedAt,
      cancelledAt: eventSignups.cancelledAt,
      cancelledBy: eventSignups.cancelledBy,
      checkedInAt: eventSignups.checkedInAt,
    })
    .from(eventSignups)
    .where(eq(eventSignups.eventId, eventId))
    .orderBy(statusOrder, asc(eventSignups.id));
}

async function signupOf(db: Db, eventId: number, signupId: number) {
  const [row] = await db.select().from(eventSignups).where(and(eq(eventSignups.id, signupId), eq(eventSignups.eventId, eventId)));
  if (!row) throw new ApiError(404, 'signup_not_found', 'No such sign-up for this event.');
  return row;
}

/** At the door: the attendee list, check-in (and its undo), and cancelling a sign-up for a resident. */
export const doorRoutes = new Hono<AppEnv>()
  .get('/:id/signups', validate('param', idParam), async (c) => {
    const row = await managedEvent(c, c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json({ event: staffEvent(row, c.var.platform.now()), signups: await attendees(c.var.db, row.event.id) }, 200);
  })
  .post('/:id/signups/:signupId/check-in', limitBody(), validate('param', signupIn), validate('json', checkInSchema), async (c) => {
    const { id, signupId } = c.req.valid('param');
    const row = await managedEvent(c, id);
    await signupOf(c.var.db, row.event.id, signupId);
    await checkIn(c.var.db, c.var.staff, row.event.id, signupId, c.req.valid('json').checkedIn, c.var.platform.now());
    return c.json({ signups: await attendees(c.var.db, row.event.id) }, 200);
  })
  .post('/:id/signups/:signupId/cancel', limitBody(), validate('param', signupIn), async (c) => {
    const { id, signupId } = c.req.valid('param');
    const row = await managedEvent(c, id);
    const signup = await signupOf(c.var.db, row.event.id, signupId);
    const now = c.var.platform.now();
    await cancelSignup(c.var.db, signup, 'staff', now, [auditEntryIfChanged(c.var.db, c.var.staff, 'signup.cancel', 'event_signup', signupId, now)]);
    return c.json({ signups: await attendees(c.var.db, row.event.id) }, 200);
  });
