/**
 * Password hashing with WebCrypto, the same code on Workers and Node: PBKDF2-SHA-256 over
 * HMAC-SHA-256(pepper, password), with a per-user random salt.
 */
import { constantTimeEqual } from '../lib/crypto.ts';

/** The most PBKDF2 iterations Workers allows; more fails in production (not in `wrangler dev`). */
export const PBKDF2_ITERATIONS = 100_000;
export const MIN_PASSWORD_LENGTH = 10;

const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, pepper: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(pepper),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const peppered = await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(password));
  const baseKey = await crypto.subtle.importKey('raw', peppered, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    baseKey,
    256,
  );
  return new Uint8Array(bits);
}

/**
 * Hashes a password for storage.
 * @example const stored = await hashPassword('correct horse battery', env.AUTH_PEPPER)
 */
export async function hashPassword(password: string, pepper: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, pepper, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`;
}

/** Checks a password against a stored hash; malformed hashes never match. */
export async function verifyPassword(password: string, stored: string, pepper: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return false;
  const actual = await derive(password, pepper, fromBase64(salt), Number(iterations));
  return constantTimeEqual(actual, fromBase64(hash));
}

/**
 * Checks a password under the pepper and, while one is being retired, the previous one too, and
 * says which matched. With a previous pepper both are always tried, so a wrong password, a right
 * one and an unknown login (the decoy) cost the same two hashes.
 * @example if ((await matchingPepper(password, stored, pepper, previous)) === 'previous') await rehash()
 */
export async function matchingPepper(
  password: string,
  stored: string,
  pepper: string,
  previous?: string,
): Promise<'current' | 'previous' | null> {
  const current = await verifyPassword(password, stored, pepper);
  const old = previous && previous !== pepper ? await verifyPassword(password, stored, previous) : false;
  return current ? 'current' : old ? 'previous' : null;
}

/**
 * A stored hash of no real password: checked when the login is unknown, so an unknown login
 * costs the same time as a wrong password.
 */
export const decoyHash = `pbkdf2-sha256$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
