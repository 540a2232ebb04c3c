import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs every project: node (the app on a temp libSQL file), workerd (the real
 * Worker entry in the Workers runtime, over HTTP to a local libSQL stand-in), and browser
 * (phone-sized journeys in headless Chromium). The web app is built first (`pretest`).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['worker/**/*.test.ts', 'schema/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.workerd.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                LIBSQL_URL: inject<string>('libsqlUrl'),
                LIBSQL_AUTH_TOKEN: '',
                AUTH_PEPPER: inject<string>('authPepper'),
              },
            },
          })),
        ],
        test: {
          name: 'workerd',
          include: ['worker/**/*.workerd.test.ts'],
          // The first request starts workerd, which takes seconds on a busy machine.
          testTimeout: 60_000,
          globalSetup: ['./worker/workerd-setup.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // Pages wait on the API; on a busy CI machine a second is not always enough.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          // One Chromium at a time keeps small CI machines steady.
          fileParallelism: false,
        },
      },
    ],
  },
});
