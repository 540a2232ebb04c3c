import { photos } from '../../schema/index.ts';
import { type PhotoType, photoKey } from './photos.ts';
import type { Platform } from './platform.ts';

/**
 * Keeps a checked photo: its bytes in the photo store, its row unclaimed (a ticket or an article
 * claims it later; unclaimed ones are removed after a day). Returns its key.
 */
export async function storeUpload(platform: Platform, photo: { type: PhotoType; bytes: Uint8Array }): Promise<string> {
  const key = photoKey(platform.now());
  await platform.photos.put(key, photo.bytes, photo.type);
  await platform.db
    .insert(photos)
    .values({ key, type: photo.type, size: photo.bytes.length, createdAt: platform.now() });
  return key;
}
