/**
 * Photos that residents attach to tickets and staff attach to news. A photo is judged by its
 * bytes, stripped of everything that can tell where or by whom it was taken (phones write GPS
 * into every picture), and kept in a store the entry chooses: R2 on Workers, a folder on Node,
 * memory in tests. Runtime-neutral: no `node:` imports.
 */

/** Largest photo accepted, before stripping. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/**
 * The largest picture accepted: a side of 16,384 px (WebP's own limit, and what phone browsers
 * can still draw) and 120 megapixels (a 108 MP phone camera's photo passes). A file can claim any
 * size in a few bytes, and a phone that opens a 100000×100000 picture runs out of memory.
 */
export const PHOTO_MAX_SIDE = 16_384;
export const PHOTO_MAX_PIXELS = 120_000_000;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** Why a photo was refused; a route answers 415, 413 or 422 for the three reasons. */
export class PhotoError extends Error {
  readonly reason: 'unsupported_type' | 'too_large' | 'too_many_pixels' | 'malformed';
  constructor(reason: PhotoError['reason'], message: string) {
    super(message);
    this.name = 'PhotoError';
    this.reason = reason;
  }
}

const malformed = (format: string): never => {
  throw new PhotoError('malformed', `The ${format} file is damaged or incomplete.`);
};
const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));
const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((v, i) => bytes[at + i] === v);
const fourcc = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * The photo's real type from its first bytes; the client's claimed type and file name are
 * never trusted, since a browser derives them from whatever the file happens to be called.
 * @example sniffPhotoType(await file.bytes()) // 'image/jpeg' | 'image/png' | 'image/webp' | null
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n\x1a\n')])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Orientation (1–8) from EXIF's TIFF structure, or 1 when absent or unreadable. */
function readOrientation(tiff: Uint8Array): number {
  const little = startsWith(tiff, ascii('II'));
  if (tiff.length < 8 || (!little && !startsWith(tiff, ascii('MM')))) return 1;
  const data = view(tiff);
  const ifd = data.getUint32(4, little);
  if (ifd + 2 > tiff.length) return 1;
  const count = data.getUint16(ifd, little);
  for (let entry = ifd + 2; entry < ifd + 2 + count * 12 && entry + 12 <= tiff.length; entry += 12) {
    if (data.getUint16(entry, little) !== 0x0112 || data.getUint16(entry + 2, little) !== 3) continue;
    const value = data.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/** An APP1 segment whose EXIF holds nothing but the Orientation tag (big-endian TIFF). */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [...ascii('Exif\0\0'), ...tiff];
  return Uint8Array.from([0xff, 0xe1, 0, payload.length + 2, ...payload]);
}

/** JFIF APP0 and ICC profiles change how the picture looks; other APPn and COM only describe it. */
function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === 0xe0) return startsWith(payload, ascii('JFIF\0'));
  if (marker === 0xe2) return startsWith(payload, ascii('ICC_PROFILE\0'));
  return marker < 0xe0 || (marker > 0xef && marker !== 0xfe);
}

/** Index of the marker that ends the entropy-coded data starting at `from`. */
function endOfScan(bytes: Uint8Array, from: number): number {
  for (let i = bytes.indexOf(0xff, from); i >= 0 && i + 1 < bytes.length; i = bytes.indexOf(0xff, i + 1)) {
    const next = bytes[i + 1]!;
    // FF00 is an escaped data byte, FFD0–D7 are restart markers, FFFF is fill before a marker.
    if (next !== 0x00 && next !== 0xff && (next < 0xd0 || next > 0xd7)) return i;
  }
  return malformed('JPEG');
}

function stripJpeg(bytes: Uint8Array): Uint8Array {
  const data = view(bytes);
  const parts = [bytes.subarray(0, 2)];
  let exifAt = 1; // after SOI, or after a leading JFIF APP0 as JFIF requires
  let orientation = 1;
  let pos = 2;
  for (;;) {
    if (bytes[pos] !== 0xff) malformed('JPEG');
    let at = pos + 1;
    while (bytes[at] === 0xff) at++;
    if (at >= bytes.length) malformed('JPEG');
    const marker = bytes[at]!;
    // Whatever follows EOI (Samsung trailers, motion-photo videos) is not part of the picture.
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(at - 1, at + 1));
      pos = at + 1;
      continue;
    }
    if (at + 3 > bytes.length || data.getUint16(at + 1) < 2) malformed('JPEG');
    const end = at + 1 + data.getUint16(at + 1);
    if (end > bytes.length) malformed('JPEG');
    const payload = bytes.subarray(at + 3, end);
    if (keepJpegSegment(marker, payload)) {
      parts.push(bytes.subarray(at - 1, end));
      if (marker === 0xe0 && parts.length === 2) exifAt = 2;
    } else if (marker === 0xe1 && orientation === 1 && startsWith(payload, ascii('Exif\0\0'))) {
      orientation = readOrientation(payload.subarray(6));
    }
    pos = end;
    if (marker === 0xda) {
      const scanEnd = endOfScan(bytes, pos);
      parts.push(bytes.subarray(pos, scanEnd));
      pos = scanEnd;
    }
  }
  parts.push(Uint8Array.of(0xff, 0xd9));
  // Phones store rotation only in EXIF; without it portrait photos show sideways.
  if (orientation !== 1) parts.splice(exifAt, 0, orientationSegment(orientation));
  return concat(parts);
}

/** Ancillary PNG chunks that change how the picture looks; text, time and EXIF chunks go. */
const PNG_KEEP = new Set(['tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP', 'mDCV', 'cLLI', 'bKGD', 'pHYs']);

function stripPng(bytes: Uint8Array): Uint8Array {
  const data = view(bytes);
  const parts = [bytes.subarray(0, 8)];
  for (let pos = 8; ; ) {
    if (pos + 12 > bytes.length) malformed('PNG');
    const end = pos + 12 + data.getUint32(pos);
    const type = fourcc(bytes, pos + 4);
    if (end > bytes.length || (pos === 8 && type !== 'IHDR')) malformed('PNG');
    // Critical chunks (upper-case first letter) are the image itself and are copied untouched.
    if ((bytes[pos + 4]! & 0x20) === 0 || PNG_KEEP.has(type)) parts.push(bytes.subarray(pos, end));
    if (type === 'IEND') return concat(parts);
    pos = end;
  }
}

/** WebP chunks that make up the picture; EXIF, XMP and unknown chunks go. */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ICCP', 'ANIM', 'ANMF']);

function stripWebp(bytes: Uint8Array): Uint8Array {
  const end = 8 + view(bytes).getUint32(4, true);
  if (end > bytes.length) malformed('WebP');
  const parts: Uint8Array[] = [bytes.slice(0, 12)];
  for (let pos = 12; pos < end; ) {
    if (pos + 8 > end) malformed('WebP');
    const size = view(bytes).getUint32(pos + 4, true);
    const next = pos + 8 + size + (size & 1);
    const type = fourcc(bytes, pos);
    if (next > end || (pos === 12 && !type.startsWith('VP8')) || (type === 'VP8X' && size < 10)) malformed('WebP');
    if (type === 'VP8X') {
      const chunk = bytes.slice(pos, next);
      chunk[8] = chunk[8]! & ~0x0c; // the EXIF and XMP flags must not promise chunks that are gone
      parts.push(chunk);
    } else if (WEBP_KEEP.has(type)) {
      parts.push(bytes.subarray(pos, next));
    }
    pos = next;
  }
  if (parts.length === 1) malformed('WebP');
  const out = concat(parts);
  view(out).setUint32(4, out.length - 8, true);
  return out;
}

/**
 * A copy of the photo without location or personal data (EXIF, XMP, IPTC, comments, text
 * chunks), keeping what changes how it looks (JPEG orientation, ICC profiles, transparency).
 * Image data is copied byte for byte: nothing is re-encoded.
 * @example stripMetadata(bytes, 'image/jpeg') // throws PhotoError('malformed') for a broken file
 */
export function stripMetadata(bytes: Uint8Array, type: PhotoType): Uint8Array {
  if (sniffPhotoType(bytes) !== type) throw new PhotoError('malformed', `The file is not ${type}.`);
  if (type === 'image/jpeg') return stripJpeg(bytes);
  return type === 'image/png' ? stripPng(bytes) : stripWebp(bytes);
}

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (reserved) and CC (DAC) share the range. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Width and height a well-formed photo declares (read after stripMetadata has checked its structure). */
function declaredSize(bytes: Uint8Array, type: PhotoType): { width: number; height: number } {
  const data = view(bytes);
  if (type === 'image/png') return { width: data.getUint32(16), height: data.getUint32(20) };
  if (type === 'image/jpeg') {
    for (let pos = 2; pos + 9 <= bytes.length && bytes[pos + 1] !== 0xda; pos += 2 + data.getUint16(pos + 2)) {
      if (isStartOfFrame(bytes[pos + 1]!)) return { width: data.getUint16(pos + 7), height: data.getUint16(pos + 5) };
    }
    return malformed('JPEG');
  }
  const chunk = fourcc(bytes, 12);
  if (chunk === 'VP8X' && bytes.length >= 31) {
    return { width: 1 + (data.getUint32(24, true) & 0xffffff), height: 1 + (data.getUint32(27, true) & 0xffffff) };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = data.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30)
    return { width: data.getUint16(26, true) & 0x3fff, height: data.getUint16(28, true) & 0x3fff };
  return malformed('WebP');
}

/**
 * Everything an upload goes through: size limit, real type, metadata stripped.
 * @example const { type, bytes } = checkPhoto(new Uint8Array(await c.req.arrayBuffer()))
 */
export function checkPhoto(bytes: Uint8Array): { type: PhotoType; bytes: Uint8Array } {
  if (bytes.length > PHOTO_MAX_BYTES) {
    throw new PhotoError('too_large', `A photo may be at most ${PHOTO_MAX_BYTES / 1024 / 1024} MiB.`);
  }
  const type = sniffPhotoType(bytes);
  if (!type) throw new PhotoError('unsupported_type', 'Only JPEG, PNG and WebP photos are accepted.');
  const stripped = stripMetadata(bytes, type);
  const { width, height } = declaredSize(stripped, type);
  if (width > PHOTO_MAX_SIDE || height > PHOTO_MAX_SIDE || width * height > PHOTO_MAX_PIXELS) {
    throw new PhotoError(
      'too_many_pixels',
      `At most ${PHOTO_MAX_SIDE} px a side and ${PHOTO_MAX_PIXELS / 1e6} megapixels; this one claims ${width}×${height}.`,
    );
  }
  return { type, bytes: stripped };
}

/** Where photos live; the entry picks one (R2, a folder, memory) and hands it to the app. */
export type PhotoStore = {
  put(key: string, bytes: Uint8Array, type: PhotoType): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; type: string } | null>;
  delete(key: string): Promise<void>;
};

const KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

/**
 * Whether a key is one a store accepts: safe as URL path segments and as file names.
 * @example if (!isPhotoKey(c.req.param('key'))) throw new ApiError(404, 'photo_not_found', '…')
 */
export function isPhotoKey(key: string): boolean {
  return key.length <= 200 && KEY.test(key);
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A new unguessable key (132 random bits), grouped by UTC month.
 * @example photoKey() // 'p/2026/11/Vq3xK0b_rT9mWc2LpZ8sHa'
 */
export function photoKey(now: number = Date.now()): string {
  const date = new Date(now);
  const id = Array.from(crypto.getRandomValues(new Uint8Array(22)), (n) => BASE64URL[n & 63]).join('');
  return `p/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
}

/** Refuses keys a folder could not hold, so every store behaves as the Node one does. */
function withKeyCheck(store: PhotoStore): PhotoStore {
  const check = (key: string) => {
    if (!isPhotoKey(key)) throw new TypeError(`Not a photo key: ${JSON.stringify(key.slice(0, 80))}`);
  };
  return {
    put: async (key, bytes, type) => {
      check(key);
      return store.put(key, bytes, type);
    },
    get: async (key) => {
      check(key);
      return store.get(key);
    },
    delete: async (key) => {
      check(key);
      return store.delete(key);
    },
  };
}

/** The part of a Workers R2 binding the photo store uses, so no Workers types are needed. */
export type R2BucketLike = {
  put(key: string, value: Uint8Array, options: { httpMetadata: { contentType: string } }): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; httpMetadata?: { contentType?: string } } | null>;
  delete(key: string): Promise<unknown>;
};

/**
 * Photos in an R2 bucket, with the content type as R2 HTTP metadata.
 * @example r2PhotoStore(env.PHOTOS)
 */
export function r2PhotoStore(bucket: R2BucketLike): PhotoStore {
  return withKeyCheck({
    async put(key, bytes, type) {
      await bucket.put(key, bytes, { httpMetadata: { contentType: type } });
    },
    async get(key) {
      const object = await bucket.get(key);
      const type = object?.httpMetadata?.contentType ?? 'application/octet-stream';
      return object && { bytes: new Uint8Array(await object.arrayBuffer()), type };
    },
    async delete(key) {
      await bucket.delete(key);
    },
  });
}

/**
 * Photos in a Map, for tests; bytes are copied in and out as a real store would.
 * @example const platform = { ...testPlatform, photos: memoryPhotoStore() }
 */
export function memoryPhotoStore(): PhotoStore {
  const photos = new Map<string, { bytes: Uint8Array; type: PhotoType }>();
  return withKeyCheck({
    async put(key, bytes, type) {
      photos.set(key, { bytes: bytes.slice(), type });
    },
    async get(key) {
      const photo = photos.get(key);
      return photo ? { bytes: photo.bytes.slice(), type: photo.type } : null;
    },
    async delete(key) {
      photos.delete(key);
    },
  });
}
