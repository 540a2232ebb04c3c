import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { plainText, privateToken, slug, ticketNumber } from '../lib/fields.ts';
import { idempotent } from '../lib/idempotency.ts';
import type { AppEnv } from '../lib/platform.ts';
import { countPublicWrite } from '../lib/public-writes.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { messageSettingsOf } from '../messages/settings.ts';
import { communityIdOf, findCommunity } from '../places/places.ts';
import { activeCategories } from './categories.ts';
import { addNote, changeTicket } from './change.ts';
import { fileTicket, newTicketSchema, RETENTION_DAYS } from './file-ticket.ts';
import { ticketForToken } from './resident-access.ts';
import { residentOptions, survivorOf, ticketWithTimeline, trackingView } from './views.ts';

const numberParam = z.object({ number: ticketNumber });
const token = privateToken('Not a tracking token.');
const withToken = <T extends z.core.$ZodShape>(shape: T) => z.object({ token, ...shape });

export const ticketRoutes = new Hono<AppEnv>()
  .get('/categories', validate('query', z.object({ community: slug })), async (c) => {
    const slug = c.req.valid('query').community;
    const categories = await activeCategories(c.var.db, { id: communityIdOf(slug), slug });
    if (!categories[0]) await findCommunity(c.var.db, slug);
    c.header('Cache-Control', 'public, max-age=60');
    return c.json({ categories, retentionDays: RETENTION_DAYS }, 200);
  })
  .post('/', limitBody(), validate('json', newTicketSchema), async (c) => {
    const result = await idempotent(c, 'tickets', async (record) => {
      await countPublicWrite(c, 'ticket');
      const filed = await fileTicket(c.var.db, c.req.valid('json'), {
        now: c.var.platform.now(),
        channel: 'web',
        record,
        stopSecret: messageSettingsOf(c.var.platform).stopSecret,
      });
      return { status: 201 as const, body: filed };
    });
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  })
  .get('/:number', validate('param', numberParam), validate('query', z.object({ token })), async (c) => {
    const { number } = c.req.valid('param');
    const row = await ticketForToken(c.var.db, number, c.req.valid('query').token, ticketWithTimeline);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await trackingView(c.var.db, row, c.var.platform.now(), row.timeline), 200);
  })
  .post(
    '/:number/info',
    limitBody(),
    validate('param', numberParam),
    validate('json', withToken({ message: plainText(z.minLength(1, 'Write something.'), z.maxLength(1000)) })),
    async (c) => {
      const { token: t, message } = c.req.valid('json');
      const row = await ticketForToken(c.var.db, c.req.valid('param').number, t);
      if (!residentOptions(row.ticket, c.var.platform.now()).canAddInfo)
        throw new ApiError(409, 'ticket_not_open', 'This ticket is no longer open; reopen it instead.');
      await addNote(c.var.db, row.ticket, c.var.platform.now(), {
        kind: 'info',
        visibility: 'public',
        body: message,
        actor: 'resident',
      });
      return c.json({ ok: true }, 201);
    },
  )
  .post('/:number/confirm', limitBody(), validate('param', numberParam), validate('json', withToken({})), async (c) => {
    const row = await ticketForToken(c.var.db, c.req.valid('param').number, c.req.valid('json').token);
    const now = c.var.platform.now();
    await changeTicket(c.var.db, row.ticket, {
      action: 'close',
      version: row.ticket.version,
      now,
      set: { closedAt: now },
      entry: { kind: 'closed', visibility: 'public', actor: 'resident', body: null },
    });
    return c.json({ ok: true }, 200);
  })
  .post(
    '/:number/reopen',
    limitBody(),
    validate('param', numberParam),
    validate('json', withToken({ reason: plainText(z.minLength(2, 'Say what is still wrong.'), z.maxLength(1000)) })),
    async (c) => {
      const { token: t, reason } = c.req.valid('json');
      const row = await ticketForToken(c.var.db, c.req.valid('param').number, t);
      const now = c.var.platform.now();
      if (!residentOptions(row.ticket, now).canReopen)
        throw new ApiError(409, 'reopen_not_allowed', 'This ticket can no longer be reopened. Please file a new one.');
      await changeTicket(c.var.db, row.ticket, {
        action: 'reopen',
        version: row.ticket.version,
        now,
        set: { reopenCount: row.ticket.reopenCount + 1, resolvedAt: null, closedAt: null },
        entry: { kind: 'reopened', visibility: 'public', actor: 'resident', body: reason },
      });
      return c.json({ ok: true }, 200);
    },
  )
  .post(
    '/:number/rating',
    limitBody(),
    validate('param', numberParam),
    validate(
      'json',
      withToken({
        score: z.number().check(z.int(), z.gte(1), z.lte(5)),
        comment: z.optional(plainText(z.maxLength(500))),
      }),
    ),
    async (c) => {
      const { token: t, score, comment } = c.req.valid('json');
      const row = await ticketForToken(c.var.db, c.req.valid('param').number, t);
      // A duplicate's resident rates the surviving ticket's result, on their own ticket.
      const survivor = await survivorOf(c.var.db, row.ticket);
      if (!residentOptions(row.ticket, c.var.platform.now(), survivor?.status).canRate)
        throw new ApiError(409, 'rating_not_allowed', 'A ticket is rated once, after it is resolved.');
      await changeTicket(c.var.db, row.ticket, {
        version: row.ticket.version,
        now: c.var.platform.now(),
        set: { rating: score, ratingComment: comment || null },
        entry: { kind: 'rated', visibility: 'public', actor: 'resident', body: comment || null, detail: { score } },
      });
      return c.json({ ok: true }, 201);
    },
  );
