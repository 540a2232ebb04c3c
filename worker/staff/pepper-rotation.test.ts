import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../../schema/index.ts';
import { createApp } from '../app.ts';
import { demoPassword, testPepper, testPlatform } from '../node/test-database.ts';
import { testApp } from '../test-helpers.ts';
import { verifyPassword } from './password.ts';

// AUTH_PEPPER replaced by a new one, the old one kept as AUTH_PEPPER_PREVIOUS: each password
// hashed under the old pepper still signs in once, and is then stored under the new one.
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.cleanup());

const newPepper = 'the-new-pepper-after-rotation';
const appWith = (peppers: { authPepper: string; authPepperPrevious?: string }) =>
  createApp(testPlatform(t.db, peppers));
const signIn = (app: ReturnType<typeof createApp>, login: string, password = demoPassword) =>
  app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: t.origin },
    body: JSON.stringify({ login, password }),
  });
const storedHash = async (login: string) =>
  (await t.db.select({ hash: staff.passwordHash }).from(staff).where(eq(staff.login, login)))[0]!.hash;

describe('rotating AUTH_PEPPER with AUTH_PEPPER_PREVIOUS', () => {
  it('without the previous pepper, no password hashed under the old one signs in', async () => {
    expect((await signIn(appWith({ authPepper: newPepper }), 'yongan')).status).toBe(401);
  });

  it('signs in under the previous pepper once, re-hashes under the new one, and needs the old one no more', async () => {
    const before = await storedHash('erqi-admin');
    const rotating = appWith({ authPepper: newPepper, authPepperPrevious: testPepper });
    expect((await signIn(rotating, 'erqi-admin')).status).toBe(200);
    const after = await storedHash('erqi-admin');
    expect(after).not.toBe(before);
    expect(await verifyPassword(demoPassword, after, newPepper)).toBe(true);
    expect(await verifyPassword(demoPassword, after, testPepper)).toBe(false);
    // Once every account has signed in (or been reset), the previous pepper can go.
    expect((await signIn(appWith({ authPepper: newPepper }), 'erqi-admin')).status).toBe(200);
    expect((await signIn(appWith({ authPepper: testPepper }), 'erqi-admin')).status).toBe(401);
  });

  it('refuses a wrong password under either pepper and changes no hash', async () => {
    const before = await storedHash('jieyunlu');
    const rotating = appWith({ authPepper: newPepper, authPepperPrevious: testPepper });
    expect((await signIn(rotating, 'jieyunlu', 'not-the-password')).status).toBe(401);
    expect((await signIn(rotating, 'nobody-by-this-login')).status).toBe(401);
    expect(await storedHash('jieyunlu')).toBe(before);
  });

  it('lets a session from before the rotation change its password, proving the current one under the old pepper', async () => {
    const token = await t.signIn('songshanlu');
    const rotating = appWith({ authPepper: newPepper, authPepperPrevious: testPepper });
    const res = await rotating.request('/api/auth/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword: demoPassword, password: 'a-new-password-after-rotation' }),
    });
    expect(res.status).toBe(200);
    expect(await verifyPassword('a-new-password-after-rotation', await storedHash('songshanlu'), newPepper)).toBe(true);
  });
});
