import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { plainText } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { accountByLogin, changeOwnPassword, passwordChange, rehashPassword } from './accounts.ts';
import { auditEntry } from './audit.ts';
import { knownDevice, rememberDevice } from './device.ts';
import { staffView } from './directory.ts';
import { requireStaff } from './middleware.ts';
import { decoyHash, matchingPepper } from './password.ts';
import { abilities } from './policy.ts';
import { clearSessionCookie, createSession, endSession, readToken, setSessionCookie } from './session.ts';
import { attemptKeys, clearAfterSuccess, reserveAttempt, retryAfterSeconds } from './throttle.ts';

const loginBody = z.object({
  login: plainText(z.toLowerCase(), z.minLength(1, 'Enter your login.'), z.maxLength(64)),
  password: z.string().check(z.minLength(1, 'Enter your password.'), z.maxLength(256)),
});

/** Any bad login/password pair gets exactly this answer. */
const badCredentials = () => new ApiError(401, 'invalid_credentials', 'Wrong login or password.');

export const auth = new Hono<AppEnv>()
  .post('/login', limitBody(), validate('json', loginBody), async (c) => {
    const { login, password } = c.req.valid('json');
    const { db, platform } = c.var;
    if (!platform.authPepper) throw new ApiError(503, 'auth_unavailable', 'Sign-in is not configured on this server.');
    const now = platform.now();
    const keys = attemptKeys(login, platform.clientAddress(c), await knownDevice(c, login, platform.authPepper));
    const attempt = await reserveAttempt(db, keys, now);
    if (!attempt) {
      const wait = await retryAfterSeconds(db, keys, now);
      throw new ApiError(
        429,
        'too_many_attempts',
        `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    const account = await accountByLogin(db, login);
    // An unknown login still costs one full hash, so timing does not tell logins apart.
    const stored = account?.passwordHash ?? decoyHash;
    const matches = await matchingPepper(password, stored, platform.authPepper, platform.authPepperPrevious);
    // A failed attempt stays counted; a successful one is taken back.
    if (!account || !matches || account.disabled) throw badCredentials();
    if (matches === 'previous') await rehashPassword(db, account.id, password, stored, platform.authPepper, now);
    await clearAfterSuccess(db, attempt, keys);
    const token = await createSession(db, account.id, now);
    await auditEntry(db, account, 'auth.login', 'staff', account.id, now);
    setSessionCookie(c, token);
    await rememberDevice(c, login, platform.authPepper);
    return c.json({ staff: await staffView(db, account.id), token }, 200);
  })
  .post('/logout', limitBody(), async (c) => {
    const presented = readToken(c);
    if (presented) await endSession(c.var.db, presented.token);
    clearSessionCookie(c);
    return c.json({ ok: true }, 200);
  })
  .post('/password', limitBody(), requireStaff, validate('json', passwordChange), async (c) => {
    const { db, platform } = c.var;
    const { password, currentPassword } = c.req.valid('json');
    await changeOwnPassword(
      db,
      c.var.staff,
      currentPassword,
      password,
      platform.authPepper!,
      platform.now(),
      platform.authPepperPrevious,
    );
    // Every session ended with the old password; this phone stays signed in with the new one.
    const token = await createSession(db, c.var.staff.id, platform.now());
    setSessionCookie(c, token);
    return c.json({ ok: true as const, token }, 200);
  })
  .get('/me', requireStaff, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ staff: await staffView(c.var.db, c.var.staff.id), abilities: abilities(c.var.staff) }, 200);
  });
