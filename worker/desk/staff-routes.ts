import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { communities, compounds, owners, ticketCategories, tickets, ticketStatuses } from '../../schema/index.ts';
import { authorize, authorizeRole, decide } from '../staff/policy.ts';
import { deskActionSchema, runDeskAction } from './actions.ts';
import { deskActionsFor } from './available.ts';
import { fileTicket, newTicketSchema } from './file-ticket.ts';
import { isOverdue, openStatuses } from './lifecycle.ts';
import { ticketScope } from './scope.ts';
import { deskView, loadTicket, ticketPlace } from './views.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';

const numberParam = z.object({ number: z.string().check(z.regex(/^[A-Z]{2,4}-\d{8}-\d{4,}$/, 'Not a ticket number.')) });
const flag = z.pipe(
  z.enum(['1', 'true', '0', 'false']),
  z.transform((v) => v === '1' || v === 'true'),
);

const queueQuery = z.object({
  community: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
  status: z.optional(z.enum([...ticketStatuses, 'open'])),
  owner: z.optional(z.enum(owners)),
  category: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
  overdue: z.optional(flag),
  before: z.optional(z.coerce.number().check(z.int(), z.positive())),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});

/** The staff member's loaded ticket, or the 404 that hides tickets outside their place. */
async function visibleTicket(c: { var: AppEnv['Variables'] }, number: string, action: 'ticket.read' | 'ticket.work') {
  const row = await loadTicket(c.var.db, number);
  if (!row) throw new ApiError(404, 'ticket_not_found', 'No such ticket.');
  authorize(c.var.staff, action, ticketPlace(row.ticket), 'ticket');
  return row;
}

export const deskTickets = new Hono<AppEnv>()
  .get('/', validate('query', queueQuery), async (c) => {
    authorizeRole(c.var.staff, 'ticket.read');
    const q = c.req.valid('query');
    const now = c.var.platform.now();
    const filters: (SQL | undefined)[] = [
      ticketScope(c.var.staff),
      q.community ? eq(communities.slug, q.community) : undefined,
      q.status === 'open' ? inArray(tickets.status, openStatuses) : q.status ? eq(tickets.status, q.status) : undefined,
      q.owner ? eq(tickets.owner, q.owner) : undefined,
      q.category ? eq(ticketCategories.code, q.category) : undefined,
      q.overdue ? and(inArray(tickets.status, openStatuses), lt(tickets.dueAt, now)) : undefined,
      q.before ? lt(tickets.id, q.before) : undefined,
    ];
    const rows = await c.var.db
      .select({
        id: tickets.id,
        number: tickets.number,
        status: tickets.status,
        owner: tickets.owner,
        description: tickets.description,
        location: tickets.location,
        dueAt: tickets.dueAt,
        createdAt: tickets.createdAt,
        flagged: tickets.flagged,
        reopenCount: tickets.reopenCount,
        meToo: tickets.meToo,
        category: { code: ticketCategories.code, name: ticketCategories.name, nameEn: ticketCategories.nameEn },
        community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
        compound: { name: compounds.name, nameEn: compounds.nameEn },
      })
      .from(tickets)
      .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
      .innerJoin(communities, eq(communities.id, tickets.communityId))
      .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
      .where(and(...filters))
      .orderBy(desc(tickets.id))
      .limit(q.limit);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        tickets: rows.map(({ id: _, ...r }) => ({ ...r, overdue: isOverdue(r, now), compound: r.compound?.name ? r.compound : null })),
        nextBefore: rows.length === q.limit ? rows.at(-1)!.id : null,
      },
      200,
    );
  })
  .post('/', limitBody(), validate('json', z.extend(newTicketSchema, { channel: z.enum(['walk_in', 'phone']) })), async (c) => {
    const input = c.req.valid('json');
    const now = c.var.platform.now();
    const filed = await fileTicket(c.var.db, input, {
      now,
      channel: input.channel,
      staffId: c.var.staff.id,
      // At the joint desk either side registers any walk-in; the category still decides the owner.
      check: (place) => authorize(c.var.staff, 'ticket.read', { ...place, owner: 'joint' }, 'community'),
    });
    return c.json(filed, 201);
  })
  .get('/:number', validate('param', numberParam), async (c) => {
    const row = await visibleTicket(c, c.req.valid('param').number, 'ticket.read');
    const place = ticketPlace(row.ticket);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        ticket: await deskView(c.var.db, row, c.var.platform.now()),
        canWork: decide(c.var.staff, 'ticket.work', place) === 'allow',
        canSupervise: decide(c.var.staff, 'ticket.supervise', place) === 'allow',
        actions: deskActionsFor(c.var.staff, row),
      },
      200,
    );
  })
  .post('/:number/actions', limitBody(), validate('param', numberParam), validate('json', deskActionSchema), async (c) => {
    const row = await visibleTicket(c, c.req.valid('param').number, 'ticket.work');
    const action = c.req.valid('json');
    const { db, platform, staff } = c.var;
    await runDeskAction(db, row, action, staff, platform.now());
    const updated = (await loadTicket(db, row.ticket.number))!;
    return c.json({ ticket: await deskView(db, updated, platform.now()) }, 200);
  });
