/**
 * Part 2: the Worker. Its size as `wrangler deploy --dry-run` uploads it (our own minified bundle,
 * scripts/build/worker.ts), and the time
 * from starting workerd on that bundle to the first answer of GET /api/health, over the libSQL
 * HTTP stand-in (the Worker reaches its database only over HTTP). workerd is run directly with a
 * config of its own, so the figure is workerd's start, not wrangler's.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWorker } from '../scripts/build/worker.ts';
import { startLibsqlHttpServer } from '../scripts/fixtures/libsql-http.ts';
import { freshDatabase } from '../worker/node/test-database.ts';

export type WorkerResult = {
  bundle: {
    rawBytes: number;
    gzipBytes: number;
    wranglerSays: string | null;
    largestInputs: { name: string; rawBytes: number }[];
  };
  coldStart: { runs: number; medianMs: number; minMs: number; maxMs: number; allMs: number[]; warmMs: number };
};

const offline = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: offline, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${out.slice(-2000)}`)),
    );
  });
}

/** Which packages (or app folders) the bytes come from, as the bundler rendered them before minifying. */
function largestInputs(inputs: Record<string, number>) {
  const by = new Map<string, number>();
  for (const [path, bytesInOutput] of Object.entries(inputs)) {
    const file = relative(process.cwd(), path);
    const inPackage = file.split('node_modules/').at(1)?.split('/');
    const name = inPackage
      ? inPackage[0]!.startsWith('@')
        ? inPackage.slice(0, 2).join('/')
        : inPackage[0]!
      : `${file.split('/')[0]}/ (app)`;
    by.set(name, (by.get(name) ?? 0) + bytesInOutput);
  }
  return [...by]
    .map(([name, rawBytes]) => ({ name, rawBytes }))
    .sort((a, b) => b.rawBytes - a.rawBytes)
    .slice(0, 8);
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A workerd config serving the bundle with the Worker's variables (photos and assets are not needed for /api/health). */
export const capnp = (
  script: string,
  port: number,
  libsqlUrl: string,
  publicWritesPerHour = 30,
  authPepper = 'bench',
) => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .linli),
    (name = "internet", network = (allow = ["local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const linli :Workerd.Worker = (
  modules = [ (name = "${script}", esModule = embed "${script}") ],
  compatibilityDate = "${/compatibility_date\s*=\s*"([^"]+)"/.exec(readFileSync('wrangler.toml', 'utf8'))![1]}",
  bindings = [
    (name = "LIBSQL_URL", text = "${libsqlUrl}"),
    (name = "LIBSQL_AUTH_TOKEN", text = ""),
    (name = "AUTH_PEPPER", text = "${authPepper}"),
    (name = "PUBLIC_WRITES_PER_HOUR", text = "${publicWritesPerHour}"),
  ],
);
`;

/**
 * The binary wrangler runs. The package's `workerd` command is a Node wrapper around it: timing
 * the wrapper would add a Node start, and stopping it would leave the server running (answering
 * the next start's requests on the same port).
 */
export const workerdBinary: string = createRequire(import.meta.url)('workerd').default;

/** Starts workerd and polls until GET /api/health answers 200; returns the milliseconds it took. */
async function coldStart(config: string, port: number): Promise<{ ms: number; warmMs: number }> {
  const started = performance.now();
  const child = spawn(workerdBinary, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}: ${errors.slice(-1000)}`);
      if (performance.now() - started > 20_000)
        throw new Error(`workerd gave no healthy answer in 20 s: ${errors.slice(-1000)}`);
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      if (res?.status === 200) {
        await res.text();
        const ms = performance.now() - started;
        const again = performance.now();
        await (await fetch(`http://127.0.0.1:${port}/api/health`)).text();
        return { ms, warmMs: performance.now() - again };
      }
      if (res) await res.text();
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Bundles the Worker and times `runs` cold starts.
 * @example const result = await runWorkerBench({ runs: 7, log: console.log })
 */
export async function runWorkerBench(options: { runs: number; log: (line: string) => void }): Promise<WorkerResult> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-worker-'));
  const t = await freshDatabase();
  try {
    const out = join(dir, 'out');
    const { inputs } = await buildWorker();
    const said = await run('wrangler', ['deploy', '--dry-run', '--outdir', out]);
    const script = readdirSync(out).find((f) => /\.m?js$/.test(f))!;
    const code = readFileSync(join(out, script));
    const bundle = {
      rawBytes: statSync(join(out, script)).size,
      gzipBytes: gzipSync(code, { level: 9 }).length,
      wranglerSays: /Total Upload: [^\n]+/.exec(said)?.[0] ?? null,
      largestInputs: largestInputs(inputs),
    };
    options.log(
      `  bundle ${(bundle.rawBytes / 1024).toFixed(1)} KiB, ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzipped (${bundle.wranglerSays})`,
    );

    const libsql = await startLibsqlHttpServer({ databaseUrl: t.url, port: 0 });
    try {
      const port = await freePort();
      const config = join(out, 'workerd.capnp');
      writeFileSync(config, capnp(script, port, libsql.url));
      const times: { ms: number; warmMs: number }[] = [];
      for (let i = 0; i < options.runs; i++) times.push(await coldStart(config, port));
      const all = times.map((x) => Math.round(x.ms));
      const sorted = [...all].sort((a, b) => a - b);
      const coldStartResult = {
        runs: options.runs,
        medianMs: sorted[Math.floor(sorted.length / 2)]!,
        minMs: sorted[0]!,
        maxMs: sorted.at(-1)!,
        allMs: all,
        warmMs: Number(
          (times.map((x) => x.warmMs).sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0).toFixed(1),
        ),
      };
      options.log(
        `  cold start to first /api/health: median ${coldStartResult.medianMs} ms of ${options.runs} (${all.join(', ')} ms)`,
      );
      return { bundle, coldStart: coldStartResult };
    } finally {
      await libsql.close();
    }
  } finally {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
