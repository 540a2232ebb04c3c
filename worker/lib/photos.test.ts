import { Worker } from 'node:worker_threads';
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPhoto,
  isPhotoKey,
  memoryPhotoStore,
  PHOTO_MAX_BYTES,
  PHOTO_MAX_PIXELS,
  PHOTO_MAX_SIDE,
  PhotoError,
  photoKey,
  type R2BucketLike,
  r2PhotoStore,
  sniffPhotoType,
  stripMetadata,
} from './photos.ts';

// Test photos are built byte by byte here, so every field under test is visible.
type Part = number[] | Uint8Array | string;
const bytes = (...parts: Part[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : [...p])));
const u16 = (n: number) => [n >> 8, n & 255];
const u32 = (n: number) => [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
const u32le = (n: number) => u32(n).reverse();
const find = (hay: Uint8Array, needle: Uint8Array | string) =>
  Buffer.from(hay).indexOf(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : needle);

/** EXIF (TIFF) with Orientation, Artist and a GPS IFD holding 34° 45' 30.30" N. */
function exifTiff(orientation: number, little: boolean): Uint8Array {
  const d = new DataView(new ArrayBuffer(118));
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    d.setUint16(at, tag, little);
    d.setUint16(at + 2, type, little);
    d.setUint32(at + 4, count, little);
    if (type === 3) d.setUint16(at + 8, value, little);
    else d.setUint32(at + 8, value, little);
  };
  d.setUint16(0, little ? 0x4949 : 0x4d4d);
  d.setUint16(2, 42, little);
  d.setUint32(4, 8, little);
  d.setUint16(8, 3, little);
  entry(10, 0x0112, 3, 1, orientation);
  entry(22, 0x013b, 2, 14, 50); // Artist, at 50
  entry(34, 0x8825, 4, 1, 64); // GPS IFD, at 64
  new Uint8Array(d.buffer).set(bytes('Resident Wang\0'), 50);
  d.setUint16(64, 2, little);
  entry(66, 0x0001, 2, 2, 0); // GPSLatitudeRef
  new Uint8Array(d.buffer).set(bytes('N\0'), 74);
  entry(78, 0x0002, 5, 3, 94); // GPSLatitude, at 94
  for (const [i, n] of [34, 1, 45, 1, 3030, 100].entries()) d.setUint32(94 + i * 4, n, little);
  return new Uint8Array(d.buffer);
}
const gpsRationals = (little: boolean) => exifTiff(6, little).subarray(94);

const segment = (marker: number, ...payload: Part[]) => {
  const body = bytes(...payload);
  return bytes([0xff, marker, ...u16(body.length + 2)], body);
};
const scan = bytes(segment(0xda, [1, 1, 0x00, 0, 63, 0]), [0x0f]); // two blocks: DC diff 0, EOB
const eoi = [0xff, 0xd9];
/** A 16×8 grey baseline JPEG carrying everything a phone and an editor would add. */
function jpeg(orientation = 6, little = false): Uint8Array {
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xe1, 'Exif\0\0', exifTiff(orientation, little)),
    segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>34,45.5N</exif:GPSLatitude></x:xmpmeta>'),
    segment(0xed, 'Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x5a\0\x0bZhengzhou__'),
    segment(0xe2, 'ICC_PROFILE\0\x01\x01', 'fake-icc-profile'),
    segment(0xfe, 'Taken at No. 8 Jianshe Road'),
    segment(0xdb, [0], new Array(64).fill(1)),
    segment(0xc0, [8, ...u16(8), ...u16(16), 1, 1, 0x11, 0]),
    segment(0xc4, [0x00, 1, ...new Array(15).fill(0), 0]),
    segment(0xc4, [0x10, 1, ...new Array(15).fill(0), 0]),
    scan,
    eoi,
  );
}

/** Reads IFD0 of the EXIF APP1 segments in a JPEG, independently of the code under test. */
function exifEntries(jpg: Uint8Array): Array<{ tag: number; value: number }>[] {
  const found = [];
  for (let pos = 2; jpg[pos + 1] !== 0xda; pos += 2 + ((jpg[pos + 2]! << 8) | jpg[pos + 3]!)) {
    const payload = jpg.subarray(pos + 4, pos + 2 + ((jpg[pos + 2]! << 8) | jpg[pos + 3]!));
    if (jpg[pos + 1] !== 0xe1 || find(payload, 'Exif\0\0') !== 0) continue;
    const d = new DataView(payload.buffer, payload.byteOffset + 6),
      le = payload[6] === 0x49,
      ifd = d.getUint32(4, le);
    found.push(
      Array.from({ length: d.getUint16(ifd, le) }, (_, i) => ({
        tag: d.getUint16(ifd + 2 + i * 12, le),
        value: d.getUint16(ifd + 10 + i * 12, le),
      })),
    );
  }
  return found;
}

const chunk = (type: string, ...data: Part[]) => {
  const body = bytes(type, ...data);
  return bytes(u32(body.length - 4), body, u32(crc32(body)));
};
const idat = chunk('IDAT', deflateSync(Uint8Array.of(0, 0x80)));
/** A 1×1 grey PNG with text, time and EXIF chunks, and junk after IEND. */
const png = bytes(
  [0x89],
  'PNG\r\n\x1a\n',
  chunk('IHDR', u32(1), u32(1), [8, 0, 0, 0, 0]),
  chunk('sRGB', [0]),
  chunk('pHYs', u32(2835), u32(2835), [1]),
  chunk('tEXt', 'Comment\0Taken at No. 8 Jianshe Road'),
  chunk('eXIf', exifTiff(6, false)),
  chunk('iTXt', 'Author\0\0\0\0\0Resident Wang'),
  chunk('zTXt', 'Raw\0\0', deflateSync('GPS 34.7N')),
  chunk('tIME', u16(2026), [11, 3, 9, 30, 0]),
  idat,
  chunk('IEND'),
  'trailing secrets',
);
function pngChunks(file: Uint8Array) {
  const chunks = [];
  for (let pos = 8; pos < file.length; ) {
    const length = Buffer.from(file).readUInt32BE(pos);
    const whole = file.subarray(pos, pos + 12 + length);
    const crcOk = crc32(whole.subarray(4, 8 + length)) === Buffer.from(whole).readUInt32BE(8 + length);
    chunks.push({ type: Buffer.from(whole.subarray(4, 8)).toString('latin1'), whole, crcOk });
    pos += 12 + length;
  }
  return chunks;
}

// A 1×1 lossy VP8 bitstream (libwebp's smallest), wrapped with VP8X, ICC, EXIF and odd-sized XMP.
const vp8 = bytes(
  'VP8 ',
  u32le(22),
  [0x30, 0x01, 0x00, 0x9d, 0x01, 0x2a, 1, 0, 1, 0],
  [0x0e, 0xc0, 0xfe, 0x25, 0xa4, 0, 0x03, 0x70, 0, 0, 0, 0],
);
const riff = (...chunks: Uint8Array[]) => {
  const body = bytes('WEBP', ...chunks);
  return bytes('RIFF', u32le(body.length), body);
};
const webp = riff(
  bytes('VP8X', u32le(10), [0x2c, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  bytes('ICCP', u32le(4), 'icc!'),
  vp8,
  bytes('EXIF', u32le(118), exifTiff(6, true)),
  bytes('XMP ', u32le(9), '<GPS34N/>', [0]),
);

describe('sniffPhotoType', () => {
  it('goes by the bytes, never by the claimed type or file name', async () => {
    const claimed = new File([webp], 'photo.jpg', { type: 'image/jpeg' });
    expect(sniffPhotoType(new Uint8Array(await claimed.arrayBuffer()))).toBe('image/webp');
    expect(sniffPhotoType(png)).toBe('image/png');
    expect(sniffPhotoType(jpeg())).toBe('image/jpeg');
    const text = new Uint8Array(
      await new File(['just a shopping list'], 'photo.jpg', { type: 'image/jpeg' }).arrayBuffer(),
    );
    expect(() => checkPhoto(text)).toThrow(expect.objectContaining({ reason: 'unsupported_type' }));
  });
});

describe('stripMetadata', () => {
  it.each([false, true])(
    'drops EXIF GPS, XMP, IPTC and comments from a JPEG but keeps orientation 6 (little-endian %s)',
    (little) => {
      const input = jpeg(6, little);
      const { type, bytes: out } = checkPhoto(input);
      expect(type).toBe('image/jpeg');
      for (const secret of [
        'Resident Wang',
        'GPSLatitude',
        'Zhengzhou',
        'Jianshe',
        'Photoshop',
        gpsRationals(little),
      ]) {
        expect(find(input, secret)).toBeGreaterThan(0);
        expect(find(out, secret)).toBe(-1);
      }
      expect(exifEntries(out)).toEqual([[{ tag: 0x0112, value: 6 }]]);
      expect(find(out, 'JFIF\0')).toBe(6); // JFIF still first, EXIF right after it
      expect(find(out, 'ICC_PROFILE\0\x01\x01fake-icc-profile')).toBeGreaterThan(0);
      const sos = find(input, scan);
      expect(out.subarray(find(out, scan))).toEqual(input.subarray(sos)); // SOS…EOI byte-identical
      const dqt = bytes([0xff, 0xdb, 0, 67]); // tables and frame header up to SOS are untouched too
      expect(out.subarray(find(out, dqt), find(out, scan))).toEqual(input.subarray(find(input, dqt), sos));
    },
  );

  it('writes no EXIF at all when the orientation is 1, and drops data after EOI', () => {
    const out = checkPhoto(bytes(jpeg(1), 'motion-photo video with GPS')).bytes;
    expect(exifEntries(out)).toEqual([]);
    expect(find(out, 'motion-photo')).toBe(-1);
    expect(out.subarray(-2)).toEqual(Uint8Array.of(0xff, 0xd9));
  });

  it('copies entropy data with stuffed bytes and restarts, dropping a comment between scans', () => {
    const data = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff];
    const input = bytes(jpeg(1).subarray(0, -2), data, segment(0xfe, 'between scans'), scan, eoi);
    const out = checkPhoto(input).bytes;
    expect(find(out, 'between')).toBe(-1);
    expect(find(out, bytes(scan, data))).toBeGreaterThan(0);
  });

  it('drops text, time and EXIF chunks from a PNG, keeping IDAT and valid CRCs', () => {
    const out = checkPhoto(png).bytes;
    const chunks = pngChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'sRGB', 'pHYs', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks[3]!.whole).toEqual(idat);
    expect(find(out, 'Resident')).toBe(-1);
    expect(find(out, 'trailing')).toBe(-1);
  });

  it('drops EXIF and XMP from a WebP, clears their VP8X flags and fixes the RIFF size', () => {
    const out = checkPhoto(webp).bytes;
    expect(out).toEqual(
      riff(bytes('VP8X', u32le(10), [0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0]), bytes('ICCP', u32le(4), 'icc!'), vp8),
    );
    expect(Buffer.from(out).readUInt32LE(4)).toBe(out.length - 8);
  });

  it.each([
    ['a PNG as a JPEG', () => stripMetadata(png, 'image/jpeg')],
    ['a WebP without chunks', () => checkPhoto(riff())],
    ['a WebP starting with EXIF', () => checkPhoto(riff(bytes('EXIF', u32le(2), 'MM'), vp8))],
    ['a VP8X shorter than its fields', () => checkPhoto(riff(bytes('VP8X', u32le(2), [0x08, 0]), vp8))],
    ['a PNG without IHDR first', () => checkPhoto(bytes(png.subarray(0, 8), idat, chunk('IEND')))],
    ['a JPEG segment of length 1', () => checkPhoto(bytes([0xff, 0xd8, 0xff, 0xfe, 0, 1], eoi))],
  ])('calls %s malformed', (_, strip) => {
    expect(strip).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });
});

/**
 * What checkPhoto made of each input: 'ok' (and stripping the result again changes nothing), a
 * PhotoError reason, or the unexpected error. It runs in a worker thread under a deadline, so a
 * parser stuck in a loop fails the test instead of hanging the run.
 */
async function outcomes(inputs: Uint8Array[], deadlineMs = 20_000): Promise<string[]> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.url).then(({ checkPhoto, PhotoError }) => parentPort.postMessage(workerData.inputs.map((input) => {
      try {
        const once = checkPhoto(input).bytes, twice = checkPhoto(once).bytes;
        return once.length === twice.length && once.every((b, i) => b === twice[i]) ? 'ok' : 'changed by a second strip';
      } catch (error) {
        return error instanceof PhotoError ? error.reason : 'threw ' + error;
      }
    })));`,
    { eval: true, workerData: { url: new URL('./photos.ts', import.meta.url).href, inputs } },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<string[]>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`checkPhoto did not finish within ${deadlineMs} ms`)), deadlineMs);
      worker.once('message', resolve).once('error', reject);
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
const reasonOf = (input: Uint8Array) => {
  try {
    return checkPhoto(input) && 'ok';
  } catch (error) {
    return error instanceof PhotoError ? error.reason : error;
  }
};

describe('checkPhoto on hostile input', () => {
  const photos = { jpeg: jpeg(), png, webp };

  it('refuses more than PHOTO_MAX_BYTES as too_large, and takes exactly that much', () => {
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set(jpeg());
    expect(reasonOf(big)).toBe('too_large');
    expect(reasonOf(big.subarray(0, PHOTO_MAX_BYTES))).toBe('ok');
  });

  it.each(Object.entries(photos))('calls every truncated %s malformed', async (_, photo) => {
    // A PNG is whole once IEND is; what follows it is dropped.
    const whole = photo === png ? png.length - 'trailing secrets'.length : photo.length;
    const cuts = Array.from({ length: whole - 12 }, (_, i) => photo.subarray(0, 12 + i));
    expect(await outcomes([photo, ...cuts])).toEqual(['ok', ...cuts.map(() => 'malformed')]);
  });

  it('only ever returns or throws PhotoError for random, damaged and truncated files', async () => {
    // Random bytes, with or without a real signature; real photos overwritten here and there and cut short.
    const signatures = [[], [0xff, 0xd8, 0xff], [...png.subarray(0, 8)], [...webp.subarray(0, 12)]];
    const random = fc
      .tuple(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 2048 }))
      .map(([head, tail]) => bytes(head, tail));
    const damage = fc.record({
      photo: fc.constantFrom(...Object.values(photos)),
      writes: fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 6 }),
      cut: fc.option(fc.nat()),
      resize: fc.boolean(), // a cut WebP whose RIFF size is fixed up, so chunks end at the file's end
    });
    const damaged = damage.map(({ photo, writes, cut, resize }) => {
      const copy = photo.slice(0, cut === null ? photo.length : cut % photo.length);
      if (resize && photo === webp && copy.length >= 8) copy.set(u32le(copy.length - 8), 4);
      for (const [at, value] of writes) copy[at % copy.length] = value;
      return copy;
    });
    const inputs = fc.sample(fc.oneof(random, damaged), 8000);
    const results = await outcomes(inputs);
    // A damaged size field may also claim a picture too large to draw.
    const bad = results.findIndex(
      (result) => !['ok', 'malformed', 'unsupported_type', 'too_many_pixels'].includes(result),
    );
    expect(bad < 0 ? 'none' : `${results[bad]} for ${Buffer.from(inputs[bad]!).toString('hex')}`).toBe('none');
    for (const outcome of ['ok', 'malformed', 'unsupported_type']) expect(results).toContain(outcome);
  });

  it('refuses a picture that claims more than PHOTO_MAX_SIDE a side or PHOTO_MAX_PIXELS in all', () => {
    const pngOf = (w: number, h: number) =>
      bytes([0x89], 'PNG\r\n\x1a\n', chunk('IHDR', u32(w), u32(h), [8, 0, 0, 0, 0]), idat, chunk('IEND'));
    const jpegOf = (w: number, h: number) => {
      const at = find(jpeg(1), bytes([0xff, 0xc0]));
      const copy = jpeg(1);
      copy.set([...u16(h), ...u16(w)], at + 5);
      return copy;
    };
    const webpOf = (w: number, h: number) =>
      riff(bytes('VP8X', u32le(10), [0, 0, 0, 0], u32le(w - 1).slice(0, 3), u32le(h - 1).slice(0, 3)), vp8);
    for (const make of [pngOf, jpegOf, webpOf]) {
      expect(reasonOf(make(100_000 % 65_536, 65_535))).toBe('too_many_pixels');
      expect(reasonOf(make(PHOTO_MAX_SIDE + 1, 10))).toBe('too_many_pixels');
      expect(reasonOf(make(10, PHOTO_MAX_SIDE + 1))).toBe('too_many_pixels');
      expect(reasonOf(make(10_000, 12_001))).toBe('too_many_pixels');
      expect(reasonOf(make(10_000, 12_000))).toBe('ok');
      expect(reasonOf(make(PHOTO_MAX_SIDE, 10))).toBe('ok');
    }
    expect(reasonOf(pngOf(100_000, 100_000))).toBe('too_many_pixels');
    expect(PHOTO_MAX_PIXELS).toBe(120_000_000);
  });

  it('treats any EXIF it cannot read as orientation 1, never failing the photo', () => {
    const withExif = (tiff: Uint8Array) => bytes([0xff, 0xd8], segment(0xe1, 'Exif\0\0', tiff), jpeg(1).subarray(2));
    const tiffs = fc.record({
      tiff: fc.uint8Array({ minLength: 8, maxLength: 64 }),
      little: fc.boolean(),
      ifd: fc.nat(70),
      orientation: fc.option(fc.nat(0xffff)),
      cut: fc.nat(64),
    });
    fc.assert(
      fc.property(tiffs, ({ tiff, little, ifd, orientation, cut }) => {
        const d = new DataView(tiff.buffer);
        d.setUint32(4, ifd, little); // mostly inside the data, so entries get read
        if (orientation !== null && ifd + 14 <= tiff.length) {
          for (const [at, v] of [
            [ifd, 1],
            [ifd + 2, 0x0112],
            [ifd + 4, 3],
            [ifd + 10, orientation],
          ]) {
            d.setUint16(at!, v!, little);
          }
        }
        tiff.set(bytes(little ? 'II' : 'MM'));
        const entries = exifEntries(checkPhoto(withExif(tiff.subarray(0, cut))).bytes);
        expect(entries.length).toBeLessThanOrEqual(1);
        for (const [entry] of entries) {
          expect(entry!.value).toBeGreaterThan(1);
          expect(entry!.value).toBeLessThanOrEqual(8);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('photo keys and stores', () => {
  it('makes unguessable keys that are safe in URLs and file names', () => {
    const keys = Array.from({ length: 500 }, () => photoKey(Date.UTC(2026, 10, 3)));
    for (const key of keys) expect(key).toMatch(/^p\/2026\/11\/[A-Za-z0-9_-]{22}$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys.flatMap((key) => [...key.slice(10)])).size).toBe(64); // every base64url digit is used
    expect(keys.every(isPhotoKey)).toBe(true);
    for (const bad of ['', '../x', 'p/../x', '/p/x', 'p//x', 'p/x/', 'p\\x', 'p/x.jpg', 'p/%2e%2e'])
      expect(isPhotoKey(bad)).toBe(false);
  });

  it('memory store round-trips copies and refuses unsafe keys', async () => {
    const store = memoryPhotoStore();
    const photo = Uint8Array.of(1, 2, 3);
    await store.put('p/a', photo, 'image/png');
    photo[0] = 9;
    expect(await store.get('p/a')).toEqual({ bytes: Uint8Array.of(1, 2, 3), type: 'image/png' });
    await store.delete('p/a');
    expect(await store.get('p/a')).toBeNull();
    await expect(store.put('../a', photo, 'image/png')).rejects.toThrow(TypeError);
  });

  it('R2 store keeps the content type as HTTP metadata', async () => {
    const objects = new Map<string, { value: Uint8Array; contentType: string }>();
    const bucket: R2BucketLike = {
      put: async (key, value, options) =>
        objects.set(key, { value: value.slice(), contentType: options.httpMetadata.contentType }),
      get: async (key) => {
        const o = objects.get(key);
        return o
          ? { arrayBuffer: async () => o.value.slice().buffer, httpMetadata: { contentType: o.contentType } }
          : null;
      },
      delete: async (key) => objects.delete(key),
    };
    const store = r2PhotoStore(bucket);
    await store.put('p/2026/11/abc', Uint8Array.of(7), 'image/webp');
    expect(objects.get('p/2026/11/abc')?.contentType).toBe('image/webp');
    expect(await store.get('p/2026/11/abc')).toEqual({ bytes: Uint8Array.of(7), type: 'image/webp' });
    await store.delete('p/2026/11/abc');
    expect(await store.get('p/2026/11/abc')).toBeNull();
  });
});
