/**
 * Part 1: the API on Node over an embedded file database with scaled-up demo data, loaded by
 * autocannon endpoint by endpoint, each against its floor (bench/api-server.ts) in the same run.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { communities } from '../schema/index.ts';
import { buildNode } from '../scripts/build/node.ts';
import { demoPassword } from '../worker/node/test-database.ts';
import type { CaptureRequest, ServerMessage } from './api-server.ts';
import { benchDatabase, scaleAt } from './generate.ts';

export const CONNECTIONS = 50;
/** Distinct client addresses the submissions come from. */
const RESIDENTS = 20_000;

type Endpoint = {
  name: string;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** A write: the table its rows land in, a new body for each request, and its own path if it varies. */
  writes?: { table: string; body: () => string; path?: () => string };
  headers?: Record<string, string>;
};
type Load = {
  reqPerSec: number;
  p50: number;
  p99: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};
export type EndpointResult = {
  name: string;
  label: string;
  request: string;
  statements: number;
  app: Load;
  floor: Load;
  /** App req/s as a percentage of its floor's. */
  percentOfFloor: number;
  /** Server CPU time (user + system) per answer: steadier than req/s on a shared machine. */
  cpu: { appMicros: number; floorMicros: number; floorPercentOfApp: number };
  writes?: {
    rowsAdded: number;
    server2xx: number;
    serverErrors: number;
    lost: number;
    floorRowsAdded: number;
    floor2xx: number;
  };
  sql: string[];
};
type Rows = Awaited<ReturnType<typeof benchDatabase>>['rows'];
type Memory = { rssMiB: number; heapTotalMiB: number; heapUsedMiB: number };
export type GrowthResult = {
  name: string;
  label: string;
  /** p50 (ms) and req/s of the app alone, at 1× (the second run) and at the larger data. */
  p50At1: number;
  p50AtScale: number;
  reqPerSecAt1: number;
  reqPerSecAtScale: number;
  /** p50 at the larger data over p50 at 1×. */
  ratio: number;
};
export type ApiResult = {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  data: Rows & { generatedInSeconds: number };
  durability: { synchronous: string; journalMode: string };
  endpoints: EndpointResult[];
  /** The server process after the first run, and after a second identical run of the app's load. */
  memory: { atStart: Memory; afterFirst: Memory; afterSecond: Memory; growthMiB: number };
  /** The same load of the app at `factor` times the data, against the second run at 1×. */
  growth?: { factor: number; data: Rows & { generatedInSeconds: number }; endpoints: GrowthResult[] };
};

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** The server process runs bundled, as `npm start` runs the Node entry (scripts/build/node.ts). */
let serverBundle = '';

/** The forked server process, asked and answered over IPC. */
function serverProcess(readUrl: string, floorWriteUrl: string, profileDir?: string) {
  const child: ChildProcess = fork(serverBundle, [readUrl, floorWriteUrl], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [
      ...process.execArgv,
      '--expose-gc',
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let nextId = 0;
  const waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  const ready = new Promise<{ app: string; floor: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on(
      'message',
      (m: { ready?: boolean; app: string; floor: string; id?: number; body?: never; error?: string }) => {
        if (m.ready) return resolve(m);
        const w = waiting.get(m.id!);
        waiting.delete(m.id!);
        if (m.error) w?.reject(new Error(m.error));
        else w?.resolve(m.body!);
      },
    );
  });
  const ask = <T>(message: ServerMessage) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as never, reject });
      child.send({ ...message, id });
    });
  // Disconnecting lets the server exit by itself, which is when Node writes a CPU profile.
  const stop = async () => {
    child.disconnect();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  return { ready, ask, stop };
}

type Served = { ok: number; other: number; inFlight: number };
type Stats = { app: Served; floor: Served; cpuMicros: number };

/**
 * Waits until the server has answered everything autocannon left in flight when it stopped
 * (nothing in flight and no new answer for a while), and returns what it answered since last asked.
 */
async function settled(ask: <T>(m: ServerMessage) => Promise<T>): Promise<Stats> {
  const total: Stats = { app: { ok: 0, other: 0, inFlight: 0 }, floor: { ok: 0, other: 0, inFlight: 0 }, cpuMicros: 0 };
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 100));
    const s = await ask<Stats>({ type: 'stats' });
    const busy = s.app.inFlight + s.floor.inFlight + s.app.ok + s.app.other + s.floor.ok + s.floor.other > 0;
    for (const side of ['app', 'floor'] as const) {
      total[side].ok += s[side].ok;
      total[side].other += s[side].other;
    }
    total.cpuMicros += s.cpuMicros;
    quiet = busy ? 0 : quiet + 1;
  }
  return total;
}

/** Two half-length runs as one: requests and answers add up, p50 is their mean, p99 the worse. */
function combined(runs: Load[]): Load {
  const sum = (f: (l: Load) => number) => runs.reduce((n, l) => n + f(l), 0);
  return {
    reqPerSec: sum((l) => l.reqPerSec) / runs.length,
    p50: Math.round(sum((l) => l.p50) / runs.length),
    p99: Math.max(...runs.map((l) => l.p99)),
    total2xx: sum((l) => l.total2xx),
    non2xx: sum((l) => l.non2xx),
    errors: sum((l) => l.errors),
    timeouts: sum((l) => l.timeouts),
  };
}

/** A new submission's body, the address of the resident sending it, and its path if that varies. */
type Submission = () => { body: string; address: string; path?: string };

/** Round the residents' addresses: each stays well inside its hourly budget. */
let sent = 0;
const fromResident =
  (writes: NonNullable<Endpoint['writes']>): Submission =>
  () => {
    const n = sent++ % RESIDENTS;
    return {
      body: writes.body(),
      address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      path: writes.path?.(),
    };
  };

async function load(
  url: string,
  endpoint: Endpoint,
  seconds: number,
  submission?: Submission,
  floor = false,
): Promise<Load> {
  const headers: Record<string, string> = {
    ...(endpoint.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    ...endpoint.headers,
  };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: endpoint.method,
    headers,
    requests: submission
      ? [
          {
            setupRequest: (req: Record<string, unknown>) => {
              const { body, address, path } = submission();
              // The floor answers at its own path, whatever the app's is.
              const own = path && !floor ? { path } : {};
              return { ...req, ...own, body, headers: { ...headers, 'x-forwarded-for': address } };
            },
          },
        ]
      : undefined,
  });
  return {
    // Answers over the time taken (the per-second average would count a last partial second as a whole one).
    reqPerSec: (result['2xx'] + result.non2xx) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** A bench database at `factor` times the data, in two equal copies, and the server process over them. */
async function benchServer(factor: number, log: (line: string) => void, profileDir?: string) {
  const size = scaleAt(factor);
  log(
    `Generating the bench database at ${factor}× (${size.communities} communities, ${size.articles} articles, ${size.events} events, ${size.tickets} tickets, ${size.wishes} wishes, ${size.homeVisits} home visits)…`,
  );
  const base = await benchDatabase(Date.now(), factor);
  const slugs = (await base.db.select({ slug: communities.slug }).from(communities)).map((c) => c.slug);
  base.client.close();
  // Two equal copies: the app reads and writes one; the floor's writes go to the other, so both
  // submission runs start from the same rows.
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const readPath = join(dir, 'linli.db');
  const floorPath = join(dir, 'floor-writes.db');
  copyFileSync(base.url.slice('file:'.length), readPath);
  copyFileSync(base.url.slice('file:'.length), floorPath);
  await base.cleanup();
  const data = { ...base.rows, generatedInSeconds: Number(base.seconds.toFixed(1)) };
  log(
    `  ${Object.entries(base.rows)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')} (${data.generatedInSeconds} s)`,
  );
  const server = serverProcess(`file:${readPath}`, `file:${floorPath}`, profileDir);
  const urls = await server.ready;
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  // A community's staff member at the joint desk, signed in once, for the staff queue.
  const signIn = await fetch(`${urls.app}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: urls.app },
    body: JSON.stringify({ login: 'yongan', password: demoPassword }),
  });
  if (signIn.status !== 200) throw new Error(`staff sign-in answered ${signIn.status}`);
  const staffToken = ((await signIn.json()) as { token: string }).token;

  const { number, token } = base.tracked;
  const visit = base.homeVisit;
  // Submissions go round the communities, each with its own text (no Idempotency-Key).
  let tickets = 0;
  let wishes = 0;
  const endpoints: Endpoint[] = [
    { name: 'news', label: 'news list', method: 'GET', path: '/api/news?community=yongan' },
    { name: 'article', label: 'article', method: 'GET', path: `/api/news/${base.articleId}` },
    { name: 'events', label: 'events list', method: 'GET', path: '/api/events?community=yongan' },
    { name: 'tracking', label: 'ticket tracking', method: 'GET', path: `/api/tickets/${number}?token=${token}` },
    { name: 'project', label: 'renovation project', method: 'GET', path: `/api/renovation/projects/${base.projectId}` },
    {
      name: 'visit',
      label: 'home-visit tracking',
      method: 'GET',
      path: `/api/home-visits/${visit.number}?token=${visit.token}`,
    },
    {
      name: 'queue',
      label: 'staff ticket queue',
      method: 'GET',
      path: '/api/desk/tickets',
      headers: { authorization: `Bearer ${staffToken}` },
    },
    {
      name: 'submit',
      label: 'ticket submission',
      method: 'POST',
      path: '/api/tickets',
      writes: {
        table: 'tickets',
        body: () =>
          JSON.stringify({
            community: slugs[tickets % slugs.length],
            category: 'repairs',
            description: `楼道水管漏水，第${++tickets}次报修，请尽快处理。`,
            location: '3号楼2单元',
            phone: '13800138000',
            consent: true,
          }),
      },
    },
    {
      name: 'wish',
      label: 'wish filing',
      method: 'POST',
      path: `/api/renovation/projects/${base.consultingProjects[0]}/wishes`,
      writes: {
        table: 'renovation_wishes',
        // Round the courtyards still in consultation, as the tickets go round the communities.
        path: () =>
          `/api/renovation/projects/${base.consultingProjects[wishes % base.consultingProjects.length]}/wishes`,
        body: () =>
          JSON.stringify({
            kind: 'wish',
            description: `希望楼道里装上扶手，第${++wishes}位老人提出。`,
            location: '2号楼',
            phone: '13800138001',
            consent: true,
          }),
      },
    },
  ];
  const hidden = (path: string) => path.replace(token, '…').replace(visit.token, '…');
  return { server, urls, data, endpoints, hidden, stop };
}

type Server = Awaited<ReturnType<typeof benchServer>>;

const memoryOf = async (server: Server) => server.server.ask<Memory>({ type: 'memory' });

/** Loads the app alone: a warm-up, then `seconds` (for the second run and the larger data). */
async function appOnly(s: Server, e: Endpoint, seconds: number, warmup: number) {
  const submitting = e.writes ? fromResident(e.writes) : undefined;
  await load(s.urls.app + e.path, e, warmup, submitting);
  await settled(s.server.ask);
  const result = await load(s.urls.app + e.path, e, seconds, submitting);
  await settled(s.server.ask);
  return result;
}

/** One endpoint against its floor: floor, app, app, floor, half the time each. */
async function againstFloor(s: Server, e: Endpoint, seconds: number, warmup: number, log: (line: string) => void) {
  const { server, urls } = s;
  // Each captured write from an address of its own (as in the load), so none meets the hourly budget.
  const requests: CaptureRequest[] = e.writes
    ? Array.from({ length: 24 }, () => {
        const { body, address, path } = fromResident(e.writes!)();
        return { method: 'POST', path: path ?? e.path, body, headers: { ...e.headers, 'x-forwarded-for': address } };
      })
    : [{ method: 'GET', path: e.path, headers: e.headers }];
  const captured = await server.ask<{ statements: number; sql: string[] }>({
    type: 'capture',
    name: e.name,
    requests,
    writes: !!e.writes,
  });
  const floorUrl = `${urls.floor}/${e.name}`;
  const appUrl = urls.app + e.path;
  const submitting = e.writes ? fromResident(e.writes) : undefined;
  const settle = () => settled(server.ask);

  log(`  ${e.label}: ${e.method} ${s.hidden(e.path)} — ${captured.statements} SQL statements per request`);
  const rows = async () => server.ask<{ app: number; floor: number }>({ type: 'rows', table: e.writes!.table });
  await load(floorUrl, e, warmup, submitting, true);
  await load(appUrl, e, warmup, submitting);
  await settle();
  const before = e.writes ? await rows() : undefined;
  // Floor, app, app, floor: half the time each, so drift in a noisy machine's speed cancels out.
  const rounds: { floor: Load[]; app: Load[] } = { floor: [], app: [] };
  const served = { floor: { ok: 0, other: 0, cpuMicros: 0 }, app: { ok: 0, other: 0, cpuMicros: 0 } };
  for (const side of ['floor', 'app', 'app', 'floor'] as const) {
    rounds[side].push(await load(side === 'floor' ? floorUrl : appUrl, e, seconds / 2, submitting, side === 'floor'));
    const st = await settle();
    served[side].ok += st[side].ok;
    served[side].other += st[side].other;
    served[side].cpuMicros += st.cpuMicros;
  }
  const cpuPerRequest = (side: 'app' | 'floor') =>
    Math.round(served[side].cpuMicros / Math.max(1, served[side].ok + served[side].other));
  const after = e.writes ? await rows() : undefined;
  const floor = combined(rounds.floor);
  const app = combined(rounds.app);
  const percentOfFloor = (100 * app.reqPerSec) / floor.reqPerSec;
  const cpu = {
    appMicros: cpuPerRequest('app'),
    floorMicros: cpuPerRequest('floor'),
    floorPercentOfApp: (100 * cpuPerRequest('floor')) / cpuPerRequest('app'),
  };
  const result: EndpointResult = {
    name: e.name,
    label: e.label,
    request: `${e.method} ${s.hidden(e.path).replaceAll('…', 'TOKEN')}`,
    statements: captured.statements,
    app,
    floor,
    percentOfFloor,
    cpu,
    sql: captured.sql,
  };
  if (e.writes) {
    const rowsAdded = after!.app - before!.app;
    result.writes = {
      rowsAdded,
      server2xx: served.app.ok,
      serverErrors: served.app.other,
      lost: served.app.ok - rowsAdded,
      floorRowsAdded: after!.floor - before!.floor,
      floor2xx: served.floor.ok,
    };
  }
  log(
    `    app ${Math.round(app.reqPerSec)} req/s (p50 ${app.p50} ms, p99 ${app.p99} ms) · floor ${Math.round(floor.reqPerSec)} req/s · ${percentOfFloor.toFixed(0)}% of floor · CPU/answer ${cpu.appMicros} µs vs ${cpu.floorMicros} µs (${cpu.floorPercentOfApp.toFixed(0)}%)`,
  );
  return result;
}

/**
 * Runs the API bench. `seconds` per endpoint and side (app, floor), after `warmup` seconds; then
 * the app's load again for memory, and at `factor` times the data (0: not).
 * @example const result = await runApiBench({ seconds: 10, warmup: 3, log: console.log, factor: 10 })
 */
export async function runApiBench(options: {
  seconds: number;
  warmup: number;
  log: (line: string) => void;
  only?: string[];
  profileDir?: string;
  factor: number;
}): Promise<ApiResult> {
  const { seconds, warmup, log } = options;
  serverBundle = await buildNode('bench/api-server.ts', 'bench/dist/api-server.js');
  const chosen = (s: Server) => s.endpoints.filter((x) => !options.only || options.only.includes(x.name));
  const one = await benchServer(1, log, options.profileDir);
  let result: ApiResult;
  const at1: Load[] = [];
  try {
    const pragmas = await one.server.ask<{ synchronous: number; journalMode: string }>({ type: 'pragmas' });
    const durability = {
      synchronous: SYNCHRONOUS[pragmas.synchronous] ?? String(pragmas.synchronous),
      journalMode: String(pragmas.journalMode),
    };
    log(`  durability: journal_mode=${durability.journalMode}, synchronous=${durability.synchronous}`);
    const atStart = await memoryOf(one);
    const endpoints: EndpointResult[] = [];
    for (const e of chosen(one)) endpoints.push(await againstFloor(one, e, seconds, warmup, log));
    const afterFirst = await memoryOf(one);
    log(`  second run, the app alone (memory, and the 1× side of the growth figures)…`);
    for (const e of chosen(one)) at1.push(await appOnly(one, e, seconds, warmup));
    const afterSecond = await memoryOf(one);
    const growthMiB = Number((afterSecond.rssMiB - afterFirst.rssMiB).toFixed(1));
    log(
      `  server memory: ${atStart.rssMiB} MiB resident at the start, ${afterFirst.rssMiB} MiB after the first run, ${afterSecond.rssMiB} MiB after the second (${growthMiB >= 0 ? '+' : ''}${growthMiB} MiB)`,
    );
    result = {
      seconds,
      warmupSeconds: warmup,
      connections: CONNECTIONS,
      data: one.data,
      durability,
      endpoints,
      memory: { atStart, afterFirst, afterSecond, growthMiB },
    };
  } finally {
    await one.stop();
    if (options.profileDir) log(`  CPU profile of the server process written to ${options.profileDir}`);
  }
  if (options.factor > 1) {
    const big = await benchServer(options.factor, log);
    try {
      const growth: GrowthResult[] = [];
      for (const [i, e] of chosen(big).entries()) {
        const l = await appOnly(big, e, seconds, warmup);
        const base = at1[i]!;
        growth.push({
          name: e.name,
          label: e.label,
          p50At1: base.p50,
          p50AtScale: l.p50,
          reqPerSecAt1: base.reqPerSec,
          reqPerSecAtScale: l.reqPerSec,
          ratio: l.p50 / Math.max(base.p50, 1),
        });
        log(
          `  ${e.label} at ${options.factor}×: p50 ${l.p50} ms (1×: ${base.p50} ms), ${Math.round(l.reqPerSec)} req/s (1×: ${Math.round(base.reqPerSec)})`,
        );
      }
      result.growth = { factor: options.factor, data: big.data, endpoints: growth };
    } finally {
      await big.stop();
    }
  }
  return result;
}
