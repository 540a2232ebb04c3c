import { hc } from 'hono/client';
import { type AppType, createApp } from './app.ts';
import type { ErrorBody } from './lib/errors.ts';
import type { Platform } from './lib/platform.ts';
import { demoPassword, freshDatabase, testPlatform } from './node/test-database.ts';

/**
 * A fresh app on a fresh demo database for one test file, with helpers to sign in as the demo
 * staff and to send JSON as a same-origin browser or a Bearer client would. `api` is the typed
 * client the web app uses (`hc<AppType>`), answered by `app.request`, so bodies come typed.
 * @example const t = await testApp(); const token = await t.signIn('erqi-admin'); await t.api.staff.$get({}, { headers: t.bearer(token) })
 */
export async function testApp(overrides: Partial<Platform> = {}) {
  const database = await freshDatabase({ demo: true, now: overrides.now?.() });
  const platform = testPlatform(database.db, overrides);
  const app = createApp(platform);
  const origin = 'http://localhost';
  const api = hc<AppType>(`${origin}/api`, { fetch: app.request, headers: { Origin: origin } });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    });

  async function signIn(login: string, password = demoPassword): Promise<string> {
    const res = await api.auth.login.$post({ json: { login, password } });
    if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status} ${await res.text()}`);
    return (await res.json()).token;
  }

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  return { app, api, platform, db: database.db, post, signIn, bearer, origin, cleanup: database.cleanup };
}

/**
 * The error envelope of an answer. Errors are thrown and answered by `onError`, so they are not
 * part of `AppType`: this is the one place tests name their shape.
 * @example expect((await errorOf(res)).error.code).toBe('invalid_input')
 */
export const errorOf = async (res: { json(): Promise<unknown> }) => (await res.json()) as ErrorBody;
