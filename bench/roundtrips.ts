/**
 * Part 4: database round trips through the Worker. Each resident endpoint and a set of staff
 * writes (bench/roundtrip-cases.ts) is sent to workerd running the built bundle, over the libSQL
 * HTTP stand-in, which counts the pipeline requests (each one a network round trip to Turso).
 * Then the stand-in answers every pipeline request `latencyMs` late, and each endpoint's median
 * time through the Worker is held to one round trip's latency plus 10 ms.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWorker } from '../scripts/build/worker.ts';
import { type LibsqlHttpServer, startLibsqlHttpServer } from '../scripts/fixtures/libsql-http.ts';
import { demoPassword, freshDatabase, testPepper } from '../worker/node/test-database.ts';
import { type Call, type Case, type CaseKind, roundTripCases } from './roundtrip-cases.ts';
import { capnp, freePort, workerdBinary } from './worker.ts';

export type RoundTripRow = {
  name: string;
  kind: CaseKind;
  method: string;
  path: string;
  status: number;
  roundTrips: number;
  /** Round trips of the delivery run a write kicks (waitUntil), not part of the answer. */
  afterAnswer: number;
  p50Ms: number | null;
  targetMs: number;
  met: boolean | null;
};
export type RoundTripResult = { latencyMs: number; samples: number; rows: RoundTripRow[] };

/** What a case may ask of the rig: a request through the Worker, and staff sessions by login. */
export type Rig = {
  base: string;
  libsql: LibsqlHttpServer;
  send(call: Call): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
};

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the Worker, a demo database served by the libSQL stand-in, and workerd on the bundle.
 * Public writes get a large budget, so repeated samples are not turned away.
 * @example const rig = await startRig(); const { status } = await rig.send({ method: 'GET', path: '/api/places' })
 */
export async function startRig(): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-roundtrips-'));
  const t = await freshDatabase({ demo: true });
  let libsql: LibsqlHttpServer | undefined;
  let child: ChildProcess | undefined;
  try {
    await buildWorker(join(dir, 'index.js'));
    libsql = await startLibsqlHttpServer({ databaseUrl: t.url });
    const port = await freePort();
    const config = join(dir, 'workerd.capnp');
    writeFileSync(config, capnp('index.js', port, libsql.url, 1_000_000, testPepper));
    const workerd = spawn(workerdBinary, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = workerd;
    let errors = '';
    workerd.stderr?.on('data', (d: Buffer) => (errors += d));
    const base = `http://127.0.0.1:${port}`;
    for (const started = Date.now(); ; await settle(20)) {
      if (workerd.exitCode !== null) throw new Error(`workerd exited with ${workerd.exitCode}: ${errors.slice(-1000)}`);
      if (Date.now() - started > 30_000) throw new Error(`workerd did not answer in 30 s: ${errors.slice(-1000)}`);
      const res = await fetch(`${base}/api/health`).catch(() => null);
      if (res && (await res.text()) && res.status === 200) break;
    }
    const tokens = new Map<string, string>();
    const token = async (login: string) => {
      const known = tokens.get(login);
      if (known) return known;
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: base },
        body: JSON.stringify({ login, password: demoPassword }),
      });
      if (res.status !== 200) throw new Error(`${login} could not sign in: ${res.status} ${await res.text()}`);
      const fresh = ((await res.json()) as { token: string }).token;
      tokens.set(login, fresh);
      return fresh;
    };
    const server = libsql;
    return {
      base,
      libsql: server,
      async send(call) {
        const headers: Record<string, string> = { 'CF-Connecting-IP': '203.0.113.50', ...call.headers };
        if (call.staff) headers.Authorization = `Bearer ${await token(call.staff)}`;
        if (call.body !== undefined) headers['Content-Type'] = 'application/json';
        const res = await fetch(base + call.path, {
          method: call.method,
          headers,
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
        });
        const text = await res.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {}
        return { status: res.status, body };
      },
      async close() {
        const exited = new Promise((resolve) => workerd.once('exit', resolve));
        workerd.kill('SIGTERM');
        await exited;
        await server.close();
        await t.cleanup();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child?.kill('SIGTERM');
    await libsql?.close();
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Waits until the database has had no request for 50 ms (the Worker's waitUntil work is done). */
async function quiet(rig: Rig): Promise<void> {
  for (let seen = -1; seen !== rig.libsql.pipelines(); ) {
    seen = rig.libsql.pipelines();
    await settle(50);
  }
}

/**
 * Prepares one call of a case (its own requests are not counted), sends it and counts the
 * pipeline requests the answer took, then those made after it (give waitUntil work a moment).
 */
export async function countRoundTrips(rig: Rig, c: Case, sample = 0) {
  const call = await c.prepare(rig, sample);
  await quiet(rig); // whatever the preparation kicked off (a delivery run) is not this request's
  rig.libsql.resetCount();
  const res = await rig.send(call);
  await quiet(rig);
  // The delivery run a write kicks (waitUntil) starts while the answer is on its way, so it is
  // told apart by what it does, not by when: it begins by releasing the outbox's stale claims.
  const { sql } = rig.libsql.count();
  const afterAnswer = sql.filter((statements) => statements[0]?.startsWith('update "message_outbox"')).length;
  return { call, status: res.status, body: res.body, roundTrips: sql.length - afterAnswer, afterAnswer };
}

/** The median of `samples` sequential calls of a case, each prepared fresh, timed from send to answer. */
async function medianMs(rig: Rig, c: Case, samples: number): Promise<number> {
  const times: number[] = [];
  for (let i = 1; i <= samples; i++) {
    const call = await c.prepare(rig, 1000 + i);
    const started = performance.now();
    await rig.send(call);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)]!.toFixed(1));
}

/**
 * Counts every case's round trips, then times them with the stand-in `latencyMs` away.
 * @example const result = await runRoundTripBench({ log: console.log }); console.log(roundTripTable(result))
 */
export async function runRoundTripBench(options: {
  log: (line: string) => void;
  latencyMs?: number;
  samples?: number;
}): Promise<RoundTripResult> {
  const latencyMs = options.latencyMs ?? 20;
  const samples = options.samples ?? 15;
  const rig = await startRig();
  try {
    const rows: RoundTripRow[] = [];
    for (const c of roundTripCases) {
      const { call, status, roundTrips, afterAnswer } = await countRoundTrips(rig, c);
      rows.push({
        name: c.name,
        kind: c.kind,
        method: call.method,
        path: c.route,
        status,
        roundTrips,
        afterAnswer,
        p50Ms: null,
        targetMs: latencyMs + 10,
        met: null,
      });
    }
    rig.libsql.setLatency(latencyMs);
    for (const [i, c] of roundTripCases.entries()) {
      const row = rows[i]!;
      row.p50Ms = await medianMs(rig, c, samples);
      row.met = row.p50Ms <= row.targetMs;
      options.log(
        `  ${row.name}: ${row.roundTrips} round trip(s), p50 ${row.p50Ms} ms (target ${row.targetMs}) ${row.met ? 'ok' : 'MISSED'}`,
      );
    }
    return { latencyMs, samples, rows };
  } finally {
    await rig.close();
  }
}

/** The results as a markdown table, one row per endpoint. */
export function roundTripTable(result: RoundTripResult): string {
  const lines = [
    `Stand-in latency ${result.latencyMs} ms per pipeline request; p50 of ${result.samples} sequential requests; target: one round trip + 10 ms.`,
    '',
    '| Endpoint | Kind | Request | Status | Round trips | After answer | p50 ms | Target ms | Met |',
    '|---|---|---|--:|--:|--:|--:|--:|:-:|',
  ];
  for (const r of result.rows)
    lines.push(
      `| ${r.name} | ${r.kind} | \`${r.method} ${r.path}\` | ${r.status} | ${r.roundTrips} | ${r.afterAnswer} | ${r.p50Ms ?? '–'} | ${r.targetMs} | ${r.met === null ? '–' : r.met ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}
