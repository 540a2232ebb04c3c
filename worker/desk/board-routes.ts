import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { ticketNumber } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { countPublicWrite, neighbourKey } from '../lib/public-writes.ts';
import { limitBody, shareable } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { communityIdOf, findCommunity, findSubdistrict, subdistrictIdOf } from '../places/places.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';
import { currentStaff } from '../staff/middleware.ts';
import { decide } from '../staff/policy.ts';
import { type BoardPlace, meTooTickets, publicBoard, rateMeToo, recordMeToo, ticketPhotoAt } from './board.ts';
import { isOpen } from './lifecycle.ts';
import { ticketForToken, ticketNotFound } from './resident-access.ts';
import { loadTicket, ticketPlace } from './views.ts';

const numberParam = z.object({ number: ticketNumber });
const meTooNumbers = z.pipe(
  z.string().check(z.maxLength(20 * 24)),
  z.pipe(
    z.transform((v: string) => v.split(',').filter(Boolean)),
    z.array(ticketNumber).check(z.minLength(1, 'Name a ticket.'), z.maxLength(20, 'At most 20 tickets.')),
  ),
);

/** A community's board, a whole sub-district's or the district's, a page at a time. */
const boardQuery = z
  .object({
    ...placeScopeFields,
    after: z.optional(z.string().check(z.regex(/^\d+_\d+_\d+$/, 'Not a cursor.'))),
    limit: z._default(z.coerce.number().check(z.int('Give a whole number.'), z.gte(1), z.lte(100)), 50),
  })
  .check(onePlace());

/**
 * The public board of a community (or of a whole sub-district or the district): open tickets
 * without names, phones or (unless the filer agreed) photos, so neighbours can say "me too"
 * instead of filing again.
 */
export const boardRoutes = new Hono<AppEnv>()
  .get('/', validate('query', boardQuery), async (c) => {
    const { db, platform } = c.var;
    const q = c.req.valid('query');
    const place: BoardPlace = q.community
      ? { communityId: communityIdOf(q.community) }
      : q.subdistrict
        ? { subdistrictId: subdistrictIdOf(q.subdistrict) }
        : {};
    const [meToo, createdAt, id] = q.after?.split('_').map(Number) ?? [];
    const after = q.after ? { meToo: meToo!, createdAt: createdAt!, id: id! } : undefined;
    const board = await publicBoard(db, place, platform.now(), { limit: q.limit, after });
    // One round trip: the place is a subquery, and only an empty board asks whether it exists.
    if (!board.tickets[0])
      await (q.community ? findCommunity(db, q.community) : q.subdistrict && findSubdistrict(db, q.subdistrict));
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(board, 200);
  })
  .post('/:number/me-too', limitBody(), validate('param', numberParam), async (c) => {
    const { db, platform } = c.var;
    const row = await loadTicket(db, c.req.valid('param').number);
    if (!row || !isOpen(row.ticket.status)) throw ticketNotFound();
    await countPublicWrite(c, 'me-too');
    return c.json({ meToo: await recordMeToo(db, row.ticket.id, await neighbourKey(c), platform.now()) }, 200);
  })
  .post(
    '/:number/me-too/rating',
    limitBody(),
    validate('param', numberParam),
    validate('json', z.object({ score: z.number().check(z.int(), z.gte(1), z.lte(5)) })),
    async (c) => {
      const { db, platform } = c.var;
      const row = await loadTicket(db, c.req.valid('param').number);
      if (!row) throw ticketNotFound();
      await rateMeToo(db, row.ticket.id, await neighbourKey(c), c.req.valid('json').score, platform.now());
      return c.json({ ok: true }, 201);
    },
  )
  // The phone asks about the numbers it remembers; the answer covers only this address's "me too"s.
  .get('/me-toos', validate('query', z.object({ numbers: meTooNumbers })), async (c) => {
    const numbers = c.req.valid('query').numbers;
    c.header('Cache-Control', 'private, no-store');
    return c.json({ tickets: await meTooTickets(c.var.db, numbers, await neighbourKey(c)) }, 200);
  });

/**
 * A ticket's photo, for whoever may see it: the resident with the tracking token, staff who
 * may read the ticket, or anyone when the filer put the photos on the public board.
 */
export const ticketPhotoRoutes = new Hono<AppEnv>().get(
  '/:number/photos/:position',
  validate('param', z.extend(numberParam, { position: z.coerce.number().check(z.int(), z.gte(0), z.lte(3)) })),
  validate('query', z.object({ token: z.optional(z.string().check(z.maxLength(64))) })),
  async (c) => {
    const { db, platform } = c.var;
    const { number, position } = c.req.valid('param');
    const token = c.req.valid('query').token;
    const row = token ? await ticketForToken(db, number, token) : await loadTicket(db, number);
    if (!row) throw ticketNotFound();
    const staff = token ? null : await currentStaff(c);
    const privileged = !!token || (!!staff && decide(staff, 'ticket.read', ticketPlace(row.ticket)) === 'allow');
    const onBoard = row.ticket.photosPublic && isOpen(row.ticket.status);
    if (!privileged && !onBoard) throw ticketNotFound();
    const photo = await ticketPhotoAt(db, row.ticket.id, position);
    const stored = photo ? await platform.photos.get(photo.key) : null;
    if (!stored) throw new ApiError(404, 'photo_not_found', 'No such photo.');
    c.header('Cache-Control', privileged ? 'private, max-age=3600' : 'public, max-age=300');
    if (!privileged) shareable(c);
    c.header('Content-Type', stored.type);
    return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200);
  },
);
