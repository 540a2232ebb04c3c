import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photos } from '../../schema/index.ts';
import { type DeskApp, deskApp, plainJpeg, upload } from '../desk/test-helpers.ts';
import { PHOTO_MAX_BYTES } from './photos.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

const comment = Buffer.from('GPS 34.7466N 113.6253E, Xiaomi Redmi');
const withComment = Buffer.concat([
  plainJpeg.subarray(0, 20),
  Buffer.from([0xff, 0xfe, 0, comment.length + 2]),
  comment,
  plainJpeg.subarray(20),
]);

async function uploaded() {
  const res = await upload(d.t.api, withComment);
  expect(res.status).toBe(201);
  return res.json();
}

const photo = (number: string, query = '', headers: Record<string, string> = {}, position = 0) =>
  d.t.app.request(`/api/tickets/${number}/photos/${position}${query}`, { headers });

describe('uploading a photo', () => {
  it('keeps a real JPEG, without its metadata, under a fresh key', async () => {
    const body = await uploaded();
    expect(body).toMatchObject({ type: 'image/jpeg', size: plainJpeg.length });
    expect(body.key).toMatch(/^p\/2026\/11\/[A-Za-z0-9_-]{22}$/);
    const stored = await d.t.platform.photos.get(body.key);
    expect(Buffer.from(stored!.bytes).equals(plainJpeg)).toBe(true);
    expect((await uploaded()).key).not.toBe(body.key);
  });

  it('refuses text (415), a damaged JPEG (422), nothing (400) and more than 5 MiB (413)', async () => {
    const cases: [Uint8Array | string, string, number, string][] = [
      ['这不是照片', 'text/plain', 415, 'unsupported_type'],
      ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml', 415, 'unsupported_type'],
      [plainJpeg.subarray(0, 100), 'image/jpeg', 422, 'malformed'],
      [new Uint8Array(0), 'image/jpeg', 400, 'invalid_input'],
      [Buffer.concat([plainJpeg, Buffer.alloc(PHOTO_MAX_BYTES)]), 'image/jpeg', 413, 'payload_too_large'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await upload(d.t.api, body, type);
      expect([type, res.status]).toEqual([type, status]);
      expect(await res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    }
  });

  it('refuses a JPEG that claims 65535×65535 pixels (422 too_many_pixels), naming the body', async () => {
    const huge = Buffer.from(plainJpeg);
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(65_535, sof + 5);
    huge.writeUInt16BE(65_535, sof + 7);
    const res = await upload(d.t.api, huge);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: 'too_many_pixels', fields: { body: expect.stringContaining('65535×65535') } },
    });
  });
});

describe("a ticket's photos", () => {
  it('are served to the resident with the link and to staff who may read the ticket, to nobody else', async () => {
    const { key } = await uploaded();
    const { number, token } = await d.fileOk({ photos: [key] });
    const tracked = await (await d.track(number, token)).json();
    expect(tracked.photoCount).toBe(1);

    const mine = await photo(number, `?token=${token}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect(mine.headers.get('cache-control')).toBe('private, max-age=3600');
    const bytes = Buffer.from(await mine.arrayBuffer());
    expect(bytes.equals(plainJpeg)).toBe(true);
    expect(bytes.includes(comment)).toBe(false);

    for (const login of ['yongan-wuye', 'yongan', 'jianzhongjie', 'erqi-admin'])
      expect([login, (await photo(number, '', await d.headers(login))).status]).toEqual([login, 200]);
    const refused = [
      await photo(number),
      await photo(number, '', await d.headers('weihongmin')),
      await photo(number, `?token=${'x'.repeat(43)}`),
    ];
    expect(refused.map((r) => r.status)).toEqual([404, 404, 404]);
    expect((await photo(number, `?token=${token}`, {}, 1)).status).toBe(404);
    expect((await photo(number, `?token=${token}`, {}, 7)).status).toBe(400);
  });

  it('are never served by key at /photos/KEY, to staff or anyone: only through the ticket and its policy', async () => {
    const { key } = await uploaded();
    await d.fileOk({ photos: [key] });
    for (const login of ['erqi-admin', 'yongan', 'weihongmin', 'jieyunlu', 'yongan-wuye']) {
      expect([login, (await d.t.app.request(`/photos/${key}`, { headers: await d.headers(login) })).status]).toEqual([
        login,
        404,
      ]);
    }
    expect((await d.t.app.request(`/photos/${key}`)).status).toBe(404);
  });

  it('are public while the ticket is on the board, if the resident agreed', async () => {
    const { key } = await uploaded();
    const { number, token } = await d.fileOk({ photos: [key], photosPublic: true });
    const open = await photo(number);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=300');
    expect(open.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const mine = await photo(number, `?token=${token}`);
    expect(mine.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    await d.actOk('yongan-wuye', number, { action: 'accept' });
    await d.actOk('yongan-wuye', number, { action: 'resolve', note: '已修复' });
    expect((await photo(number)).status).toBe(404);
    expect((await photo(number, `?token=${token}`)).status).toBe(200);
  });

  it('keep their order', async () => {
    const keys = [(await uploaded()).key, (await uploaded()).key];
    const { number, token } = await d.fileOk({ photos: keys });
    const rows = await d.t.db.select().from(photos).where(eq(photos.key, keys[1]!));
    expect(rows[0]).toMatchObject({ position: 1 });
    expect((await photo(number, `?token=${token}`, {}, 1)).status).toBe(200);
  });

  it('refuse a key already used by another ticket, or never uploaded', async () => {
    const { key } = await uploaded();
    expect((await d.file({ photos: [key] })).status).toBe(201);
    for (const keys of [[key], ['p/2026/11/neverUploadedAtAll000']]) {
      const res = await d.file({ photos: keys });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'invalid_input', fields: { photos: expect.any(String) } },
      });
    }
  });
});
