import * as z from 'zod/mini';
import { Hono } from '#hono';
import { plainText, slug } from '../lib/fields.ts';
import { idempotent } from '../lib/idempotency.ts';
import type { AppEnv } from '../lib/platform.ts';
import { countPublicWrite } from '../lib/public-writes.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { messageSettingsOf } from '../messages/settings.ts';
import { findCommunity } from '../places/places.ts';
import { newHomeVisitSchema, numberParam, RETENTION_DAYS, token } from './input.ts';
import { requestHomeVisit } from './request.ts';
import { addInformation, confirmSlot, confirmVisit, otherSlot, rateVisit, visitForToken } from './resident.ts';
import { offeredServices } from './services.ts';
import { trackingView, visitWithTimeline } from './views.ts';

const withToken = <T extends z.core.$ZodShape>(shape: T) => z.object({ token, ...shape });
const message = plainText(z.minLength(1, 'Write something.'), z.maxLength(1000));
const rating = {
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.optional(plainText(z.maxLength(500))),
};

/**
 * Home visits for residents, without an account: the services their community offers, a request
 * for someone who cannot come, and the private tracking link with the requester's few steps.
 */
export const homeVisitRoutes = new Hono<AppEnv>()
  .get('/services', validate('query', z.object({ community: slug })), async (c) => {
    const slug = c.req.valid('query').community;
    const services = await offeredServices(c.var.db, slug);
    if (!services[0]) await findCommunity(c.var.db, slug);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ services, retentionDays: RETENTION_DAYS }, 200);
  })
  .post('/', limitBody(), validate('json', newHomeVisitSchema), async (c) => {
    const result = await idempotent(c, 'home-visits', async (record) => {
      await countPublicWrite(c, 'home-visit');
      const body = await requestHomeVisit(c.var.db, c.req.valid('json'), {
        now: c.var.platform.now(),
        channel: 'web',
        record,
        stopSecret: messageSettingsOf(c.var.platform).stopSecret,
      });
      return { status: 201 as const, body };
    });
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  })
  .get('/:number', validate('param', numberParam), validate('query', z.object({ token })), async (c) => {
    const { number } = c.req.valid('param');
    const row = await visitForToken(c.var.db, number, c.req.valid('query').token, visitWithTimeline);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await trackingView(c.var.db, row, c.var.platform.now(), row.timeline), 200);
  })
  .post(
    '/:number/info',
    limitBody(),
    validate('param', numberParam),
    validate('json', withToken({ message })),
    async (c) => {
      const { token: t, message: body } = c.req.valid('json');
      const row = await visitForToken(c.var.db, c.req.valid('param').number, t);
      await addInformation(c.var.db, row, body, c.var.platform.now());
      return c.json({ ok: true }, 201);
    },
  )
  .post(
    '/:number/slot',
    limitBody(),
    validate('param', numberParam),
    validate(
      'json',
      z.discriminatedUnion('answer', [
        withToken({ answer: z.literal('confirm') }),
        withToken({ answer: z.literal('other'), message }),
      ]),
    ),
    async (c) => {
      const body = c.req.valid('json');
      const row = await visitForToken(c.var.db, c.req.valid('param').number, body.token);
      const now = c.var.platform.now();
      if (body.answer === 'confirm') await confirmSlot(c.var.db, row, now);
      else await otherSlot(c.var.db, row, body.message, now);
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    '/:number/confirm',
    limitBody(),
    validate('param', numberParam),
    validate('json', withToken({ score: z.optional(rating.score), comment: rating.comment })),
    async (c) => {
      const { token: t, score, comment } = c.req.valid('json');
      const row = await visitForToken(c.var.db, c.req.valid('param').number, t);
      await confirmVisit(c.var.db, row, score === undefined ? null : { score, comment }, c.var.platform.now());
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    '/:number/rating',
    limitBody(),
    validate('param', numberParam),
    validate('json', withToken(rating)),
    async (c) => {
      const { token: t, score, comment } = c.req.valid('json');
      const row = await visitForToken(c.var.db, c.req.valid('param').number, t);
      await rateVisit(c.var.db, row, { score, comment }, c.var.platform.now());
      return c.json({ ok: true }, 201);
    },
  );
