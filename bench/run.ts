/**
 * `npm run bench`: the API on Node against its floor, the Worker's size and cold start, and the
 * resident pages in Lighthouse. Prints the tables and writes bench/results.json. Not a test:
 * it asserts nothing; where a figure misses its target the table says so.
 *
 * BENCH_SECONDS   seconds per API endpoint and side (default 10)
 * BENCH_WARMUP    warm-up seconds before each (default 3, less for short runs)
 * BENCH_ONLY      some of api,worker,roundtrips,pages (default all)
 * BENCH_ENDPOINTS some of news,article,events,tracking,project,visit,queue,submit,wish (default all)
 * BENCH_FACTOR    the larger data for the growth figures, times the 1× data (default 10; 1: not run)
 * BENCH_LATENCY_MS, BENCH_ROUNDTRIP_SAMPLES   the libSQL stand-in's added latency and requests per endpoint for
 *                 roundtrips (default 20 and 15)
 * BENCH_PROFILE   a folder: the API server process writes a .cpuprofile there
 * BENCH_COLD_STARTS, BENCH_LIGHTHOUSE_RUNS   repetitions (default 7 and 3; a page's figures are medians)
 * BENCH_LIGHTHOUSE_RETRIES   more tries for a Lighthouse run that fails (default 2)
 * BENCH_PAGES_GZIP  1: measure the pages again behind a gzip front (default: as the Node entry serves them)
 * CHROMIUM_PATH   the Chromium for Lighthouse (default /usr/bin/chromium)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { type ApiResult, runApiBench } from './api.ts';
import { installHint } from './chromium.ts';
import { type PagesResult, runPagesBench } from './pages.ts';
import { apiTable, pagesTable, summaryTable, targets, workerTable } from './report.ts';
import { type RoundTripResult, roundTripTable, runRoundTripBench } from './roundtrips.ts';
import { runWorkerBench, type WorkerResult } from './worker.ts';

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
/** Like number(), and 0 allowed. */
const whole = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};
const seconds = number('BENCH_SECONDS', 10);
const warmup = number('BENCH_WARMUP', Math.min(3, Math.max(1, Math.round(seconds / 3))));
const only = new Set((process.env.BENCH_ONLY ?? 'api,worker,roundtrips,pages').split(',').map((s) => s.trim()));
const log = (line: string) => console.log(line);

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

const started = new Date();
const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
const results: {
  date: string;
  commit: string | null;
  uncommittedChanges: boolean;
  machine: typeof machine;
  targets: typeof targets;
  api?: ApiResult;
  worker?: WorkerResult;
  roundTrips?: RoundTripResult;
  pages?: PagesResult;
  seconds?: number;
  loadAverageAtEnd?: number[];
} = {
  date: started.toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  uncommittedChanges: !!git('status', '--porcelain'),
  machine,
  targets,
};

log(
  `Linli bench, ${started.toISOString()} — ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
);
if (machine.loadAverageAtStart[0]! > machine.cores / 2)
  log(
    `Note: the machine is busy (load ${machine.loadAverageAtStart[0]}); absolute figures will be low, ratios less so.`,
  );

if (only.has('api')) {
  log('\n## API on Node (autocannon)');
  results.api = await runApiBench({
    seconds,
    warmup,
    log,
    only: process.env.BENCH_ENDPOINTS?.split(','),
    profileDir: process.env.BENCH_PROFILE,
    factor: number('BENCH_FACTOR', 10),
  });
}
if (only.has('worker')) {
  log('\n## Worker');
  results.worker = await runWorkerBench({ runs: number('BENCH_COLD_STARTS', 7), log });
}
if (only.has('roundtrips')) {
  log('\n## Database round trips through the Worker');
  results.roundTrips = await runRoundTripBench({
    log,
    latencyMs: number('BENCH_LATENCY_MS', 20),
    samples: number('BENCH_ROUNDTRIP_SAMPLES', 15),
  });
}
if (only.has('pages')) {
  log('\n## Resident pages (Lighthouse)');
  try {
    results.pages = await runPagesBench({
      runs: number('BENCH_LIGHTHOUSE_RUNS', 3),
      retries: whole('BENCH_LIGHTHOUSE_RETRIES', 2),
      gzip: process.env.BENCH_PAGES_GZIP === '1',
      log,
    });
  } catch (error) {
    log(`  skipped: ${(error as Error).message}`);
    if (!/Chromium/.test((error as Error).message)) log(`  (${installHint})`);
  }
}
results.seconds = Math.round((Date.now() - started.getTime()) / 1000);
results.loadAverageAtEnd = loadavg().map((l) => Number(l.toFixed(2)));

const out = new URL('./results.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

log(
  `\n# Results ${results.date.slice(0, 10)} (${machine.cores} cores, commit ${results.commit}${results.uncommittedChanges ? ' + uncommitted changes' : ''})`,
);
if (results.api) log(`\n## API on Node\n\n${apiTable(results.api)}`);
if (results.worker) log(`\n## Worker\n\n${workerTable(results.worker)}`);
if (results.roundTrips) log(`\n## Database round trips through the Worker\n\n${roundTripTable(results.roundTrips)}`);
if (results.pages) log(`\n## Resident pages\n\n${pagesTable(results.pages)}`);
log(`\n## Targets\n\n${summaryTable(results)}`);
// The bench itself keeps about one core and a half busy; more than all of them means company.
if (results.loadAverageAtEnd[0]! > machine.cores) {
  log(
    `\nNote: load average ${results.loadAverageAtEnd.join(' ')} at the end: something else ran meanwhile; absolute figures (and Lighthouse's TBT) suffer most.`,
  );
}
log(`\nWritten to bench/results.json in ${results.seconds} s.`);
