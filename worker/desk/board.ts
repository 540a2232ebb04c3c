import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { compounds, photos, ticketCategories, ticketMeToos, tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { isOverdue, openStatuses } from './lifecycle.ts';
import { ticketListColumns } from './queue.ts';

/**
 * A community's public board: its open tickets without names, phones or (unless the filer
 * agreed) photos, most "me too" first.
 */
export async function communityBoard(db: Db, communityId: number, now: number) {
  const rows = await db
    .select({
      ...ticketListColumns,
      location: tickets.location,
      meToo: tickets.meToo,
      photosPublic: tickets.photosPublic,
      photoCount: sql<number>`(select count(*) from ${photos} where ${photos.ticketId} = ${tickets.id})`,
      category: { code: ticketCategories.code, name: ticketCategories.name, nameEn: ticketCategories.nameEn },
      compound: { name: compounds.name, nameEn: compounds.nameEn },
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .leftJoin(compounds, eq(compounds.id, tickets.compoundId))
    .where(and(eq(tickets.communityId, communityId), inArray(tickets.status, openStatuses)))
    .orderBy(desc(tickets.meToo), desc(tickets.createdAt))
    .limit(100);
  return rows.map(({ photosPublic, photoCount, ...r }) => ({
    ...r,
    compound: r.compound?.name ? r.compound : null,
    overdue: isOverdue(r, now),
    photoCount: photosPublic ? photoCount : 0,
  }));
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
