import { and, inArray, isNull } from 'drizzle-orm';
import { photos } from '../../schema/index.ts';
import { ApiError } from './errors.ts';
import { type PhotoType, photoKey } from './photos.ts';
import type { Db, Platform } from './platform.ts';

/**
 * Keeps a checked photo: its bytes in the photo store, its row unclaimed (a ticket or a wish
 * claims it later, an article or a plan item shows it by key; the rest are removed after a day).
 * Returns its key.
 */
export async function storeUpload(platform: Platform, photo: { type: PhotoType; bytes: Uint8Array }): Promise<string> {
  const key = photoKey(platform.now());
  await platform.photos.put(key, photo.bytes, photo.type);
  await platform.db
    .insert(photos)
    .values({ key, type: photo.type, size: photo.bytes.length, createdAt: platform.now() });
  return key;
}

/**
 * An upload that no resident's ticket or wish has claimed: the only kind a new ticket or wish may
 * claim, and the only kind staff may show in news or on a plan item (a resident's photo stays theirs).
 * @example db.update(photos).set({ ticketId }).where(and(eq(photos.key, key), unclaimed()))
 */
export const unclaimed = () => and(isNull(photos.ticketId), isNull(photos.wishId));

/**
 * Answers 400 naming `photos` unless every key is an unclaimed upload.
 * @example await requireUnclaimed(db, input.photos, 'A photo was not uploaded, or belongs to another ticket.')
 */
export async function requireUnclaimed(db: Db, keys: string[], message: string, field = 'photos'): Promise<void> {
  if (!keys.length) return;
  const free = await db
    .select({ key: photos.key })
    .from(photos)
    .where(and(inArray(photos.key, keys), unclaimed()));
  if (free.length !== new Set(keys).size) throw new ApiError(400, 'invalid_input', message, { [field]: message });
}
