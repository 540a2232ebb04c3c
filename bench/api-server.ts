/**
 * The servers the API bench loads, in one child process (the load generator has the other core):
 * the Linli app as the Node entry serves it, and its floor — a bare `node:http` server that
 * replays, through the same libSQL client, the statements the app ran for one request of the
 * same endpoint, and answers their rows as JSON. Driven over IPC by bench/api.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Client, InStatement, ResultSet, TransactionMode } from '@libsql/client';
import { openDatabase } from '../worker/node/database.ts';
import { nodeClientAddress, nodePlatform } from '../worker/node/platform.ts';
import { createNodeApp } from '../worker/node/server.ts';
import { testPepper } from '../worker/node/test-database.ts';

/** One call the app made to the libSQL client during a request. */
type Call = { kind: 'execute'; stmt: InStatement } | { kind: 'batch'; stmts: InStatement[]; mode?: TransactionMode };
export type CaptureRequest = { method: string; path: string; body?: string; headers?: Record<string, string> };
export type ServerMessage =
  | { type: 'capture'; name: string; requests: CaptureRequest[]; writes: boolean }
  | { type: 'stats' }
  | { type: 'rows'; table: string }
  | { type: 'pragmas' }
  | { type: 'memory' };

const [readUrl, floorWriteUrl] = process.argv.slice(2) as [string, string];

/** Wraps a client so the calls made while `recording` is set are kept, in order. */
function recorded(client: Client) {
  const state: { recording: Call[] | null } = { recording: null };
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  client.execute = ((stmt: InStatement, args?: unknown) => {
    const normal = typeof stmt === 'string' ? { sql: stmt, args: (args ?? []) as never } : stmt;
    state.recording?.push({ kind: 'execute', stmt: normal });
    return execute(normal);
  }) as Client['execute'];
  client.batch = ((stmts: InStatement[], mode?: TransactionMode) => {
    state.recording?.push({ kind: 'batch', stmts, mode });
    return batch(stmts, mode);
  }) as Client['batch'];
  return state;
}

/** Counts answers by status class and requests in flight, so the bench can wait for the last write. */
function counter() {
  const c = { inFlight: 0, ok: 0, other: 0 };
  return {
    c,
    begin: () => c.inFlight++,
    end: (status: number) => {
      c.inFlight--;
      if (status >= 200 && status < 300) c.ok++;
      else c.other++;
    },
    take: () => {
      const out = { ...c };
      c.ok = 0;
      c.other = 0;
      return out;
    },
  };
}

const { client, db } = await openDatabase(readUrl);
const writes = await openDatabase(floorWriteUrl);
const recorder = recorded(client);
// Submissions come from many residents' addresses (X-Forwarded-For, as behind a proxy), each
// within the default hourly budget, so the budget check costs what it costs in real use.
// The bench database's staff passwords were hashed with the test pepper.
const platform = {
  ...nodePlatform(db, readUrl),
  authPepper: testPepper,
  clientAddress: nodeClientAddress(1),
  trustProxy: true,
};
const app = createNodeApp(platform);
const appCount = counter();
const appServer = serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: async (request, env) => {
    appCount.begin();
    let status = 500;
    try {
      const res = await app.fetch(request, env);
      status = res.status;
      return res;
    } finally {
      appCount.end(status);
    }
  },
});
await new Promise((resolve) => appServer.once('listening', resolve));

/** The recorded calls of each endpoint: one list per captured request, replayed in turn. */
const captured = new Map<string, { variants: Call[][]; status: number; client: Client; next: number }>();
const floorCount = counter();

const rowsOf = (rs: ResultSet) => rs.rows.map((row) => Object.fromEntries(rs.columns.map((col, i) => [col, row[i]])));
const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });

const floorServer = createServer(async (req: IncomingMessage, res: ServerResponse) => {
  floorCount.begin();
  let status = 500;
  try {
    const endpoint = captured.get(req.url!.slice(1));
    if (req.method === 'POST') JSON.parse(await readBody(req));
    if (!endpoint) {
      status = 404;
      res.writeHead(404).end();
      return;
    }
    const calls = endpoint.variants[endpoint.next++ % endpoint.variants.length]!;
    const results: unknown[] = [];
    for (const call of calls) {
      if (call.kind === 'execute') results.push(rowsOf(await endpoint.client.execute(call.stmt)));
      else for (const rs of await endpoint.client.batch(call.stmts, call.mode)) results.push(rowsOf(rs));
    }
    status = endpoint.status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(results));
  } catch (error) {
    res.writeHead(500).end(String(error));
  } finally {
    floorCount.end(status);
  }
});
await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));

const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;

async function capture(name: string, requests: CaptureRequest[], toWriteDb: boolean) {
  const variants: Call[][] = [];
  let status = 0;
  for (const r of requests) {
    recorder.recording = [];
    const res = await fetch(appUrl + r.path, {
      method: r.method,
      body: r.body,
      headers: { ...(r.body ? { 'content-type': 'application/json' } : {}), ...r.headers },
    });
    const text = await res.text();
    variants.push(recorder.recording);
    recorder.recording = null;
    if (!res.ok) throw new Error(`${r.method} ${r.path} answered ${res.status}: ${text.slice(0, 300)}`);
    status = res.status;
  }
  captured.set(name, { variants, status, client: toWriteDb ? writes.client : client, next: 0 });
  return {
    statements: variants[0]!.reduce((n, call) => n + (call.kind === 'execute' ? 1 : call.stmts.length), 0),
    calls: variants[0]!.length,
    sql: variants[0]!.map((c) => (c.kind === 'execute' ? sqlOf(c.stmt) : `batch: ${c.stmts.map(sqlOf).join(' ; ')}`)),
  };
}
const sqlOf = (s: InStatement) => (typeof s === 'string' ? s : s.sql).replace(/\s+/g, ' ').trim();

let cpuMark = process.cpuUsage();
process.on('message', async (m: ServerMessage & { id: number }) => {
  const reply = (body: unknown) => process.send!({ id: m.id, body });
  try {
    if (m.type === 'capture') reply(await capture(m.name, m.requests, m.writes));
    else if (m.type === 'stats') {
      const used = process.cpuUsage(cpuMark);
      cpuMark = process.cpuUsage();
      reply({ app: appCount.take(), floor: floorCount.take(), cpuMicros: used.user + used.system });
    } else if (m.type === 'rows') {
      const table = m.table.replace(/[^a-z_]/g, '');
      const n = async (cl: Client) => Number((await cl.execute(`select count(*) as n from ${table}`)).rows[0]!.n);
      reply({ app: await n(client), floor: await n(writes.client) });
    } else if (m.type === 'memory') {
      // After a full collection, so what is left is what the server holds, not garbage.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapTotal, heapUsed } = process.memoryUsage();
      const mib = (n: number) => Number((n / 2 ** 20).toFixed(1));
      reply({ rssMiB: mib(rss), heapTotalMiB: mib(heapTotal), heapUsedMiB: mib(heapUsed) });
    } else if (m.type === 'pragmas') {
      const one = async (p: string) => (await client.execute(`PRAGMA ${p}`)).rows[0]![0];
      reply({ synchronous: await one('synchronous'), journalMode: await one('journal_mode') });
    }
  } catch (error) {
    process.send!({ id: m.id, error: String((error as Error).stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true, app: appUrl, floor: `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}` });
