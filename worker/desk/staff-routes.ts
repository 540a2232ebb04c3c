import * as z from 'zod/mini';
import { Hono } from '#hono';
import { owners, ticketStatuses } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { numericId, slug, ticketNumber } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { messageSettingsOf } from '../messages/settings.ts';
import { authorize, authorizeRole, decide } from '../staff/policy.ts';
import { deskActionSchema, runDeskAction } from './actions.ts';
import { deskActionNeeds, deskActionsFor } from './available.ts';
import { fileTicket, newTicketSchema } from './file-ticket.ts';
import { queueViews, ticketQueue } from './queue.ts';
import { deskView, loadTicket, ticketPlace } from './views.ts';

const numberParam = z.object({ number: ticketNumber });
const flag = z.pipe(
  z.enum(['1', 'true', '0', 'false']),
  z.transform((v) => v === '1' || v === 'true'),
);

const queueQuery = z.object({
  view: z.optional(z.enum(queueViews)),
  community: z.optional(slug),
  status: z.optional(z.enum([...ticketStatuses, 'open'])),
  owner: z.optional(z.enum(owners)),
  category: z.optional(slug),
  overdue: z.optional(flag),
  before: z.optional(numericId('Not a ticket id.')),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});

/** The staff member's loaded ticket, or the 404 that hides tickets outside their place. */
export async function visibleTicket(
  c: { var: AppEnv['Variables'] },
  number: string,
  action: 'ticket.read' | 'ticket.work' | 'ticket.supervise',
) {
  const row = await loadTicket(c.var.db, number);
  if (!row) throw new ApiError(404, 'ticket_not_found', 'No such ticket.');
  authorize(c.var.staff, action, ticketPlace(row.ticket), 'ticket');
  return row;
}

export const deskTickets = new Hono<AppEnv>()
  .get('/', validate('query', queueQuery), async (c) => {
    authorizeRole(c.var.staff, 'ticket.read');
    const queue = await ticketQueue(c.var.db, c.var.staff, c.req.valid('query'), c.var.platform.now());
    c.header('Cache-Control', 'no-store');
    return c.json(queue, 200);
  })
  .post(
    '/',
    limitBody(),
    validate('json', z.extend(newTicketSchema, { channel: z.enum(['walk_in', 'phone']) })),
    async (c) => {
      const input = c.req.valid('json');
      const now = c.var.platform.now();
      const filed = await fileTicket(c.var.db, input, {
        now,
        channel: input.channel,
        staffId: c.var.staff.id,
        stopSecret: messageSettingsOf(c.var.platform).stopSecret,
        // At the joint desk either side registers any walk-in; the category still decides the owner.
        check: (place) => authorize(c.var.staff, 'ticket.read', { ...place, owner: 'joint' }, 'community'),
      });
      return c.json(filed, 201);
    },
  )
  .get('/:number', validate('param', numberParam), async (c) => {
    const row = await visibleTicket(c, c.req.valid('param').number, 'ticket.read');
    const place = ticketPlace(row.ticket);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        ticket: await deskView(c.var.db, row, c.var.platform.now(), c.var.staff),
        canWork: decide(c.var.staff, 'ticket.work', place) === 'allow',
        canSupervise: decide(c.var.staff, 'ticket.supervise', place) === 'allow',
        actions: deskActionsFor(c.var.staff, row, c.var.platform.now()),
      },
      200,
    );
  })
  .post(
    '/:number/actions',
    limitBody(),
    validate('param', numberParam),
    validate('json', deskActionSchema),
    async (c) => {
      const action = c.req.valid('json');
      const row = await visibleTicket(c, c.req.valid('param').number, deskActionNeeds(action.action));
      const { db, platform, staff } = c.var;
      await runDeskAction(db, row, action, staff, platform.now());
      const updated = (await loadTicket(db, row.ticket.number))!;
      return c.json({ ticket: await deskView(db, updated, platform.now(), staff) }, 200);
    },
  );
