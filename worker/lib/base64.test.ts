import { Base64 as Package } from 'js-base64';
import { describe, expect, it } from 'vitest';
import { Base64 } from './base64.ts';

describe('the base64 the Worker gives the libSQL client', () => {
  it('encodes and decodes as js-base64 does, padded or not, standard or URL-safe', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 70_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) % 256);
      const encoded = Package.fromUint8Array(bytes);
      expect(Base64.fromUint8Array(bytes)).toBe(encoded);
      expect(Base64.toUint8Array(encoded)).toEqual(bytes);
      expect(Base64.toUint8Array(encoded.replace(/=+$/, ''))).toEqual(bytes);
      expect(Base64.toUint8Array(Package.fromUint8Array(bytes, true))).toEqual(bytes);
    }
  });
});
