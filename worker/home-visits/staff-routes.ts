import * as z from 'zod/mini';
import { Hono } from '#hono';
import { homeVisitStatuses } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { numericId, slug } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { messageSettingsOf } from '../messages/settings.ts';
import { communityPlace, findCommunity } from '../places/places.ts';
import { auditEntry } from '../staff/audit.ts';
import { type Action, authorize, authorizeRole, decide } from '../staff/policy.ts';
import { runVisitAction, visitActionNeeds, visitActionsFor } from './actions.ts';
import { newHomeVisitSchema, numberParam, visitActionSchema } from './input.ts';
import { partnerFigures, visitQueue } from './queue.ts';
import { requestHomeVisit } from './request.ts';
import { serviceChoices, setOffered } from './services.ts';
import { loadVisit, staffVisitView, visitPlace } from './views.ts';

type Vars = { var: AppEnv['Variables'] };

const queueQuery = z.object({
  community: z.optional(slug),
  status: z.optional(z.enum([...homeVisitStatuses, 'open'])),
  partner: z.optional(slug),
  overdue: z.optional(
    z.pipe(
      z.enum(['1', 'true', '0', 'false']),
      z.transform((v) => v === '1' || v === 'true'),
    ),
  ),
  before: z.optional(numericId('Not a visit id.')),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});

/** The staff member's visit, or the 404 that hides visits outside their place (a partner's: not assigned to it). */
async function visibleVisit(c: Vars, number: string, action: Action) {
  const row = await loadVisit(c.var.db, number);
  if (!row) throw new ApiError(404, 'home_visit_not_found', 'No such home visit.');
  authorize(c.var.staff, action, visitPlace(row.visit), 'home_visit');
  return row;
}

/** The staff view of a visit; when it shows the personal details, the reveal is audited with it. */
async function shown(c: Vars, number: string) {
  const { db, staff, platform } = c.var;
  const row = (await loadVisit(db, number))!;
  // A partner that just declined it no longer sees it.
  if (decide(staff, 'visit.read', visitPlace(row.visit)) !== 'allow') return { visit: null, actions: [] };
  const now = platform.now();
  const visit = await staffVisitView(db, row, staff, now);
  if (visit.revealed)
    await auditEntry(db, staff, 'home_visit.reveal', 'home_visit', number, now, {
      fields: ['name', 'address', 'phone'],
    });
  return { visit, actions: visitActionsFor(staff, row) };
}

/**
 * Home visits at the desk (/api/desk/home-visits): community staff review, send and follow
 * requests and take them on the phone; partner staff serve the visits assigned to them.
 */
export const homeVisitDesk = new Hono<AppEnv>()
  .get('/', validate('query', queueQuery), async (c) => {
    authorizeRole(c.var.staff, 'visit.read');
    c.header('Cache-Control', 'no-store');
    return c.json(await visitQueue(c.var.db, c.var.staff, c.req.valid('query'), c.var.platform.now()), 200);
  })
  .post(
    '/',
    limitBody(),
    validate('json', z.extend(newHomeVisitSchema, { channel: z.enum(['phone', 'walk_in']) })),
    async (c) => {
      const input = c.req.valid('json');
      const made = await requestHomeVisit(c.var.db, input, {
        now: c.var.platform.now(),
        channel: input.channel,
        staffId: c.var.staff.id,
        stopSecret: messageSettingsOf(c.var.platform).stopSecret,
        check: (place) => authorize(c.var.staff, 'visit.coordinate', place, 'community'),
      });
      return c.json(made, 201);
    },
  )
  .get('/services', validate('query', z.object({ community: slug })), async (c) => {
    const community = await findCommunity(c.var.db, c.req.valid('query').community);
    authorize(c.var.staff, 'visit.coordinate', communityPlace(community), 'community');
    return c.json({ services: await serviceChoices(c.var.db, community.id) }, 200);
  })
  .put(
    '/services',
    limitBody(),
    validate('json', z.object({ community: slug, service: slug, offered: z.boolean() })),
    async (c) => {
      const body = c.req.valid('json');
      const community = await findCommunity(c.var.db, body.community);
      authorize(c.var.staff, 'visit.coordinate', communityPlace(community), 'community');
      await setOffered(c.var.db, c.var.staff, community, body.service, body.offered, c.var.platform.now());
      return c.json({ services: await serviceChoices(c.var.db, community.id) }, 200);
    },
  )
  .get('/partners', validate('query', z.object({ community: z.optional(slug) })), async (c) => {
    const requested = c.req.valid('query').community;
    const community = requested ? await findCommunity(c.var.db, requested) : null;
    if (community) authorize(c.var.staff, 'visit.read', communityPlace(community), 'community');
    else authorizeRole(c.var.staff, 'visit.read');
    c.header('Cache-Control', 'no-store');
    return c.json({ partners: await partnerFigures(c.var.db, c.var.staff, community?.id ?? null) }, 200);
  })
  .get('/:number', validate('param', numberParam), async (c) => {
    const { number } = c.req.valid('param');
    await visibleVisit(c, number, 'visit.read');
    c.header('Cache-Control', 'no-store');
    return c.json(await shown(c, number), 200);
  })
  .post(
    '/:number/actions',
    limitBody(),
    validate('param', numberParam),
    validate('json', visitActionSchema),
    async (c) => {
      const action = c.req.valid('json');
      const { number } = c.req.valid('param');
      const row = await visibleVisit(c, number, visitActionNeeds(action.action));
      await runVisitAction(c.var.db, row, action, c.var.staff, c.var.platform.now());
      return c.json(await shown(c, number), 200);
    },
  );
