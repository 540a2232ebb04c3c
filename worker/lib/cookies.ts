import type { Context } from 'hono';

/**
 * The two cookies the staff side keeps (the session and the known device), read and written in
 * a few lines: the general-purpose helper weighs 2 KiB of the Worker's budget.
 */

type Prefix = 'host' | undefined;
const fullName = (name: string, prefix: Prefix) => (prefix === 'host' ? `__Host-${name}` : name);

/**
 * A request cookie's value, or undefined (also when it is not validly encoded).
 * @example readCookie(c, 'linli_session', 'host') // reads __Host-linli_session
 */
export function readCookie(c: Context, name: string, prefix: Prefix): string | undefined {
  const wanted = fullName(name, prefix);
  for (const pair of (c.req.header('cookie') ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== wanted) continue;
    try {
      return decodeURIComponent(
        pair
          .slice(at + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export type CookieOptions = { prefix: Prefix; sameSite: 'Lax' | 'Strict'; maxAge: number };

/**
 * Sets an HttpOnly cookie for the whole site, Secure whenever it carries the `__Host-` prefix
 * (which browsers accept only so). A max age of 0 removes it.
 */
export function writeCookie(c: Context, name: string, value: string, o: CookieOptions): void {
  const secure = o.prefix === 'host' ? '; Secure' : '';
  const expires = o.maxAge === 0 ? '; Expires=Thu, 01 Jan 1970 00:00:00 GMT' : '';
  c.header(
    'Set-Cookie',
    `${fullName(name, o.prefix)}=${encodeURIComponent(value)}; Max-Age=${Math.floor(o.maxAge)}; Path=/${expires}${secure}; HttpOnly; SameSite=${o.sameSite}`,
    { append: true },
  );
}
