import { eq } from 'drizzle-orm';
import * as z from 'zod/mini';
import { Hono } from '#hono';
import { events } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { idempotent } from '../lib/idempotency.ts';
import type { AppEnv, Db } from '../lib/platform.ts';
import { countPublicWrite } from '../lib/public-writes.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { optinQuery } from '../messages/outbox.ts';
import { messageSettingsOf } from '../messages/settings.ts';
import { idParam, signupParam, signupSchema, signupToken } from './input.ts';
import { cancelSignup, eventNotFound, residentSignupView, signUp, signupForToken } from './signups.ts';
import { eventsQuery, loadEvent, publicEvent, withoutEmptyPlaces } from './views.ts';

/** The resident's private page: their sign-up, the event as it is now, and whether they may still cancel. */
async function privateView(db: Db, signup: Parameters<typeof residentSignupView>[1], now: number) {
  // The event and the opt-in in one round trip.
  const [[found], [optin]] = await db.batch([
    eventsQuery(db, eq(events.id, signup.eventId), 'soonest', 1),
    optinQuery(db, 'signup', signup.id),
  ]);
  if (!found) throw eventNotFound();
  const row = withoutEmptyPlaces([found])[0]!;
  const canCancel = signup.status !== 'cancelled' && row.event.status === 'scheduled' && row.event.startsAt > now;
  return { signup: await residentSignupView(db, signup, !!optin?.a), event: publicEvent(row, now), canCancel };
}

/**
 * Sign-up without an account. The answer carries a private token; with it (and only with it)
 * the resident sees and cancels their sign-up. Phones come back masked.
 */
export const signupRoutes = new Hono<AppEnv>()
  .post('/:id/signups', limitBody(), validate('param', idParam), validate('json', signupSchema), async (c) => {
    const { db, platform } = c.var;
    const eventId = c.req.valid('param').id;
    const result = await idempotent(c, 'signups', async (record) => {
      // A missing event costs the resident nothing of their hourly budget.
      if (!(await loadEvent(db, eventId))) throw eventNotFound();
      await countPublicWrite(c, 'signup');
      return {
        status: 201 as const,
        body: await signUp(
          db,
          eventId,
          c.req.valid('json'),
          platform.now(),
          record,
          messageSettingsOf(platform).stopSecret,
        ),
      };
    });
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('Cache-Control', 'private, no-store');
    return c.json(result.body, 201);
  })
  .get(
    '/signups/:id',
    validate('param', signupParam),
    validate('query', z.object({ token: signupToken })),
    async (c) => {
      const signup = await signupForToken(c.var.db, c.req.valid('param').id, c.req.valid('query').token);
      c.header('Cache-Control', 'private, no-store');
      return c.json(await privateView(c.var.db, signup, c.var.platform.now()), 200);
    },
  )
  .post(
    '/signups/:id/cancel',
    limitBody(),
    validate('param', signupParam),
    validate('json', z.object({ token: signupToken })),
    async (c) => {
      const { db, platform } = c.var;
      const signup = await signupForToken(db, c.req.valid('param').id, c.req.valid('json').token);
      const now = platform.now();
      const before = await privateView(db, signup, now);
      if (signup.status === 'cancelled')
        throw new ApiError(409, 'already_cancelled', 'This sign-up is already cancelled.');
      if (!before.canCancel) {
        throw new ApiError(
          409,
          'cancel_closed',
          before.event.status === 'cancelled'
            ? 'The event itself has been cancelled.'
            : 'The event has already started.',
        );
      }
      await cancelSignup(db, signup, 'resident', now);
      c.header('Cache-Control', 'private, no-store');
      return c.json(await privateView(db, await signupForToken(db, signup.id, c.req.valid('json').token), now), 200);
    },
  );
