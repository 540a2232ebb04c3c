import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { communities, compounds, photos, ticketCategories, ticketMeToos, tickets } from '../../schema/index.ts';
import { currentStaff } from '../staff/middleware.ts';
import { decide } from '../staff/policy.ts';
import { hashToken } from '../lib/crypto.ts';
import { isOpen, isOverdue, openStatuses } from './lifecycle.ts';
import { ticketForToken, ticketNotFound } from './resident-access.ts';
import { loadTicket, ticketPlace } from './views.ts';
import { ApiError } from '../lib/errors.ts';
import type { AppEnv } from '../lib/platform.ts';
import { countPublicWrite } from '../lib/public-writes.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';

const numberParam = z.object({ number: z.string().check(z.regex(/^[A-Z]{2,4}-\d{8}-\d{4,}$/, 'Not a ticket number.')) });

/**
 * The public board of a community: its open tickets without names, phones or (unless the
 * filer agreed) photos, so neighbours can say "me too" instead of filing again.
 */
export const boardRoutes = new Hono<AppEnv>()
  .get('/', validate('query', z.object({ community: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Not a valid code.')) })), async (c) => {
    const { db } = c.var;
    const [community] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, c.req.valid('query').community));
    if (!community) throw new ApiError(404, 'community_not_found', 'No such community.');
    const now = c.var.platform.now();
    const rows = await db
      .select({
        number: tickets.number,
        status: tickets.status,
        owner: tickets.owner,
        description: tickets.description,
        location: tickets.location,
        createdAt: tickets.createdAt,
        dueAt: tickets.dueAt,
        meToo: tickets.meToo,
        photosPublic: tickets.photosPublic,
        photoCount: sql<number>`(select count(*) from ${photos} where ${photos.ticketId} = ${tickets.id})`,
        category: { code: ticketCategories.code, name: ticketCategories.name, nameEn: ticketCategories.nameEn },
        compound: { name: compounds.name, nameEn: compounds.nameEn },
      })
      .from(tickets)
      .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
      .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
      .where(and(eq(tickets.communityId, community.id), inArray(tickets.status, openStatuses)))
      .orderBy(desc(tickets.meToo), desc(tickets.createdAt))
      .limit(100);
    c.header('Cache-Control', 'public, max-age=30');
    return c.json(
      {
        tickets: rows.map(({ photosPublic, photoCount, ...r }) => ({
          ...r,
          compound: r.compound?.name ? r.compound : null,
          overdue: isOverdue(r, now),
          photoCount: photosPublic ? photoCount : 0,
        })),
      },
      200,
    );
  })
  .post('/:number/me-too', limitBody(), validate('param', numberParam), async (c) => {
    const { db, platform } = c.var;
    const row = await loadTicket(db, c.req.valid('param').number);
    if (!row || !isOpen(row.ticket.status)) throw ticketNotFound();
    await countPublicWrite(c, 'me-too');
    // One "me too" per network address; the address itself is not kept.
    const addressHash = await hashToken(`${platform.authPepper ?? ''}|${platform.clientAddress(c)}`);
    await db.batch([
      db.insert(ticketMeToos).values({ ticketId: row.ticket.id, addressHash, at: platform.now() }).onConflictDoNothing(),
      db.update(tickets).set({ meToo: sql`${tickets.meToo} + 1` }).where(and(eq(tickets.id, row.ticket.id), sql`changes() = 1`)),
    ]);
    const [after] = await db.select({ meToo: tickets.meToo }).from(tickets).where(eq(tickets.id, row.ticket.id));
    return c.json({ meToo: after!.meToo }, 200);
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
    const [photo] = await db.select().from(photos).where(and(eq(photos.ticketId, row.ticket.id))).orderBy(asc(photos.position)).limit(1).offset(position);
    const stored = photo ? await platform.photos.get(photo.key) : null;
    if (!stored) throw new ApiError(404, 'photo_not_found', 'No such photo.');
    c.header('Cache-Control', privileged ? 'private, max-age=3600' : 'public, max-age=300');
    c.header('Content-Type', stored.type);
    return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200);
  },
);
