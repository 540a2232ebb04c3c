import type { Context } from 'hono';
import { readCookie, writeCookie } from '../lib/cookies.ts';
import { constantTimeEqual, hmac, randomToken } from '../lib/crypto.ts';
import { cookiePrefix } from './session.ts';

const COOKIE = 'linli_device';
const KEEP_DAYS = 180;
const encoder = new TextEncoder();

const signature = (pepper: string, login: string, nonce: string) => hmac(pepper, `device|${login}|${nonce}`);

/**
 * The device this browser proved for `login` by signing in on it before (a signed cookie, so
 * nothing is stored), or null. Its failures are counted on their own (see throttle.ts).
 * @example const device = await knownDevice(c, login, pepper)
 */
export async function knownDevice(c: Context, login: string, pepper: string): Promise<string | null> {
  const [nonce, sig] = (readCookie(c, COOKIE, cookiePrefix(c)) ?? '').split('.');
  if (!nonce || !sig || !/^[A-Za-z0-9_-]{43}$/.test(nonce)) return null;
  const expected = await signature(pepper, login, nonce);
  return constantTimeEqual(encoder.encode(sig), encoder.encode(expected)) ? nonce : null;
}

/** After a successful sign-in: this browser is now a known device of `login`. */
export async function rememberDevice(c: Context, login: string, pepper: string): Promise<void> {
  const nonce = randomToken();
  const prefix = cookiePrefix(c);
  writeCookie(c, COOKIE, `${nonce}.${await signature(pepper, login, nonce)}`, {
    sameSite: 'Strict',
    prefix,
    maxAge: KEEP_DAYS * 24 * 60 * 60,
  });
}
