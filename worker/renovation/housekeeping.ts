import { and, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import {
  photos,
  renovationPlanItems,
  renovationQualityProblems,
  renovationWishes,
  type WishOutcome,
} from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import { WISH_RETENTION_DAYS } from './input.ts';

/** Answers after which nothing more happens to a wish: the retention period runs from them. */
const finalOutcomes: WishOutcome[] = ['came_true', 'not_possible', 'merged'];

/** Wishes whose name, phone and photos are past their retention: finally answered long enough ago. */
const expired = (now: number) =>
  and(
    inArray(renovationWishes.outcome, finalOutcomes),
    lt(renovationWishes.outcomeAt, now - WISH_RETENTION_DAYS * DAY_MS),
  );

/**
 * Photos the hourly job removes for renovation: those of wishes past their retention. Staff
 * uploads shown on a plan item and volunteers' photos of a quality problem are in use, so
 * `shownOnPlanItem` keeps them from being swept as unclaimed.
 */
export const wishPhotosExpired = (now: number): SQL =>
  sql`${photos.wishId} in (select id from ${renovationWishes} where ${expired(now)})`;
export const shownOnPlanItem = (): SQL =>
  sql`${photos.key} in (select ${renovationPlanItems.beforePhotoKey} from ${renovationPlanItems} where ${renovationPlanItems.beforePhotoKey} is not null
    union select ${renovationPlanItems.afterPhotoKey} from ${renovationPlanItems} where ${renovationPlanItems.afterPhotoKey} is not null
    union select value from ${renovationQualityProblems}, json_each(${renovationQualityProblems.photoKeys}))`;

/**
 * Forgets the names and phones of wishes finally answered more than the retention period ago
 * (their words and answers stay on the public list). Meant for the hourly job.
 * @example await purgeWishContacts(db, Date.now())
 */
export async function purgeWishContacts(db: Db, now: number): Promise<number> {
  const result = await db
    .update(renovationWishes)
    .set({ phone: '', name: null })
    .where(and(expired(now), or(ne(renovationWishes.phone, ''), sql`${renovationWishes.name} is not null`)));
  return result.rowsAffected;
}
