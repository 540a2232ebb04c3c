import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryPhotoStore } from '../lib/photos.ts';
import type { Db, Platform } from '../lib/platform.ts';
import { migrateDatabase, openDatabase } from './database.ts';
import { loadDemoData } from './demo/index.ts';
import { nodeClientAddress } from './platform.ts';

export const testPepper = 'test-pepper-not-secret';
/** The password of the demo staff accounts in test databases. */
export const demoPassword = 'demo-password-for-tests';

/**
 * The platform for tests: a given database, a real clock unless replaced, a fixed pepper,
 * photos in memory, and a public-write budget high enough that only the tests of the limit meet it.
 */
export function testPlatform(db: Db, overrides: Partial<Platform> = {}): Platform {
  return {
    db,
    now: Date.now,
    authPepper: testPepper,
    clientAddress: nodeClientAddress(0),
    publicWritesPerHour: 10_000,
    photos: memoryPhotoStore(),
    shell: async () => null,
    ...overrides,
  };
}

/**
 * A new, migrated libSQL file in a temp folder, for tests. A file (not `:memory:`) so
 * every connection sees the same data. The demo tickets are filed relative to `now` (the
 * test's clock), so their numbers and due dates do not depend on the day the tests run.
 * @example const t = await freshDatabase({ demo: true }); … ; await t.cleanup();
 */
export async function freshDatabase(options: { demo?: boolean; migrate?: boolean; now?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  const url = `file:${join(dir, 'linli.db')}`;
  const { client, db } = await openDatabase(url);
  if (options.migrate !== false) await migrateDatabase(db);
  if (options.demo) await loadDemoData(db, { pepper: testPepper, staffPassword: demoPassword, now: options.now });
  return {
    url,
    client,
    db,
    async cleanup() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
