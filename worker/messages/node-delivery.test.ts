import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookReceiver } from './stand-ins.ts';

// The real Node entry with MESSAGE_WEBHOOK_URL set: once killed with SIGKILL between sending a
// message and marking it, and once end to end (a resident opts in, staff change the status).
const dir = mkdtempSync(join(tmpdir(), 'linli-messages-'));
const databaseUrl = `file:${join(dir, 'linli.db')}`;
const SECRET = 'webhook-test-secret';
let password = '';
const children: ChildProcess[] = [];

function start(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; out: () => string }> {
  const child = spawn(process.execPath, ['worker/node.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PHOTOS_DIR: join(dir, 'photos'),
      AUTH_PEPPER: 'messages-test-pepper',
      PORT: '0',
      MESSAGE_QUIET_HOURS: 'off',
      MESSAGE_LEASE_SECONDS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      password ||= /password for all: (\S+?);/.exec(out)?.[1] ?? '';
      const url = /at (http:\/\/[^/]+)\//.exec(out)?.[1];
      if (url) resolve({ url, child, out: () => out });
    });
    child.stderr!.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill(signal);
  });

const until = async (check: () => boolean | Promise<boolean>, ms = 8000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  const first = await start({});
  await stop(first.child, 'SIGTERM');
}, 60_000);
afterAll(async () => {
  for (const c of children) await stop(c, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 between sending a message and marking it', () => {
  it('leaves that one uncertain and received once; every other is delivered exactly once after restart', async () => {
    const client = createClient({ url: databaseUrl });
    const now = Date.now();
    for (let i = 0; i < 6; i++) {
      await client.execute({
        sql: `insert into message_optins (subject_kind, subject_id, phone, stop_nonce, stop_token_hash, created_at)
          values ('ticket', ?, '13800000009', ?, ?, ?)`,
        args: [90_000 + i, `nonce-${i}`, `hash-crash-${i}`, now],
      });
      await client.execute({
        sql: `insert into message_outbox (optin_id, kind, params, urgent, dedupe_key, status, attempts, next_attempt_at, created_at)
          values (last_insert_rowid(), 'ticket_status', ?, 0, ?, 'pending', 0, ?, ?)`,
        args: [JSON.stringify({ number: `YA-CRASH-${i}`, status: 'accepted' }), `crash:${i}`, now - 6 + i, now],
      });
    }
    // A receiver that records the first message and never answers: the runner waits on it when killed.
    const got: number[] = [];
    const hanging = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        got.push(JSON.parse(body).id);
        if (got.length > 1) res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}/`;
    const crashing = await start({ MESSAGE_WEBHOOK_URL: hangingUrl, MESSAGE_WEBHOOK_SECRET: SECRET });
    await until(() => got.length === 1);
    await stop(crashing.child, 'SIGKILL');
    hanging.closeAllConnections();
    hanging.close();
    // Past the dead runner's lease (MESSAGE_LEASE_SECONDS=1), so the restarted one sees it expired.
    await new Promise((r) => setTimeout(r, 1100));

    const receiver = await webhookReceiver(SECRET);
    const restarted = await start({ MESSAGE_WEBHOOK_URL: receiver.url, MESSAGE_WEBHOOK_SECRET: SECRET });
    await until(async () => {
      const { rows } = await client.execute(
        `select count(*) as n from message_outbox where dedupe_key like 'crash:%' and status in ('sent', 'uncertain')`,
      );
      return Number(rows[0]!.n) === 6;
    });
    const { rows } = await client.execute(
      `select id, status from message_outbox where dedupe_key like 'crash:%' order by id`,
    );
    const uncertain = rows.filter((r) => r.status === 'uncertain').map((r) => Number(r.id));
    expect(uncertain).toEqual([got[0]]);
    const delivered = receiver.received.map((m) => Number(m.body.id));
    expect(delivered.sort((a, b) => a - b)).toEqual(rows.filter((r) => r.status === 'sent').map((r) => Number(r.id)));
    expect(new Set([...delivered, got[0]]).size).toBe(6);
    expect(receiver.badSignatures()).toBe(0);
    // The log names no phone and no text.
    expect(restarted.out()).not.toContain('13800000009');
    await stop(restarted.child, 'SIGTERM');
    await receiver.close();
    client.close();
  }, 30_000);
});

describe('end to end: a status change with a local webhook receiver', () => {
  it('produces one signed message within seconds', async () => {
    const receiver = await webhookReceiver(SECRET);
    const { url, child } = await start({ MESSAGE_WEBHOOK_URL: receiver.url, MESSAGE_WEBHOOK_SECRET: SECRET });
    const json = (body: unknown, headers: Record<string, string> = {}) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: url, ...headers },
      body: JSON.stringify(body),
    });
    const filed = await fetch(
      `${url}/api/tickets`,
      json({
        community: 'yongan',
        compound: 'yongan-jiayuan',
        category: 'repairs',
        description: '楼道灯坏了，晚上看不见。',
        location: '3号楼2单元',
        phone: '13900000123',
        consent: true,
        notifySms: true,
      }),
    );
    expect(filed.status).toBe(201);
    const { number, token } = (await filed.json()) as { number: string; token: string };
    const login = await fetch(`${url}/api/auth/login`, json({ login: 'erqi-admin', password }));
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const changed = await fetch(
      `${url}/api/desk/tickets/${number}/actions`,
      json({ action: 'accept', version: 1 }, auth),
    );
    expect(changed.status).toBe(200);
    const t0 = Date.now();
    await until(() => receiver.received.length > 0, 5000);
    expect(Date.now() - t0).toBeLessThan(5000);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(1);
    expect(receiver.badSignatures()).toBe(0);
    const m = receiver.received[0]!;
    expect(m.body).toMatchObject({ kind: 'ticket_status', phone: '13900000123', urgent: false });
    expect(m.body.text).toContain(number);
    expect(m.body.text).toMatch(/退订：http:\/\/127\.0\.0\.1:\d+\/m\/stop\/[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(m.body)).not.toContain(token);
    expect(m.headers['idempotency-key']).toBe(`linli-message-${m.body.id}`);
    await stop(child, 'SIGTERM');
    await receiver.close();
  }, 30_000);
});
