/**
 * The part of `js-base64` the libSQL client uses (blobs in Hrana's JSON), in the runtime's own
 * atob/btoa. The Worker build puts it in the package's place (wrangler.toml [alias]); Node keeps
 * the package.
 */
export const Base64 = {
  fromUint8Array(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  },
  /** Takes padded or unpadded, standard or URL-safe base64, as the package does. */
  toUint8Array(text: string): Uint8Array {
    const plain = text.replace(/[-_]/g, (ch) => (ch === '-' ? '+' : '/')).replace(/[^A-Za-z0-9+/]/g, '');
    const binary = atob(plain.padEnd(Math.ceil(plain.length / 4) * 4, '='));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  },
};
