import { Hono } from '#hono';
import { ApiError } from './errors.ts';
import { checkPhoto, PHOTO_MAX_BYTES, PhotoError } from './photos.ts';
import type { AppEnv } from './platform.ts';
import { countPublicWrite } from './public-writes.ts';
import { limitBody } from './security.ts';
import { storeUpload } from './uploads.ts';

const statusFor = { too_large: 413, unsupported_type: 415, too_many_pixels: 422, malformed: 422 } as const;

/**
 * Photo upload: the raw image as the request body (Content-Type image/*). The type is read
 * from the bytes, metadata (GPS and the like) is stripped, and the answer is the key a ticket
 * names. Unclaimed uploads are removed after a day.
 */
export const photoRoutes = new Hono<AppEnv>().post('/', limitBody(PHOTO_MAX_BYTES), async (c) => {
  await countPublicWrite(c, 'photo');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0)
    throw new ApiError(400, 'invalid_input', 'Send the photo as the request body.', { body: 'Empty.' });
  let photo: ReturnType<typeof checkPhoto>;
  try {
    photo = checkPhoto(bytes);
  } catch (err) {
    if (!(err instanceof PhotoError)) throw err;
    throw new ApiError(statusFor[err.reason], err.reason, err.message, { body: err.message });
  }
  const key = await storeUpload(c.var.platform, photo);
  return c.json({ key, type: photo.type, size: photo.bytes.length }, 201);
});
