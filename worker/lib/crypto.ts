/**
 * The secrets the server hands out and checks: random tokens, their stored hashes, and comparing
 * them without leaking through timing. WebCrypto only, the same code on Workers and Node.
 */

const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * SHA-256 of a token, hex: what the database keeps instead of the token.
 * @example const tokenHash = await hashToken(randomToken())
 */
export async function hashToken(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
  let hex = '';
  for (const byte of digest) hex += hexByte[byte];
  return hex;
}

/** A random 256-bit token, URL-safe (43 characters): for sessions and residents' private links. */
export const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/**
 * A random string of decimal digits, uniformly drawn: for short codes people read aloud (a home
 * visit's door code), never for secrets that guard data.
 * @example const visitCode = randomDigits(4) // '0427'
 */
export function randomDigits(length: number): string {
  let digits = '';
  while (digits.length < length) {
    // 250 is the largest multiple of 10 under 256: bytes above it would favour low digits.
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) if (byte < 250) digits += byte % 10;
  }
  return digits.slice(0, length);
}

/** Compares two byte strings in time that depends only on their length. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Whether a resident's token matches the stored hash. Without a stored hash (no such ticket or
 * sign-up) it still hashes and compares, so a missing record costs the same time as a wrong token.
 * @example if (!row || !(await tokenMatches(token, row?.tokenHash))) throw notFound()
 */
export async function tokenMatches(token: string, storedHash: string | undefined): Promise<boolean> {
  const encoder = new TextEncoder();
  const matches = constantTimeEqual(
    encoder.encode(await hashToken(token)),
    encoder.encode(storedHash ?? '0'.repeat(64)),
  );
  return matches && storedHash !== undefined;
}

/**
 * HMAC-SHA-256 of a message under a secret, URL-safe: for values the server hands out and must
 * recognise later without storing them (a device cookie).
 * @example const sig = await hmac(pepper, `device|${login}|${nonce}`)
 */
export async function hmac(secret: string, message: string): Promise<string> {
  return base64url(await hmacBytes(secret, message));
}

/**
 * The raw HMAC of a message under a secret (SHA-256 unless a provider asks for SHA-1), with the
 * runtime's crypto.subtle: for the signatures other systems check (SMS providers, group robots).
 * @example const mac = await hmacBytes(secret, `${timestamp}.${body}`)
 */
export async function hmacBytes(secret: string, message: string, hash: 'SHA-256' | 'SHA-1' = 'SHA-256') {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}
