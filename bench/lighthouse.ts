/**
 * One Lighthouse run in a Chromium of its own, and the retries around it. A browser per run keeps
 * runs apart (no HTTP cache, service worker or renderer process left by the run before), and a
 * run that goes wrong is tried again rather than ending the bench.
 */
import lighthouse from 'lighthouse';
import { seedLocalStorage, startChromium } from './chromium.ts';

export type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
export type Run = { lhr: Lhr; report: string };

/** Longer than Lighthouse's own load timeout (45 s) and its trace and audits together. */
const RUN_TIMEOUT_MS = 150_000;

/**
 * Why a result cannot be counted, or null when it can. Lighthouse answers many failures with a
 * report rather than an exception: a runtimeError (NO_NAVSTART, PROTOCOL_TIMEOUT…), a score of
 * null, or a metric it could not compute.
 */
export function unusable(lhr: Lhr | undefined): string | null {
  if (!lhr) return 'no result';
  if (lhr.runtimeError) return lhr.runtimeError.code ?? lhr.runtimeError.message;
  if (typeof lhr.categories.performance?.score !== 'number') return 'no performance score';
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]) {
    const audit = lhr.audits[id];
    if (typeof audit?.numericValue !== 'number')
      return `no ${id}${audit?.errorMessage ? `: ${audit.errorMessage}` : ''}`;
  }
  return null;
}

/** One run: a new Chromium with the resident's storage on `origin`, Lighthouse's mobile preset, then the browser closed. */
async function runOnce(url: string, storage: Record<string, string>): Promise<Run> {
  const chromium = await startChromium();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await seedLocalStorage(chromium.port, new URL(url).origin, storage);
    const result = await Promise.race([
      lighthouse(url, { port: chromium.port, output: 'html', logLevel: 'error', onlyCategories: ['performance'] }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
      }),
    ]);
    const why = unusable(result?.lhr);
    if (why) throw new Error(why);
    return { lhr: result!.lhr, report: String(result!.report) };
  } finally {
    clearTimeout(timer);
    await chromium.close();
  }
}

/**
 * `runs` usable runs of one page where possible: each failed run is tried up to `retries` more
 * times, then counted as failed. Never throws, so the pages after it are always measured.
 * @example const { runs, failures } = await lighthouseRuns(url, { 'linli.place': '…' }, { runs: 3, retries: 2, log })
 */
export async function lighthouseRuns(
  url: string,
  storage: Record<string, string>,
  options: { runs: number; retries: number; log: (line: string) => void; label: string },
) {
  const runs: Run[] = [];
  const failures: string[] = [];
  for (let i = 0; i < options.runs; i++) {
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      try {
        runs.push(await runOnce(url, storage));
        break;
      } catch (error) {
        const why = (error as Error).message.split('\n')[0]!;
        failures.push(why);
        const last = attempt === options.retries;
        options.log(
          `    ${options.label}, run ${i + 1}: ${why}${last ? ' — counted as failed' : `, trying again (${attempt + 1}/${options.retries})`}`,
        );
      }
    }
  }
  return { runs, failures };
}

/** The middle value (the lower middle of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
