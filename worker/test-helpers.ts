import { createApp } from './app.ts';
import type { Platform } from './lib/platform.ts';
import { demoPassword, freshDatabase, testPlatform } from './node/test-database.ts';

/**
 * A fresh app on a fresh demo database for one test file, with helpers to sign in as the demo
 * staff and to send JSON as a same-origin browser or a Bearer client would.
 * @example const t = await testApp(); const token = await t.signIn('erqi-admin');
 */
export async function testApp(overrides: Partial<Platform> = {}) {
  const database = await freshDatabase({ demo: true, now: overrides.now?.() });
  const platform = testPlatform(database.db, overrides);
  const app = createApp(platform);
  const origin = 'http://localhost';

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    });

  async function signIn(login: string, password = demoPassword): Promise<string> {
    const res = await post('/api/auth/login', { login, password });
    if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  return { app, platform, db: database.db, post, signIn, bearer, origin, cleanup: database.cleanup };
}
