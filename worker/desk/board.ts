import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { communities, compounds, photos, ticketCategories, ticketMeToos, tickets } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { isOverdue } from './clock.ts';
import { openStatuses } from './lifecycle.ts';
import { ticketListColumns } from './queue.ts';

/** Where the board looks: one community, every community of a sub-district, or the whole district. */
export type BoardPlace = { communityId: number | SQL } | { subdistrictId: number | SQL } | Record<string, never>;
/** The last ticket a resident has seen, in the board's order: most "me too" first, then newest. */
export type BoardCursor = { meToo: number; createdAt: number; id: number };

/** The tickets of a board place as a SQL condition (none for the whole district). */
export const placeCondition = (place: BoardPlace): SQL | undefined =>
  'communityId' in place
    ? eq(tickets.communityId, place.communityId)
    : 'subdistrictId' in place
      ? eq(tickets.subdistrictId, place.subdistrictId)
      : undefined;

const after = (c: BoardCursor) =>
  or(
    lt(tickets.meToo, c.meToo),
    and(eq(tickets.meToo, c.meToo), lt(tickets.createdAt, c.createdAt)),
    and(eq(tickets.meToo, c.meToo), eq(tickets.createdAt, c.createdAt), lt(tickets.id, c.id)),
  );

/**
 * A place's public board: its open tickets without names, phones or (unless the filer agreed)
 * photos, most "me too" first, a page of `limit` after the cursor. Each names its community, so
 * a board wider than one community says where each problem is.
 */
export async function publicBoard(
  db: Db,
  place: BoardPlace,
  now: number,
  page: { limit: number; after?: BoardCursor },
) {
  const rows = await db
    .select({
      ...ticketListColumns,
      id: tickets.id,
      location: tickets.location,
      meToo: tickets.meToo,
      photosPublic: tickets.photosPublic,
      photoCount: sql<number>`(select count(*) from ${photos} where ${photos.ticketId} = ${tickets.id})`,
      category: { code: ticketCategories.code, name: ticketCategories.name, nameEn: ticketCategories.nameEn },
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
      compound: { name: compounds.name, nameEn: compounds.nameEn },
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(communities, eq(communities.id, tickets.communityId))
    .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
    .where(
      and(placeCondition(place), inArray(tickets.status, openStatuses), page.after ? after(page.after) : undefined),
    )
    .orderBy(desc(tickets.meToo), desc(tickets.createdAt), desc(tickets.id))
    .limit(page.limit);
  const last = rows.at(-1);
  return {
    tickets: rows.map(({ id: _, photosPublic, photoCount, ...r }) => ({
      ...r,
      compound: r.compound?.name ? r.compound : null,
      overdue: isOverdue(r, now),
      photoCount: photosPublic ? photoCount : 0,
    })),
    nextAfter: rows.length === page.limit && last ? `${last.meToo}_${last.createdAt}_${last.id}` : null,
  };
}

/** Counts one "me too" per address hash (a second one from the same address changes nothing); returns the count. */
export async function recordMeToo(db: Db, ticketId: number, addressHash: string, now: number): Promise<number> {
  await db.batch([
    db.insert(ticketMeToos).values({ ticketId, addressHash, at: now }).onConflictDoNothing(),
    db
      .update(tickets)
      .set({ meToo: sql`${tickets.meToo} + 1` })
      .where(and(eq(tickets.id, ticketId), sql`changes() = 1`)),
  ]);
  const [after] = await db.select({ meToo: tickets.meToo }).from(tickets).where(eq(tickets.id, ticketId));
  return after!.meToo;
}

/** The ticket's photo at this position (0 = first), if it has that many. */
export async function ticketPhotoAt(db: Db, ticketId: number, position: number) {
  const [photo] = await db
    .select()
    .from(photos)
    .where(and(eq(photos.ticketId, ticketId)))
    .orderBy(asc(photos.position))
    .limit(1)
    .offset(position);
  return photo;
}

const resolvedStatuses = ['resolved', 'closed'] as const;

/**
 * The neighbour's own rating of a ticket they said "me too" to, once it is resolved: once per
 * address (404 `me_too_not_found` for an address that never said it, 409 too early or twice).
 */
export async function rateMeToo(db: Db, ticketId: number, addressHash: string, score: number, now: number) {
  const mine = and(eq(ticketMeToos.ticketId, ticketId), eq(ticketMeToos.addressHash, addressHash));
  const [said] = await db
    .select({ rating: ticketMeToos.rating, status: tickets.status })
    .from(ticketMeToos)
    .innerJoin(tickets, eq(tickets.id, ticketMeToos.ticketId))
    .where(mine);
  if (!said) throw new ApiError(404, 'me_too_not_found', 'This network did not say "me too" to this ticket.');
  if (!(resolvedStatuses as readonly string[]).includes(said.status))
    throw new ApiError(409, 'rating_not_allowed', 'A ticket is rated once it is resolved.');
  const rated = await db
    .update(ticketMeToos)
    .set({ rating: score, ratedAt: now })
    .where(and(mine, isNull(ticketMeToos.rating)));
  if (rated.rowsAffected !== 1) throw new ApiError(409, 'rating_not_allowed', 'You already rated this ticket.');
}

/**
 * Where the tickets this address said "me too" to stand (of the numbers the phone remembers),
 * and whether it may rate one now.
 */
export async function meTooTickets(db: Db, numbers: string[], addressHash: string) {
  const rows = await db
    .select({
      number: tickets.number,
      status: tickets.status,
      description: tickets.description,
      resolvedAt: tickets.resolvedAt,
      rating: ticketMeToos.rating,
    })
    .from(ticketMeToos)
    .innerJoin(tickets, eq(tickets.id, ticketMeToos.ticketId))
    .where(and(eq(ticketMeToos.addressHash, addressHash), inArray(tickets.number, numbers)));
  return rows.map((r) => ({
    ...r,
    canRate: r.rating === null && (resolvedStatuses as readonly string[]).includes(r.status),
  }));
}
