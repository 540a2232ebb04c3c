import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type PhotoType, photoKey } from '../lib/photos.ts';
import { folderPhotoStore } from './photo-store.ts';

const parent = mkdtempSync(join(tmpdir(), 'linli-photos-'));
const dir = join(parent, 'photos');
const store = folderPhotoStore(dir);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const filesUnder = (path: string) =>
  readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(path.length + 1))
    .sort();

describe('folderPhotoStore', () => {
  it.each<[PhotoType, string]>([
    ['image/jpeg', '.jpg'],
    ['image/png', '.png'],
    ['image/webp', '.webp'],
  ])('round-trips a %s photo as a plain %s file, creating folders', async (type, extension) => {
    const key = photoKey(Date.UTC(2026, 10, 3));
    const photo = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) & 255);
    await store.put(key, photo, type);
    expect(await store.get(key)).toEqual({ bytes: photo, type });
    expect(new Uint8Array(readFileSync(join(dir, key + extension)))).toEqual(photo);
  });

  it('answers null for a photo it does not have, and after delete', async () => {
    expect(await store.get('p/2026/11/missing')).toBeNull();
    await store.put('p/2026/11/gone', Uint8Array.of(1), 'image/png');
    await store.delete('p/2026/11/gone');
    expect(await store.get('p/2026/11/gone')).toBeNull();
    await store.delete('p/2026/11/gone'); // deleting twice is fine
  });

  it('replaces a photo stored under the same key as another type', async () => {
    await store.put('p/replaced', Uint8Array.of(1), 'image/png');
    await store.put('p/replaced', Uint8Array.of(2), 'image/webp');
    expect(await store.get('p/replaced')).toEqual({ bytes: Uint8Array.of(2), type: 'image/webp' });
    expect(filesUnder(join(dir, 'p')).filter((f) => f.startsWith('replaced'))).toEqual(['replaced.webp']);
  });

  it('leaves one whole photo and no temporary files when writes race', async () => {
    const a = new Uint8Array(200_000).fill(0xaa);
    const b = new Uint8Array(200_000).fill(0xbb);
    await Promise.all([
      store.put('p/race', a, 'image/jpeg'),
      store.put('p/race', b, 'image/jpeg'),
      store.put('p/race', a, 'image/jpeg'),
    ]);
    const got = (await store.get('p/race'))!.bytes;
    expect([a, b].some((photo) => Buffer.from(photo).equals(got))).toBe(true);
    expect(filesUnder(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    '../escape',
    'p/../../escape',
    '/tmp/escape',
    'p/./x',
    'p//x',
    'p\\..\\x',
    'p/x.jpg',
    '',
    'p/%2e%2e',
    'p/x\0',
  ])('refuses the key %j before touching the disk', async (key) => {
    const before = filesUnder(parent);
    await expect(store.put(key, Uint8Array.of(1), 'image/jpeg')).rejects.toThrow(TypeError);
    await expect(store.get(key)).rejects.toThrow(TypeError);
    await expect(store.delete(key)).rejects.toThrow(TypeError);
    expect(filesUnder(parent)).toEqual(before);
  });
});
