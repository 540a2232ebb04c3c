import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { numericId, plainText, slug, ticketNumber } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { communityPlace, findCommunity } from '../places/places.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { decideExtension, followUpList } from './clock-lists.ts';
import { deskView, loadTicket, ticketPlace } from './views.ts';

const decisionBody = z.object({
  approve: z.boolean(),
  note: z.optional(plainText(z.maxLength(500))),
});

/**
 * The desk's clocks seen from the staff side: the sub-district decides requests for more time,
 * and the joint desk calls residents back the working day after resolution (回访).
 */
export const deskClock = new Hono<AppEnv>()
  .post(
    '/tickets/:number/extensions/:id/decision',
    limitBody(),
    validate('param', z.object({ number: ticketNumber, id: numericId('Not an extension id.') })),
    validate('json', decisionBody),
    async (c) => {
      const { db, platform, staff } = c.var;
      const { number, id } = c.req.valid('param');
      const { approve, note } = c.req.valid('json');
      if (!approve && (note ?? '').length < 2)
        throw new ApiError(400, 'invalid_input', 'Say why more time is refused.', {
          note: 'Say why more time is refused.',
        });
      const row = await loadTicket(db, number);
      if (!row) throw new ApiError(404, 'ticket_not_found', 'No such ticket.');
      authorize(staff, 'ticket.supervise', ticketPlace(row.ticket), 'ticket');
      await decideExtension(db, row, id, { approve, note: note || null }, staff, platform.now());
      const updated = (await loadTicket(db, number))!;
      return c.json({ ticket: await deskView(db, updated, platform.now(), staff) }, 200);
    },
  )
  .get('/follow-ups', validate('query', z.object({ community: z.optional(slug) })), async (c) => {
    const { db, platform, staff } = c.var;
    authorizeRole(staff, 'ticket.work');
    const slugAsked = c.req.valid('query').community;
    const community = slugAsked ? await findCommunity(db, slugAsked) : null;
    if (community) authorize(staff, 'ticket.read', communityPlace(community), 'community');
    c.header('Cache-Control', 'no-store');
    return c.json({ followUps: await followUpList(db, staff, community?.id ?? null, platform.now()) }, 200);
  });
