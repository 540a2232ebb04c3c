import * as z from 'zod/mini';
import { Hono } from '#hono';
import { messageStatuses } from '../../schema/index.ts';
import { ticketForToken } from '../desk/resident-access.ts';
import { signupForToken } from '../events/signups.ts';
import { homeVisitNumber as visitNumber } from '../home-visits/input.ts';
import { visitForToken } from '../home-visits/resident.ts';
import { hashToken } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import { numericId, privateToken, ticketNumber } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { wishNumber } from '../renovation/input.ts';
import { wishForToken } from '../renovation/wishes.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorizeRole } from '../staff/policy.ts';
import { outboxPage, settleMessage } from './admin.ts';
import { STOP_TOKEN_LENGTH, stopMessages } from './outbox.ts';
import { messageSettingsOf } from './settings.ts';

const stopToken = z.string().check(z.regex(new RegExp(`^[A-Za-z0-9_-]{${STOP_TOKEN_LENGTH}}$`), 'Not a stop link.'));
const trackingToken = privateToken('Not a tracking token.');
const optinNotFound = () => new ApiError(404, 'optin_not_found', 'This stop link is not known (or was mistyped).');

/** The district admin's outbox: what went out, what waits, what is held or uncertain. */
const outbox = new Hono<AppEnv>()
  .use(requireStaff)
  .get(
    '/',
    validate(
      'query',
      z.object({
        status: z.optional(z.enum(messageStatuses)),
        page: z._default(z.coerce.number().check(z.int('Give a page number.'), z.gte(1), z.lte(10_000)), 1),
      }),
    ),
    async (c) => {
      authorizeRole(c.var.staff, 'messages.view');
      const { status, page } = c.req.valid('query');
      c.header('Cache-Control', 'no-store');
      return c.json(await outboxPage(c.var.db, messageSettingsOf(c.var.platform), status, page), 200);
    },
  )
  .post(
    '/:id/settle',
    limitBody(),
    validate('param', z.object({ id: numericId('Not a message id.') })),
    validate('json', z.object({ action: z.enum(['resend', 'drop']) })),
    async (c) => {
      authorizeRole(c.var.staff, 'messages.manage');
      const now = c.var.platform.now();
      await settleMessage(c.var.db, c.var.staff, c.req.valid('param').id, c.req.valid('json').action, now);
      return c.json({ ok: true }, 200);
    },
  );

/**
 * Messages to residents under /api/messages: stopping them (by the link in every message, or
 * from a tracking page with its token: ticket, home visit, wish, sign-up), and the admin's outbox.
 */
export const messagesApi = new Hono<AppEnv>()
  .post('/stop', limitBody(), validate('json', z.object({ token: stopToken })), async (c) => {
    const tokenHash = await hashToken(c.req.valid('json').token);
    if (!(await stopMessages(c.var.db, { tokenHash }, c.var.platform.now()))) throw optinNotFound();
    return c.json({ stopped: true }, 200);
  })
  .post(
    '/stop/ticket',
    limitBody(),
    validate('json', z.object({ number: ticketNumber, token: trackingToken })),
    async (c) => {
      const { number, token } = c.req.valid('json');
      const row = await ticketForToken(c.var.db, number, token);
      await stopMessages(c.var.db, { subjectKind: 'ticket', subjectId: row.ticket.id }, c.var.platform.now());
      return c.json({ stopped: true }, 200);
    },
  )
  .post(
    '/stop/visit',
    limitBody(),
    validate('json', z.object({ number: visitNumber, token: trackingToken })),
    async (c) => {
      const { number, token } = c.req.valid('json');
      const row = await visitForToken(c.var.db, number, token);
      await stopMessages(c.var.db, { subjectKind: 'visit', subjectId: row.visit.id }, c.var.platform.now());
      return c.json({ stopped: true }, 200);
    },
  )
  .post(
    '/stop/wish',
    limitBody(),
    validate('json', z.object({ number: wishNumber, token: trackingToken })),
    async (c) => {
      const { number, token } = c.req.valid('json');
      const row = await wishForToken(c.var.db, number, token);
      await stopMessages(c.var.db, { subjectKind: 'wish', subjectId: row.wish.id }, c.var.platform.now());
      return c.json({ stopped: true }, 200);
    },
  )
  .post(
    '/stop/signup',
    limitBody(),
    validate('json', z.object({ id: z.number().check(z.int('Not a sign-up id.'), z.gte(1)), token: trackingToken })),
    async (c) => {
      const { id, token } = c.req.valid('json');
      const signup = await signupForToken(c.var.db, id, token);
      await stopMessages(c.var.db, { subjectKind: 'signup', subjectId: signup.id }, c.var.platform.now());
      return c.json({ stopped: true }, 200);
    },
  )
  .route('/outbox', outbox);
