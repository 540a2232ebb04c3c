/**
 * Part 3: the resident pages in Lighthouse's mobile preset (simulated Slow 4G and a 4× slower
 * CPU) on Debian's Chromium, served by the Node entry's app over the bench database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import lighthouse from 'lighthouse';
import { nodePlatform } from '../worker/node/platform.ts';
import { createNodeApp } from '../worker/node/server.ts';
import { seedLocalStorage, startChromium } from './chromium.ts';
import { benchDatabase } from './generate.ts';

/** The community a resident has picked, as the web app keeps it. */
export const residentPlace = { subdistrict: 'jianzhongjie', community: 'yongan' };

type Request = { url: string; resourceType?: string; transferSize?: number; resourceSize?: number; mimeType?: string };
export type PageResult = {
  name: string;
  path: string;
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferBytes: number;
  /** Scripts as sent by this server (brotli from the Node entry), and the same files gzipped. */
  jsTransferBytes: number;
  jsGzipBytes: number;
  /** The HTML and the render-blocking CSS, gzipped: what the first paint waits for. */
  firstPaintGzipBytes: number;
  requests: number;
  opportunities: { id: string; savingsMs: number }[];
  runs: number[];
};
export type PagesResult = {
  chromium: string;
  lighthouse: string;
  preset: string;
  runsPerPage: number;
  variants: { node: PageResult[]; gzip: PageResult[] };
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** The figures of one page from the median of its Lighthouse runs. */
async function measure(
  origin: string,
  port: number,
  page: { name: string; path: string },
  runs: number,
  token: string,
  reportFile: string,
) {
  const url = origin + page.path;
  const lhrs: Lhr[] = [];
  const reports: string[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, { port, output: 'html', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result?.lhr) throw new Error(`Lighthouse gave no result for ${page.path}`);
    if (result.lhr.runtimeError)
      throw new Error(`Lighthouse failed on ${page.path}: ${result.lhr.runtimeError.message}`);
    lhrs.push(result.lhr);
    reports.push(String(result.report));
  }
  const scoreOf = (lhr: Lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100);
  const kept = lhrs.find((lhr) => scoreOf(lhr) === median(lhrs.map(scoreOf)))!;
  // The whole report of the run kept, to open in a browser (tokens are in it: scratch only).
  writeFileSync(reportFile, reports[lhrs.indexOf(kept)]!);
  const audit = (id: string) => kept.audits[id]!;
  const requests = ((audit('network-requests').details as { items?: Request[] } | undefined)?.items ?? []).filter((r) =>
    r.url.startsWith(origin),
  );
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
  const result: PageResult = {
    name: page.name,
    path: page.path.replace(token, 'TOKEN'),
    score: scoreOf(kept),
    fcpMs: Math.round(audit('first-contentful-paint').numericValue ?? 0),
    lcpMs: Math.round(audit('largest-contentful-paint').numericValue ?? 0),
    tbtMs: Math.round(audit('total-blocking-time').numericValue ?? 0),
    cls: Number((audit('cumulative-layout-shift').numericValue ?? 0).toFixed(3)),
    transferBytes: Math.round(audit('total-byte-weight').numericValue ?? 0),
    jsTransferBytes: scripts.reduce((n, s) => n + (s.transferSize ?? 0), 0),
    jsGzipBytes,
    firstPaintGzipBytes: await firstPaintBytes(url),
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
 * Measures the resident pages, `runs` Lighthouse runs each (the median run by score is kept),
 * as the Node entry serves them (compressed), and again behind a gzip front.
 * @example const result = await runPagesBench({ runs: 1, log: console.log })
 */
export async function runPagesBench(options: { runs: number; log: (line: string) => void }): Promise<PagesResult> {
  const { runs, log } = options;
  const bench = await benchDatabase();
  const app = createNodeApp({ ...nodePlatform(bench.db, bench.url), publicWritesPerHour: 1_000_000 });
  const servers = { node: await listen(app, false), gzip: await listen(app, true) };
  const chromium = await startChromium();
  try {
    // A ticket filed the way a resident files one, for its tracking page.
    const filed = await fetch(`${servers.node.origin}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        community: 'yongan',
        compound: 'yongan-jiayuan',
        category: 'repairs',
        description: '3号楼电梯停在半层，老人上下楼很困难。',
        location: '3号楼1单元',
        phone: '13800138000',
        consent: true,
      }),
    });
    if (filed.status !== 201)
      throw new Error(`Filing the ticket to track answered ${filed.status}: ${await filed.text()}`);
    const ticket = (await filed.json()) as { number: string; token: string };
    for (const s of Object.values(servers))
      await seedLocalStorage(chromium.port, s.origin, { 'linli.place': JSON.stringify(residentPlace) });

    const pages = [
      { name: 'home', path: '/' },
      { name: 'news list', path: '/news' },
      { name: 'article', path: `/news/${bench.articleId}` },
      { name: 'events', path: '/events' },
      { name: 'ticket form', path: '/desk' },
      { name: 'ticket tracking', path: `/desk/t/${ticket.number}?token=${ticket.token}` },
    ];
    const results: PagesResult['variants'] = { node: [], gzip: [] };
    const reportDir = fileURLToPath(new URL('./reports/', import.meta.url));
    mkdirSync(reportDir, { recursive: true });
    let lighthouseVersion = '';
    // Page by page, each as served and behind gzip one after the other, so drift hits both alike.
    for (const page of pages) {
      for (const variant of ['node', 'gzip'] as const) {
        const file = join(reportDir, `${variant}-${page.name.replace(/\W+/g, '-')}.html`);
        const { result: r, lighthouseVersion: v } = await measure(
          servers[variant].origin,
          chromium.port,
          page,
          runs,
          ticket.token,
          file,
        );
        lighthouseVersion = v;
        log(
          `  ${page.name}${variant === 'gzip' ? ' (gzip)' : ''}: score ${r.score}, LCP ${(r.lcpMs / 1000).toFixed(2)} s, TBT ${r.tbtMs} ms, CLS ${r.cls}, ${(r.transferBytes / 1024).toFixed(1)} KiB transferred`,
        );
        results[variant].push(r);
      }
    }
    log(`  full reports: bench/reports/*.html`);
    return {
      chromium: chromium.version,
      lighthouse: lighthouseVersion,
      preset: 'mobile (simulated Slow 4G: 150 ms RTT, 1.6 Mbps; 4x CPU slowdown)',
      runsPerPage: runs,
      variants: results,
    };
  } finally {
    await chromium.close();
    for (const s of Object.values(servers)) await s.close();
    await bench.cleanup();
  }
}
