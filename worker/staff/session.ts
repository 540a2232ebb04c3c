import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { communities, compounds, propertyCompanyCompounds, sessions, staff } from '../../schema/index.ts';
import { readCookie, writeCookie } from '../lib/cookies.ts';
import { hashToken, randomToken } from '../lib/crypto.ts';
import type { Db } from '../lib/platform.ts';
import type { StaffMember } from './policy.ts';

export const IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Starts a session with a new random token and returns the token. */
export async function createSession(db: Db, staffId: number, now: number): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({ tokenHash: await hashToken(token), staffId, createdAt: now, lastSeenAt: now });
  return token;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, await hashToken(token)));
}

export type SessionLookup = { staff: StaffMember; tokenHash: string } | 'expired' | 'invalid';

/** Finds the staff member behind a token, enforcing idle and absolute timeouts and disabled accounts. */
export async function findSession(db: Db, token: string, now: number): Promise<SessionLookup> {
  const tokenHash = await hashToken(token);
  const [row] = await db
    .select({ session: sessions, staff, communitySubdistrictId: communities.subdistrictId })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .leftJoin(communities, eq(communities.id, staff.communityId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row || row.staff.disabled) return 'invalid';
  const { session } = row;
  if (now - session.lastSeenAt > IDLE_TIMEOUT_MS || now - session.createdAt > ABSOLUTE_TIMEOUT_MS) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return 'expired';
  }
  if (now - session.lastSeenAt > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const s = row.staff;
  const compoundIds =
    s.role === 'volunteer' && s.compoundId !== null
      ? [s.compoundId]
      : s.role === 'property' && s.propertyCompanyId !== null
        ? (
            await db
              .select({ id: compounds.id })
              .from(propertyCompanyCompounds)
              .innerJoin(compounds, eq(compounds.id, propertyCompanyCompounds.compoundId))
              .where(and(eq(propertyCompanyCompounds.propertyCompanyId, s.propertyCompanyId)))
          ).map((r) => r.id)
        : [];
  return {
    tokenHash,
    staff: {
      id: s.id,
      login: s.login,
      displayName: s.displayName,
      role: s.role,
      subdistrictId: s.subdistrictId ?? row.communitySubdistrictId ?? null,
      communityId: s.communityId,
      propertyCompanyId: s.propertyCompanyId,
      partnerId: s.partnerId,
      compoundIds,
    },
  };
}

const COOKIE = 'linli_session';

/**
 * The session cookie is `Secure` with the `__Host-` prefix everywhere except plain http on
 * localhost, where browsers would drop a Secure cookie.
 */
export function cookiePrefix(c: Context): 'host' | undefined {
  const url = new URL(c.req.url);
  const local = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return local ? undefined : 'host';
}

export function setSessionCookie(c: Context, token: string): void {
  const prefix = cookiePrefix(c);
  writeCookie(c, COOKIE, token, { sameSite: 'Lax', prefix, maxAge: ABSOLUTE_TIMEOUT_MS / 1000 });
}

export function clearSessionCookie(c: Context): void {
  const prefix = cookiePrefix(c);
  writeCookie(c, COOKIE, '', { sameSite: 'Lax', prefix, maxAge: 0 });
}

/** The token from `Authorization: Bearer …` (scripts) or the session cookie (the web app). */
export function readToken(c: Context): { token: string; via: 'bearer' | 'cookie' } | null {
  const auth = c.req.header('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return { token: auth.slice(7).trim(), via: 'bearer' };
  const token = readCookie(c, COOKIE, cookiePrefix(c));
  return token ? { token, via: 'cookie' } : null;
}
