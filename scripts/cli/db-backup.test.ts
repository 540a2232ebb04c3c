import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../worker/node/database.ts';
import { codeMigrations } from './db-files.ts';

// The real Node entry on a temp file, with residents filing tickets and signing up without pause,
// backed up in the middle by `db:backup` and restored elsewhere by `db:restore`.
const dir = mkdtempSync(join(tmpdir(), 'linli-backup-'));
const live = join(dir, 'live.db');
const backup = join(dir, 'backup.db');
let server: ChildProcess | undefined;
let url = '';

function start(): Promise<string> {
  const child = spawn(process.execPath, ['worker/node.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${live}`,
      PHOTOS_DIR: join(dir, 'photos'),
      AUTH_PEPPER: 'backup-test-pepper',
      PORT: '0',
      TRUST_PROXY: '1',
      PUBLIC_WRITES_PER_HOUR: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const at = /at (http:\/\/[^/]+)\//.exec(out)?.[1];
      if (at) resolve(at);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

/** Runs one of the tools as `npm run` would, on Node 22, and collects what it printed. */
function tool(name: 'db-backup' | 'db-restore', args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [`scripts/cli/${name}.ts`, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

const rows = async (path: string, sql: string) => {
  const db = createClient({ url: `file:${path}` });
  try {
    return (await db.execute(sql)).rows;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  url = await start();
}, 60_000);
afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

type Write = { kind: 'ticket' | 'signup'; mark: string; startedAt: number; doneAt: number; status: number };

describe('db:backup and db:restore', () => {
  it('backs up under write load; the restored copy is sound and holds every write acknowledged before the backup', async () => {
    const events = (await (await fetch(`${url}/api/events?community=jieyunlu`)).json()) as { events: { id: number }[] };
    const eventId = events.events[0]!.id;
    const writes: Write[] = [];
    let stop = false;
    let n = 0;
    const phone = async () => {
      while (!stop) {
        const i = n++;
        const kind = i % 3 ? 'ticket' : 'signup';
        const mark = `备份测试${i}`;
        const body =
          kind === 'ticket'
            ? {
                community: 'yongan',
                category: 'public-facilities',
                description: `${mark}：楼道灯不亮`,
                location: `${i}号楼`,
                phone: `139${String(i).padStart(8, '0')}`,
                consent: true,
              }
            : { name: mark, phone: `137${String(i).padStart(8, '0')}`, seats: 1 };
        const startedAt = Date.now();
        const res = await fetch(url + (kind === 'ticket' ? '/api/tickets' : `/api/events/${eventId}/signups`), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.18.${i >> 8}.${i & 255}` },
          body: JSON.stringify(body),
        });
        await res.arrayBuffer();
        writes.push({ kind, mark, startedAt, doneAt: Date.now(), status: res.status });
      }
    };
    const phones = Array.from({ length: 6 }, phone);
    while (writes.length < 40) await new Promise((r) => setTimeout(r, 10));
    const backupAt = Date.now();
    const made = await tool('db-backup', [backup], { DATABASE_URL: `file:${live}` });
    const backupDone = Date.now();
    while (writes.filter((w) => w.startedAt > backupDone).length < 20) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await Promise.all(phones);

    expect(made.output).toMatch(/integrity: ok/);
    expect(made.output).toMatch(/schema: \d+ migrations, the latest \d{4}_/);
    expect(made.code).toBe(0);
    const acknowledged = writes.filter((w) => w.status === 201 && w.doneAt < backupAt);
    expect(writes.every((w) => w.status === 201)).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    // The server was busy when the copy was taken: writes were in flight across it.
    expect(writes.some((w) => w.startedAt < backupAt && w.doneAt > backupAt)).toBe(true);

    const restored = join(dir, 'restored', 'linli.db');
    const put = await tool('db-restore', [backup], { DATABASE_URL: `file:${restored}` });
    expect(put.output).toMatch(/integrity: ok/);
    expect(put.code).toBe(0);
    expect(await rows(restored, 'PRAGMA integrity_check')).toEqual([
      expect.objectContaining({ integrity_check: 'ok' }),
    ]);
    const tickets = new Set(
      (await rows(restored, "SELECT description FROM tickets WHERE description LIKE '备份测试%'")).map(
        (r) => String(r.description).split('：')[0],
      ),
    );
    const signups = new Set(
      (await rows(restored, "SELECT name FROM event_signups WHERE name LIKE '备份测试%'")).map((r) => String(r.name)),
    );
    const lost = acknowledged.filter((w) => !(w.kind === 'ticket' ? tickets : signups).has(w.mark));
    expect(lost).toEqual([]);
    expect(acknowledged.some((w) => w.kind === 'signup')).toBe(true);
  });

  it('refuses to overwrite a file with a backup', async () => {
    const before = readFileSync(backup);
    const again = await tool('db-backup', [backup], { DATABASE_URL: `file:${live}` });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/exists already/);
    expect(readFileSync(backup).equals(before)).toBe(true);
  });

  it('refuses a backup whose schema is newer than the code, and leaves the target as it was', async () => {
    const newer = join(dir, 'newer.db');
    copyFileSync(backup, newer);
    await rows(
      newer,
      "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-a-later-release', 9999999999999)",
    );
    const target = join(dir, 'other', 'linli.db');
    const res = await tool('db-restore', [newer], { DATABASE_URL: `file:${target}` });
    expect(res.code).toBe(1);
    expect(res.output).toMatch(/schema newer than this code/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(dir, 'other'))).toEqual([]);
  });

  it('refuses to restore over the database of a server that answers, and sets the old file aside otherwise', async () => {
    const port = new URL(url).port;
    const busy = await tool('db-restore', [backup], { DATABASE_URL: `file:${live}`, PORT: port });
    expect(busy.code).toBe(1);
    expect(busy.output).toMatch(/A server answers at/);
    expect(readdirSync(dir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([]);

    const restored = join(dir, 'restored', 'linli.db');
    const closedPort = { DATABASE_URL: `file:${restored}`, PORT: '9' };
    const over = await tool('db-restore', [backup], closedPort);
    expect(over.code).toBe(0);
    expect(over.output).toMatch(/is kept as .*linli\.db\.before-restore-/);
    expect(readdirSync(join(dir, 'restored')).filter((f) => f.includes('before-restore'))).toHaveLength(1);
  });

  it('migrates a backup from an older release up to this code’s schema', async () => {
    // The previous release: this code's migrations but the last.
    const previous = join(dir, 'previous-migrations');
    cpSync(migrationsFolder, previous, { recursive: true });
    const journal = join(previous, 'meta', '_journal.json');
    const entries = codeMigrations();
    writeFileSync(
      journal,
      JSON.stringify({ ...JSON.parse(readFileSync(journal, 'utf8')), entries: entries.slice(0, -1) }),
    );
    const older = join(dir, 'older.db');
    const client = createClient({ url: `file:${older}` });
    await migrate(drizzle(client), { migrationsFolder: previous });
    client.close();
    const target = join(dir, 'upgraded', 'linli.db');
    const res = await tool('db-restore', [older], { DATABASE_URL: `file:${target}` });
    expect(res.output).toMatch(/Applied this code's 1 newer migration\./);
    expect(res.output).toContain(`the latest ${entries.at(-1)!.tag}`);
    expect(res.code).toBe(0);
    expect((await rows(target, 'SELECT count(*) AS n FROM __drizzle_migrations'))[0]!.n).toBe(entries.length);
  });

  it('points a remote database to Turso’s own backups', async () => {
    const res = await tool('db-backup', [join(dir, 'remote.db')], { DATABASE_URL: 'libsql://linli-example.turso.io' });
    expect(res.code).toBe(1);
    expect(res.output).toMatch(/Turso keeps its own backups.*--from-db/);
  });
});
