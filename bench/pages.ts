/**
 * Part 3: the resident pages in Lighthouse's mobile preset (simulated Slow 4G and a 4× slower
 * CPU) on Debian's Chromium, served by the Node entry's app over the bench database.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { compounds, renovationProjects } from '../schema/index.ts';
import { nodePlatform } from '../worker/node/platform.ts';
import { createNodeApp } from '../worker/node/server.ts';
import { chromiumPath, installHint, startChromium } from './chromium.ts';
import { benchDatabase } from './generate.ts';
import { type Lhr, lighthouseRuns, median } from './lighthouse.ts';

/** The community a resident has picked, as the web app keeps it. */
export const residentPlace = { subdistrict: 'jianzhongjie', community: 'yongan' };
/** Home visits are offered in Gongren Road only (worker/node/demo/home-visits.ts): its resident sees the form. */
const homeVisitPlace = { subdistrict: 'songshanlu', community: 'gongrenlu' };

type Request = { url: string; resourceType?: string; transferSize?: number; resourceSize?: number; mimeType?: string };
type PageBase = {
  name: string;
  path: string;
  /** The resident's community in the phone's storage. */
  community: string;
  /** Runs that failed even when tried again, and why each failed attempt failed. */
  failedRuns: number;
  failures: string[];
  /** The HTML and the render-blocking CSS, gzipped: what the first paint waits for. */
  firstPaintGzipBytes: number;
};
/** Medians over the usable runs; `runs` lists their scores. */
export type MeasuredPage = PageBase & {
  failed: false;
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferBytes: number;
  /** Scripts as sent by this server (brotli from the Node entry), and the same files gzipped. */
  jsTransferBytes: number;
  jsGzipBytes: number;
  requests: number;
  opportunities: { id: string; savingsMs: number }[];
  runs: number[];
};
export type PageResult = MeasuredPage | (PageBase & { failed: true });
export type PagesResult = {
  chromium: string;
  lighthouse: string;
  preset: string;
  runsPerPage: number;
  retriesPerRun: number;
  /** The service worker's own script, gzipped: fetched by the browser after the first page, not run by it. */
  serviceWorkerGzipBytes: number;
  variants: { node: PageResult[]; gzip?: PageResult[] };
};

const gzipped = new Map<string, number>();
async function gzipBytes(url: string): Promise<number> {
  if (!gzipped.has(url)) gzipped.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length);
  return gzipped.get(url)!;
}

/** The document and the stylesheets its <head> makes the first paint wait for, gzipped. */
async function firstPaintBytes(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  const sheets = [...html.matchAll(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*>/g)]
    .map((m) => /href=["']?([^"' >]+)/.exec(m[0])?.[1])
    .filter((h): h is string => !!h);
  let total = gzipSync(Buffer.from(html)).length;
  for (const href of sheets) total += await gzipBytes(new URL(href, url).href);
  return total;
}

type Page = { name: string; path: string; place?: typeof residentPlace };

/** The nine pages a resident opens, in the order of the issue's list. */
async function residentPages(bench: Awaited<ReturnType<typeof benchDatabase>>, origin: string): Promise<Page[]> {
  // The event the events page lists first for Yong'an: the one a resident taps.
  const listed = (await (
    await fetch(`${origin}/api/events?community=${residentPlace.community}&when=upcoming`)
  ).json()) as { events: { id: number }[] };
  if (!listed.events[0]) throw new Error('The bench database has no upcoming event for Yong’an');
  // 人和路6号院, the renovation the newspaper page tells (worker/node/demo/renovation.ts).
  const [project] = await bench.db
    .select({ id: renovationProjects.id })
    .from(renovationProjects)
    .innerJoin(compounds, eq(compounds.id, renovationProjects.compoundId))
    .where(eq(compounds.slug, 'renhelu-6'));
  if (!project) throw new Error('The bench database has no renovation project at renhelu-6');
  const { tracked } = bench;
  return [
    { name: 'home', path: '/' },
    { name: 'news list', path: '/news' },
    { name: 'article', path: `/news/${bench.articleId}` },
    { name: 'events', path: '/events' },
    { name: 'event page', path: `/events/${listed.events[0].id}` },
    { name: 'ticket form', path: '/desk' },
    { name: 'ticket tracking', path: `/desk/t/${tracked.number}?token=${tracked.token}` },
    { name: 'renovation project', path: `/renovation/${project.id}` },
    { name: 'home-visit request', path: '/home-visits', place: homeVisitPlace },
  ];
}

/**
 * The figures of one page: the median of each metric over its usable runs, the requests and
 * opportunities of the run with the median score. A page none of whose runs worked says why.
 */
async function measure(
  origin: string,
  page: Page,
  options: { runs: number; retries: number; token: string; reportFile: string; log: (line: string) => void },
) {
  const url = origin + page.path;
  const place = page.place ?? residentPlace;
  const { runs, failures } = await lighthouseRuns(
    url,
    { 'linli.place': JSON.stringify(place) },
    { runs: options.runs, retries: options.retries, log: options.log, label: page.name },
  );
  const base = {
    name: page.name,
    path: page.path.replace(options.token, 'TOKEN'),
    community: place.community,
    failedRuns: options.runs - runs.length,
    failures,
    firstPaintGzipBytes: await firstPaintBytes(url),
  };
  if (runs.length === 0) return { result: { ...base, failed: true } satisfies PageResult, lighthouseVersion: '' };
  const lhrs = runs.map((r) => r.lhr);
  const scoreOf = (lhr: Lhr) => Math.round(lhr.categories.performance!.score! * 100);
  const metric = (id: string) => median(lhrs.map((lhr) => lhr.audits[id]!.numericValue!));
  const kept = lhrs.find((lhr) => scoreOf(lhr) === median(lhrs.map(scoreOf)))!;
  // The whole report of the run kept, to open in a browser (tokens are in it: scratch only).
  writeFileSync(options.reportFile, runs[lhrs.indexOf(kept)]!.report);
  const audit = (id: string) => kept.audits[id]!;
  const requests = ((audit('network-requests').details as { items?: Request[] } | undefined)?.items ?? []).filter((r) =>
    r.url.startsWith(origin),
  );
  // Every script the page ran, the service worker's registration (in the app's entry) included.
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  let jsGzipBytes = 0;
  for (const s of scripts) jsGzipBytes += await gzipBytes(s.url);
  const opportunities = Object.values(kept.audits)
    .map((a) => ({
      id: a.id,
      savingsMs: Math.round((a.details as { overallSavingsMs?: number } | undefined)?.overallSavingsMs ?? 0),
    }))
    .filter((o) => o.savingsMs > 0)
    .sort((a, b) => b.savingsMs - a.savingsMs);
  const result: MeasuredPage = {
    ...base,
    failed: false,
    score: median(lhrs.map(scoreOf)),
    fcpMs: Math.round(metric('first-contentful-paint')),
    lcpMs: Math.round(metric('largest-contentful-paint')),
    tbtMs: Math.round(metric('total-blocking-time')),
    cls: Number(metric('cumulative-layout-shift').toFixed(3)),
    transferBytes: Math.round(audit('total-byte-weight').numericValue ?? 0),
    jsTransferBytes: scripts.reduce((n, s) => n + (s.transferSize ?? 0), 0),
    jsGzipBytes,
    requests: requests.length,
    opportunities,
    runs: lhrs.map(scoreOf),
  };
  return { result, lighthouseVersion: kept.lighthouseVersion };
}

/** Starts an app on a free port; `gzip` puts Hono's compress() in front, as a CDN would (the Node entry compresses by itself). */
async function listen(app: Hono, gzip: boolean) {
  const front = gzip ? new Hono().use(compress()).all('*', (c) => app.fetch(c.req.raw, c.env)) : app;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: front.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Measures the nine resident pages, `runs` Lighthouse runs each in a fresh Chromium (medians
 * kept), as the Node entry serves them (compressed); with `gzip`, again behind a gzip front.
 * A failed run is tried `retries` more times; a page that fails is recorded, and the next follows.
 * @example const result = await runPagesBench({ runs: 1, retries: 2, gzip: false, log: console.log })
 */
export async function runPagesBench(options: {
  runs: number;
  retries: number;
  gzip: boolean;
  log: (line: string) => void;
}): Promise<PagesResult> {
  const { runs, retries, log } = options;
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}. ${installHint}`);
  const version = await chromiumVersion();
  const bench = await benchDatabase();
  const app = createNodeApp({ ...nodePlatform(bench.db, bench.url), publicWritesPerHour: 1_000_000 });
  const servers = { node: await listen(app, false), ...(options.gzip ? { gzip: await listen(app, true) } : {}) };
  try {
    const pages = await residentPages(bench, servers.node.origin);
    const results: PagesResult['variants'] = { node: [], ...(options.gzip ? { gzip: [] } : {}) };
    const reportDir = fileURLToPath(new URL('./reports/', import.meta.url));
    mkdirSync(reportDir, { recursive: true });
    let lighthouseVersion = '';
    // Page by page, each as served and behind gzip one after the other, so drift hits both alike.
    for (const page of pages) {
      for (const [variant, server] of Object.entries(servers) as [keyof typeof servers, { origin: string }][]) {
        const label = `${page.name}${variant === 'gzip' ? ' (gzip)' : ''}`;
        const file = join(reportDir, `${variant}-${page.name.replace(/\W+/g, '-')}.html`);
        const { result: r, lighthouseVersion: v } = await measure(server.origin, page, {
          runs,
          retries,
          token: bench.tracked.token,
          reportFile: file,
          log,
        });
        lighthouseVersion ||= v;
        log(
          r.failed
            ? `  ${label}: failed (${r.failures.join('; ')})`
            : `  ${label}: score ${r.score} (${r.runs.join(', ')}), LCP ${(r.lcpMs / 1000).toFixed(2)} s, TBT ${r.tbtMs} ms, CLS ${r.cls}, JS ${(r.jsGzipBytes / 1024).toFixed(1)} KiB gzipped${r.failedRuns ? `, ${r.failedRuns} run(s) failed` : ''}`,
        );
        results[variant]!.push(r);
      }
    }
    log(`  full reports: bench/reports/*.html`);
    return {
      chromium: version,
      lighthouse: lighthouseVersion,
      preset: 'mobile (simulated Slow 4G: 150 ms RTT, 1.6 Mbps; 4x CPU slowdown)',
      runsPerPage: runs,
      retriesPerRun: retries,
      serviceWorkerGzipBytes: await gzipBytes(`${servers.node.origin}/sw.js`),
      variants: results,
    };
  } finally {
    for (const s of Object.values(servers)) await s.close();
    await bench.cleanup();
  }
}

/** The browser's version, from one short start. */
async function chromiumVersion() {
  const chromium = await startChromium();
  await chromium.close();
  return chromium.version;
}
