import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real Node entry, killed with SIGKILL in the middle of a burst of residents' writes, then
// started again on the same file: every write a resident retries with its Idempotency-Key must
// come back exactly once, with the answer the first try got if it got one.
const dir = mkdtempSync(join(tmpdir(), 'linli-crash-'));
const databaseUrl = `file:${join(dir, 'linli.db')}`;
let server: ChildProcess | undefined;

function start(): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['worker/node.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PHOTOS_DIR: join(dir, 'photos'),
      AUTH_PEPPER: 'crash-test-pepper',
      PORT: '0',
      TRUST_PROXY: '1',
      IDEMPOTENCY_LEASE_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /at (http:\/\/[^/]+)\//.exec(out)?.[1];
      if (url) resolve({ url, process: child });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill(signal);
  });

beforeAll(async () => {
  // A first start migrates and loads the demo data, so the burst below finds its events.
  const first = await start();
  await stop(first.process, 'SIGTERM');
}, 60_000);
afterAll(async () => {
  if (server && server.exitCode === null) await stop(server, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

type Attempt = { key: string; path: string; body: unknown; address: string };
const send = (url: string, a: Attempt) =>
  fetch(url + a.path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': a.key, 'X-Forwarded-For': a.address },
    body: JSON.stringify(a.body),
  });

describe('kill -9 in the middle of residents’ writes', () => {
  it('files every ticket, sign-up, wish and home-visit request exactly once, and replays the answers given before the crash', async () => {
    const { url, process: child } = await start();
    server = child;
    const events = (await (await fetch(`${url}/api/events?community=jieyunlu`)).json()) as { events: { id: number }[] };
    const eventId = events.events[0]!.id;
    const projects = (await (await fetch(`${url}/api/renovation/projects?compound=tiedao-jieyunli`)).json()) as {
      projects: { id: number }[];
    };
    const projectId = projects.projects[0]!.id;
    const attempts: Attempt[] = [
      ...Array.from({ length: 60 }, (_, i) => ({
        key: `crash-ticket-${i}`,
        path: '/api/tickets',
        address: `198.18.1.${i}`,
        body: {
          community: 'yongan',
          category: 'public-facilities',
          description: `崩溃测试工单 ${i}：楼道灯不亮`,
          location: `${i}号楼`,
          phone: `139${String(10000000 + i).padStart(8, '0')}`,
          consent: true,
        },
      })),
      ...Array.from({ length: 40 }, (_, i) => ({
        key: `crash-signup-${i}`,
        path: `/api/events/${eventId}/signups`,
        address: `198.18.2.${i}`,
        body: { name: `居民${i}`, phone: `137${String(20000000 + i).padStart(8, '0')}`, seats: 1 },
      })),
      ...Array.from({ length: 30 }, (_, i) => ({
        key: `crash-wish-${i}`,
        path: `/api/renovation/projects/${projectId}/wishes`,
        address: `198.18.3.${i}`,
        body: {
          kind: i % 3 ? 'wish' : 'objection',
          description: `崩溃测试心愿 ${i}：广场加座椅`,
          phone: `136${String(30000000 + i).padStart(8, '0')}`,
          consent: true,
        },
      })),
      ...Array.from({ length: 30 }, (_, i) => ({
        key: `crash-visit-${i}`,
        path: '/api/home-visits',
        address: `198.18.4.${i}`,
        body: {
          community: 'gongrenlu',
          service: 'sscard-replace',
          forWhom: { relation: 'family', name: `崩溃测试上门${i}`, addressAs: '老人家' },
          address: { building: `${i}号楼`, room: '101' },
          phone: `135${String(40000000 + i).padStart(8, '0')}`,
          reason: { kind: 'age' },
          consent: true,
        },
      })),
    ];
    const firstAnswers = new Map<string, unknown>();
    // Eight residents' phones at a time, each sending its next write when the last is answered.
    const queue = [...attempts];
    const phone = async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        const res = await send(url, a).catch(() => null);
        if (!res) return;
        // An answer cut off by the kill is no answer.
        const body = res.status === 201 ? await res.json().catch(() => undefined) : undefined;
        if (body !== undefined) firstAnswers.set(a.key, body);
      }
    };
    const inFlight = Array.from({ length: 8 }, phone);
    // Killed once a fifth have been answered: the rest are in flight, some written, some not.
    for (let waited = 0; firstAnswers.size < attempts.length / 5 && waited < 10_000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await stop(child, 'SIGKILL');
    await Promise.all(inFlight);
    const written = async () => {
      const db = createClient({ url: databaseUrl });
      const rows = await db.execute(
        "select (select count(*) from tickets where description like '崩溃测试工单 %') + (select count(*) from event_signups where name like '居民%') + (select count(*) from renovation_wishes where description like '崩溃测试心愿 %') + (select count(*) from home_visits where person_name like '崩溃测试上门%') as n",
      );
      db.close();
      return Number(rows.rows[0]!.n);
    };
    // Nothing answered was lost; what was written but not answered is found on retry.
    expect(await written()).toBeGreaterThanOrEqual(firstAnswers.size);

    const again = await start();
    server = again.process;
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the lease of any abandoned key
    const retried = await Promise.all(attempts.map(async (a) => ({ a, res: await send(again.url, a) })));
    for (const { a, res } of retried) {
      expect([a.key, res.status]).toEqual([a.key, 201]);
      const body = await res.json();
      if (firstAnswers.has(a.key)) expect([a.key, body]).toEqual([a.key, firstAnswers.get(a.key)]);
    }
    await stop(again.process, 'SIGTERM');

    const db = createClient({ url: databaseUrl });
    const tickets = await db.execute("select count(*) as n from tickets where description like '崩溃测试工单 %'");
    const signups = await db.execute("select count(*) as n from event_signups where name like '居民%'");
    const wishes = await db.execute(
      "select count(*) as n from renovation_wishes where description like '崩溃测试心愿 %'",
    );
    const visits = await db.execute("select count(*) as n from home_visits where person_name like '崩溃测试上门%'");
    db.close();
    expect(Number(tickets.rows[0]!.n)).toBe(60);
    expect(Number(signups.rows[0]!.n)).toBe(40);
    expect(Number(wishes.rows[0]!.n)).toBe(30);
    expect(Number(visits.rows[0]!.n)).toBe(30);
    // The crash really landed in the middle: some answered before it, not all.
    expect(firstAnswers.size).toBeGreaterThan(0);
    expect(firstAnswers.size).toBeLessThan(attempts.length);
  });
});
