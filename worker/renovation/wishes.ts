import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  communities,
  photos,
  renovationPlanItems,
  renovationWishEntries,
  renovationWishes,
  renovationWishMeToos,
  volunteers,
  type WishChannel,
  type WishOutcome,
} from '../../schema/index.ts';
import { hashToken, randomToken, tokenMatches } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import type { RecordAnswer } from '../lib/idempotency.ts';
import type { Db } from '../lib/platform.ts';
import { shanghaiDay } from '../lib/time.ts';
import { requireUnclaimed, unclaimed } from '../lib/uploads.ts';
import { optinInsert } from '../messages/outbox.ts';
import type { NewWish } from './input.ts';
import type { ProjectRow } from './projects.ts';

type WishRecord = typeof renovationWishes.$inferSelect;

/** The one answer for a missing wish and a wrong token, so tokens cannot be probed. */
export const wishNotFound = () => new ApiError(404, 'wish_not_found', 'No wish with this number and link.');

/** Answers that still leave something to do: neighbours may add "me too", meetings may take them up. */
export const openOutcomes: readonly WishOutcome[] = ['received', 'under_consideration', 'on_agenda', 'in_plan'];
export const isOpenWish = (w: Pick<WishRecord, 'outcome'>) => openOutcomes.includes(w.outcome);

/**
 * Files a wish or an objection on a project: one batch writes it with its human number, keeps
 * the Idempotency-Key's answer, claims its photos and starts its timeline.
 */
export async function fileWish(
  db: Db,
  project: ProjectRow,
  input: NewWish,
  ctx: {
    now: number;
    channel: WishChannel;
    staffId?: number;
    volunteerId?: number;
    record?: RecordAnswer;
    /** Signs the stop link of a resident's opt-in (settings.stopSecret). */
    stopSecret?: string;
  },
): Promise<{ number: string; token: string }> {
  const p = project.project;
  if (p.status === 'completed')
    throw new ApiError(409, 'project_closed', 'This renovation is completed; it takes no more wishes.');
  if (input.item) {
    const [item] = await db
      .select({ id: renovationPlanItems.id })
      .from(renovationPlanItems)
      .where(and(eq(renovationPlanItems.id, input.item), eq(renovationPlanItems.projectId, p.id)));
    if (!item) throw new ApiError(400, 'invalid_input', 'No such plan item.', { item: 'No such item in this plan.' });
  }
  await requireUnclaimed(db, input.photos, 'A photo was not uploaded, or belongs to another request.');
  const [community] = await db
    .select({ code: communities.code })
    .from(communities)
    .where(eq(communities.id, p.communityId));
  const token = randomToken();
  const prefix = `${community!.code}-${shanghaiDay(ctx.now)}-W`;
  // The day's sequence is counted inside the insert, under the write lock: no two get one number.
  const insert = db.all<{ number: string }>(sql`
    insert into ${renovationWishes} (number, token_hash, project_id, subdistrict_id, community_id, compound_id, item_id,
      kind, channel, description, location, name, phone, photos_public, created_by_staff_id, volunteer_id, created_at,
      updated_at)
    select ${prefix} || printf('%04d', count(*) + 1), ${await hashToken(token)}, ${p.id}, ${p.subdistrictId},
      ${p.communityId}, ${p.compoundId}, ${input.item ?? null}, ${input.kind}, ${ctx.channel}, ${input.description},
      ${input.location || null}, ${input.name || null}, ${input.phone}, ${input.photosPublic}, ${ctx.staffId ?? null},
      ${ctx.volunteerId ?? null}, ${ctx.now}, ${ctx.now}
    from ${renovationWishes} where number >= ${prefix} and number < ${`${prefix.slice(0, -1)}X`}
    returning number`);
  const answer = ctx.record?.(
    sql`json_object('number', (select number from ${renovationWishes} where id = last_insert_rowid()), 'token', ${token})`,
  );
  const claim = input.photos.map((key, position) =>
    db
      .update(photos)
      .set({ wishId: sql`last_insert_rowid()`, position })
      .where(and(eq(photos.key, key), unclaimed())),
  );
  const first = db.insert(renovationWishEntries).values({
    wishId: sql`last_insert_rowid()`,
    at: ctx.now,
    kind: 'submitted',
    outcome: 'received',
    actor: ctx.volunteerId ? 'volunteer' : ctx.staffId ? 'staff' : 'resident',
    staffId: ctx.staffId ?? null,
  });
  // The new wish has the highest id (SQLite, under the batch's write lock).
  const optin =
    input.notifySms && ctx.stopSecret
      ? await optinInsert(
          db,
          ctx.stopSecret,
          'wish',
          sql`(select max(id) from ${renovationWishes})`,
          input.phone,
          ctx.now,
        )
      : [];
  const [inserted] = await db.batch([insert, ...(answer ? [answer] : []), ...claim, first, ...optin]);
  return { number: (inserted as { number: string }[])[0]!.number, token };
}

const outcomeItem = alias(renovationPlanItems, 'outcome_item');
const aboutItem = alias(renovationPlanItems, 'about_item');
const mergedInto = alias(renovationWishes, 'merged_into');

/** The columns every wish answer is built from: the wish, the items it names and what it merged into. */
const wishColumns = {
  wish: renovationWishes,
  about: { id: aboutItem.id, title: aboutItem.title },
  outcomeItem: outcomeItem,
  mergedIntoNumber: mergedInto.number,
  volunteer: { name: volunteers.name, publicConsent: volunteers.publicConsent },
  photoCount: sql<number>`(select count(*) from ${photos} where ${photos.wishId} = ${renovationWishes.id})`,
};

/** Wishes with what they refer to, filtered as the caller says, newest first: a query to batch. */
export const wishesQuery = (db: Db, where: ReturnType<typeof and>, limit = 500) =>
  db
    .select(wishColumns)
    .from(renovationWishes)
    .leftJoin(aboutItem, eq(aboutItem.id, renovationWishes.itemId))
    .leftJoin(outcomeItem, eq(outcomeItem.id, renovationWishes.outcomeItemId))
    .leftJoin(mergedInto, eq(mergedInto.id, renovationWishes.mergedIntoId))
    .leftJoin(volunteers, eq(volunteers.id, renovationWishes.volunteerId))
    .where(where)
    .orderBy(desc(renovationWishes.meToo), desc(renovationWishes.createdAt), desc(renovationWishes.id))
    .limit(limit);
/** A wish row's item, or null (a left join gives an object of nulls). */
export const wishRows = (rows: Awaited<ReturnType<typeof wishesQuery>>) =>
  rows.map((r) => ({ ...r, about: r.about?.id ? r.about : null }));
export async function findWishes(db: Db, where: ReturnType<typeof and>, limit = 500) {
  return wishRows(await wishesQuery(db, where, limit));
}
export type WishRow = ReturnType<typeof wishRows>[number];

export async function loadWish(db: Db, number: string): Promise<WishRow | undefined> {
  return (await findWishes(db, and(eq(renovationWishes.number, number)), 1))[0];
}

/** A wish found by number, for the resident who holds its private token; otherwise the one 404. */
export async function heldWish(row: WishRow | undefined, token: string): Promise<WishRow> {
  const matches = await tokenMatches(token, row?.wish.tokenHash);
  if (!row || !matches) throw wishNotFound();
  return row;
}

/** Loads a wish for the resident who holds its private token, or the one 404. */
export const wishForToken = async (db: Db, number: string, token: string) =>
  heldWish(await loadWish(db, number), token);

/** The public answer of a wish: its outcome, the day it was given, and what it links to. */
export function answerOf(row: WishRow, meetings: Map<number, { id: number; title: string; startsAt: number }>) {
  const w = row.wish;
  const item = row.outcomeItem?.id ? row.outcomeItem : null;
  return {
    outcome: w.outcome,
    at: w.outcomeAt,
    note: w.outcomeNote,
    item: item && {
      id: item.id,
      title: item.title,
      status: item.status,
      doneOn: item.doneOn,
      afterPhoto: item.afterPhotoKey ? { url: `/api/renovation/items/${item.id}/photos/after` } : null,
    },
    expectedOn: w.outcome === 'in_plan' ? (w.expectedOn ?? item?.expectedOn ?? null) : null,
    deferredTo: w.deferredTo,
    meeting: w.outcomeMeetingId !== null ? (meetings.get(w.outcomeMeetingId) ?? null) : null,
    mergedInto: row.mergedIntoNumber,
  };
}

/** The volunteer who recorded a wish, as residents see them: by name only if they agreed. */
const creditOf = (row: WishRow) =>
  row.wish.channel === 'volunteer' ? { name: row.volunteer?.publicConsent ? row.volunteer.name : null } : null;

/**
 * What anyone may see of a wish: never its name or phone, photos only if the resident agreed,
 * and the volunteer who recorded it for a neighbour.
 */
export function publicWish(row: WishRow, meetings: Map<number, { id: number; title: string; startsAt: number }>) {
  const w = row.wish;
  return {
    number: w.number,
    kind: w.kind,
    description: w.description,
    location: w.location,
    item: row.about,
    meToo: w.meToo,
    createdAt: w.createdAt,
    photoCount: w.photosPublic ? row.photoCount : 0,
    canMeToo: w.kind === 'wish' && isOpenWish(w),
    volunteer: creditOf(row),
    answer: answerOf(row, meetings),
  };
}

/** The order the public list groups wishes in: what came true first, what waits for an answer last. */
export const outcomeOrder: readonly WishOutcome[] = [
  'came_true',
  'in_plan',
  'on_agenda',
  'under_consideration',
  'not_possible',
  'merged',
  'received',
];

/** The resident's own timeline of a wish, oldest first. */
export function wishTimeline(db: Db, wishId: number | SQL) {
  return db
    .select({
      at: renovationWishEntries.at,
      kind: renovationWishEntries.kind,
      outcome: renovationWishEntries.outcome,
      body: renovationWishEntries.body,
      itemId: renovationWishEntries.itemId,
      meetingId: renovationWishEntries.meetingId,
      actor: renovationWishEntries.actor,
    })
    .from(renovationWishEntries)
    .where(eq(renovationWishEntries.wishId, wishId))
    .orderBy(asc(renovationWishEntries.at), asc(renovationWishEntries.id));
}

/** Counts one "me too" per neighbour (address hash); returns the count. */
export async function recordWishMeToo(db: Db, wishId: number, addressHash: string, now: number): Promise<number> {
  await db.batch([
    db.insert(renovationWishMeToos).values({ wishId, addressHash, at: now }).onConflictDoNothing(),
    db
      .update(renovationWishes)
      .set({ meToo: sql`${renovationWishes.meToo} + 1` })
      .where(and(eq(renovationWishes.id, wishId), sql`changes() = 1`)),
  ]);
  const [after] = await db
    .select({ meToo: renovationWishes.meToo })
    .from(renovationWishes)
    .where(eq(renovationWishes.id, wishId));
  return after!.meToo;
}

/** The wish's photo at this position (0 = first), if it has that many. */
export async function wishPhotoAt(db: Db, wishId: number, position: number) {
  const [photo] = await db
    .select()
    .from(photos)
    .where(eq(photos.wishId, wishId))
    .orderBy(asc(photos.position))
    .limit(1)
    .offset(position);
  return photo;
}

/** The project's wishes with these numbers. */
export async function wishesByNumber(db: Db, projectId: number, numbers: string[]) {
  if (!numbers.length) return [];
  return db
    .select()
    .from(renovationWishes)
    .where(and(eq(renovationWishes.projectId, projectId), inArray(renovationWishes.number, numbers)));
}
