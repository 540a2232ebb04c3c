import * as z from 'zod/mini';
import { Hono } from '#hono';
import { numericId, ticketNumber } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { decideDispute, decisionSchema } from './disputes.ts';
import { loadPart, partActionSchema, runPartAction } from './parts.ts';
import { visibleTicket } from './staff-routes.ts';
import { deskView, loadTicket } from './views.ts';

const partParam = z.object({ number: ticketNumber, partId: numericId('Not a part id.') });
const disputeParam = z.object({ number: ticketNumber, id: numericId('Not a dispute id.') });

/**
 * A joint ticket's parts, worked by each side (the sub-district and admins on any), and the
 * sub-district's final decisions on disputes. Both answer with the ticket's new desk view.
 */
export const deskParts = new Hono<AppEnv>()
  .post(
    '/:number/parts/:partId/actions',
    limitBody(),
    validate('param', partParam),
    validate('json', partActionSchema),
    async (c) => {
      const { number, partId } = c.req.valid('param');
      const { db, platform, staff } = c.var;
      const row = await visibleTicket(c, number, 'ticket.read');
      const part = await loadPart(db, row.ticket.id, partId);
      await runPartAction(db, row, part, c.req.valid('json'), staff, platform.now());
      return c.json({ ticket: await deskView(db, (await loadTicket(db, number))!, platform.now(), staff) }, 200);
    },
  )
  .post(
    '/:number/disputes/:id/decision',
    limitBody(),
    validate('param', disputeParam),
    validate('json', decisionSchema),
    async (c) => {
      const { number, id } = c.req.valid('param');
      const { db, platform, staff } = c.var;
      const row = await visibleTicket(c, number, 'ticket.supervise');
      await decideDispute(db, row, id, c.req.valid('json'), staff, platform.now());
      return c.json({ ticket: await deskView(db, (await loadTicket(db, number))!, platform.now(), staff) }, 200);
    },
  );
