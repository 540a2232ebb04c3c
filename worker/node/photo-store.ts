import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { isPhotoKey, type PhotoStore, type PhotoType } from '../lib/photos.ts';

/** The file extension carries the content type, so a photo is one plain file an admin can open. */
const EXTENSIONS: Record<PhotoType, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' };
const TYPES = Object.entries(EXTENSIONS) as Array<[PhotoType, string]>;

/**
 * Photos as files under `dir` (`p/2026/11/<id>.jpg`), for the Node entry. Keys are checked
 * before they touch a path, and each photo is written to a temporary file and renamed into
 * place, so a reader never sees half a photo and a crash leaves no broken one behind.
 * @example const photos = folderPhotoStore('data/photos')
 */
export function folderPhotoStore(dir: string): PhotoStore {
  const root = resolve(dir);
  const pathOf = (key: string, type: PhotoType) => {
    const path = resolve(root, key + EXTENSIONS[type]);
    // isPhotoKey already rules out `..` and absolute keys; this guards the guard.
    if (!isPhotoKey(key) || !path.startsWith(root + sep)) {
      throw new TypeError(`Not a photo key: ${JSON.stringify(key.slice(0, 80))}`);
    }
    return path;
  };
  const removeOthers = (key: string, keep?: PhotoType) =>
    Promise.all(TYPES.filter(([type]) => type !== keep).map(([type]) => rm(pathOf(key, type), { force: true })));

  return {
    async put(key, bytes, type) {
      const path = pathOf(key, type);
      await mkdir(dirname(path), { recursive: true });
      // Beside the target (same file system, so rename is atomic); the dot keeps it apart from keys.
      const temp = `${dirname(path)}${sep}.${randomBytes(9).toString('base64url')}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: 'wx' });
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      // The same key stored earlier as another type must not shadow this one.
      await removeOthers(key, type);
    },
    async get(key) {
      for (const [type] of TYPES) {
        try {
          return { bytes: new Uint8Array(await readFile(pathOf(key, type))), type };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      return null;
    },
    async delete(key) {
      await removeOthers(key);
    },
  };
}
