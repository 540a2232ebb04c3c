/**
 * The bench's tables (Markdown, so they read in a terminal and paste into the README), and a
 * met/missed word against each target. Figures only: nothing here fails a run.
 */
import type { ApiResult } from './api.ts';
import type { MeasuredPage, PageResult, PagesResult } from './pages.ts';
import type { WorkerResult } from './worker.ts';

export const targets = {
  readPercentOfFloor: 80,
  submissionsPerSecond: 1000,
  workerGzipKiB: 128,
  memoryMiB: 200,
  growthRatio: 1.25,
  pageScore: 95,
  lcpMs: 2000,
  firstPageJsGzipKiB: 50,
  firstPaintGzipKiB: 14,
};

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function table(head: string[], rows: (string | number)[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const dataLine = (d: ApiResult['data']) =>
  `${int(d.communities)} communities, ${int(d.articles)} articles, ${int(d.events)} events, ${int(d.tickets)} tickets, ` +
  `${int(d.projects)} projects, ${int(d.wishes)} wishes, ${int(d.homeVisits)} home visits`;

export function apiTable(api: ApiResult): string {
  const rows = api.endpoints.map((e) => {
    const target = e.writes
      ? `≥ ${int(targets.submissionsPerSecond)}/s, no errors, rows = 2xx: ${verdict(e.app.reqPerSec >= targets.submissionsPerSecond && e.app.non2xx + e.app.errors + e.app.timeouts === 0 && e.writes.lost === 0)}`
      : `≥ ${targets.readPercentOfFloor}% of floor: ${verdict(e.percentOfFloor >= targets.readPercentOfFloor)}`;
    return [
      e.label,
      int(e.app.reqPerSec),
      `${e.app.p50} / ${e.app.p99}`,
      int(e.floor.reqPerSec),
      `${e.floor.p50} / ${e.floor.p99}`,
      `**${e.percentOfFloor.toFixed(0)}%**`,
      `${int(e.cpu.appMicros)} / ${int(e.cpu.floorMicros)} (${e.cpu.floorPercentOfApp.toFixed(0)}%)`,
      e.statements,
      target,
    ];
  });
  const lines = [
    table(
      [
        'endpoint',
        'app req/s',
        'app p50 / p99 ms',
        'floor req/s',
        'floor p50 / p99 ms',
        'app ÷ floor',
        'server CPU µs per answer: app / floor (floor ÷ app)',
        'SQL / req',
        'target',
      ],
      rows,
    ),
    '',
    `${api.connections} connections, ${api.warmupSeconds} s warm-up then ${api.seconds} s per endpoint and side (floor, app, app, floor in halves); ` +
      `database: ${dataLine(api.data)}; ` +
      `journal_mode=${api.durability.journalMode}, synchronous=${api.durability.synchronous}.`,
  ];
  for (const e of api.endpoints.filter((x) => x.writes)) {
    const w = e.writes!;
    lines.push(
      `${e.label}: ${int(w.server2xx)} answered 201 (autocannon saw ${int(e.app.total2xx)} before it hung up), ${int(w.rowsAdded)} rows added, ` +
        `lost ${w.lost}; non-2xx ${e.app.non2xx}, errors ${e.app.errors}, timeouts ${e.app.timeouts}. ` +
        `Floor: ${int(w.floor2xx)} answered, ${int(w.floorRowsAdded)} rows.`,
    );
  }
  const m = api.memory;
  lines.push(
    '',
    `Server memory (resident, after a full GC): ${m.atStart.rssMiB} MiB at the start (heap ${m.atStart.heapUsedMiB} of ${m.atStart.heapTotalMiB} MiB), ${m.afterFirst.rssMiB} MiB after the run above (heap ${m.afterFirst.heapUsedMiB} of ${m.afterFirst.heapTotalMiB} MiB), ` +
      `${m.afterSecond.rssMiB} MiB after a second identical run of the app's load (heap ${m.afterSecond.heapUsedMiB} of ${m.afterSecond.heapTotalMiB} MiB): ` +
      `≤ ${targets.memoryMiB} MiB ${verdict(Math.max(m.afterFirst.rssMiB, m.afterSecond.rssMiB) <= targets.memoryMiB)}; ` +
      `growth ${m.growthMiB >= 0 ? '+' : ''}${m.growthMiB} MiB ${verdict(m.growthMiB <= m.afterFirst.rssMiB * 0.05)} (within 5%).`,
  );
  if (api.growth) {
    const g = api.growth;
    lines.push(
      '',
      `As the district grows: the app alone at 1× and at ${g.factor}× the data (${dataLine(g.data)}).`,
      '',
      table(
        [
          'endpoint',
          'p50 ms at 1×',
          `p50 ms at ${g.factor}×`,
          'req/s at 1×',
          `req/s at ${g.factor}×`,
          'ratio',
          'target',
        ],
        g.endpoints.map((e) => [
          e.label,
          e.p50At1,
          e.p50AtScale,
          int(e.reqPerSecAt1),
          int(e.reqPerSecAtScale),
          `${e.ratio.toFixed(2)}×`,
          `≤ ${targets.growthRatio}×: ${verdict(e.ratio <= targets.growthRatio)}`,
        ]),
      ),
    );
  }
  return lines.join('\n');
}

export function workerTable(worker: WorkerResult): string {
  const b = worker.bundle;
  const c = worker.coldStart;
  return [
    table(
      ['figure', 'value', 'target'],
      [
        [
          'bundle (wrangler deploy --dry-run)',
          `${kib(b.rawBytes)} KiB raw, ${kib(b.gzipBytes)} KiB gzipped`,
          `≤ ${targets.workerGzipKiB} KiB gzipped: ${verdict(b.gzipBytes <= targets.workerGzipKiB * 1024)}`,
        ],
        [
          'cold workerd start → first GET /api/health 200',
          `median ${c.medianMs} ms (min ${c.minMs}, max ${c.maxMs}, ${c.runs} starts)`,
          '—',
        ],
        ['the same request, warm', `${c.warmMs} ms`, '—'],
      ],
    ),
    '',
    `Largest parts of the bundle (minified, before gzip): ${b.largestInputs.map((i) => `${i.name} ${kib(i.rawBytes)} KiB`).join(', ')}.`,
  ].join('\n');
}

/** What one page missed of its targets: score, LCP and first paint for all, JS for the first page. */
function pageMisses(p: MeasuredPage): string[] {
  return [
    p.score >= targets.pageScore ? '' : `score ${p.score}`,
    p.lcpMs <= targets.lcpMs ? '' : `LCP ${(p.lcpMs / 1000).toFixed(2)} s`,
    p.firstPaintGzipBytes <= targets.firstPaintGzipKiB * 1024 ? '' : 'HTML+CSS',
    p.name !== 'home' || p.jsGzipBytes <= targets.firstPageJsGzipKiB * 1024 ? '' : 'first-page JS',
  ].filter(Boolean);
}

/** Why a page's failed attempts failed, counted: "NO_NAVSTART ×2". */
function failureSummary(failures: string[]): string {
  const counted = new Map<string, number>();
  for (const why of failures) counted.set(why, (counted.get(why) ?? 0) + 1);
  return [...counted].map(([why, n]) => (n > 1 ? `${why} ×${n}` : why)).join('; ');
}

export function pagesTable(pages: PagesResult): string {
  const rows = (list: PageResult[]) =>
    list.map((p) => {
      if (p.failed)
        return [p.name, `**failed** (${failureSummary(p.failures)})`, ...Array(8).fill('—'), '**missed** (no figures)'];
      const scores = [...p.runs.map(String), ...Array(p.failedRuns).fill('failed')];
      const misses = pageMisses(p);
      return [
        p.name,
        `${p.score}${scores.length > 1 ? ` (${scores.join(', ')})` : ''}`,
        (p.fcpMs / 1000).toFixed(2),
        (p.lcpMs / 1000).toFixed(2),
        p.tbtMs,
        p.cls,
        kib(p.transferBytes),
        kib(p.jsTransferBytes),
        kib(p.jsGzipBytes),
        kib(p.firstPaintGzipBytes),
        misses.length ? `**missed**: ${misses.join(', ')}` : 'met',
      ];
    });
  const head = [
    'page',
    'score (runs)',
    'FCP s',
    'LCP s',
    'TBT ms',
    'CLS',
    'transfer KiB',
    'JS sent KiB',
    'JS gzip KiB',
    'HTML+CSS gzip KiB',
    `targets (score ≥ ${targets.pageScore}, LCP ≤ ${targets.lcpMs / 1000} s, HTML+CSS ≤ ${targets.firstPaintGzipKiB} KiB; home: JS ≤ ${targets.firstPageJsGzipKiB} KiB)`,
  ];
  const node = pages.variants.node;
  const home = node.find((p): p is MeasuredPage => p.name === 'home' && !p.failed);
  const worstFirstPaint = Math.max(...node.map((p) => p.firstPaintGzipBytes));
  const measured = node.filter((p): p is MeasuredPage => !p.failed);
  const retried = node.filter((p) => p.failures.length > 0);
  const lines = [
    'As the Node entry serves them (`npm start`: built files sent precompressed, brotli or gzip; app answers gzipped). Medians of each figure over the runs; requests and sizes from the run with the median score:',
    '',
    table(head, rows(node)),
    '',
    `Pages meeting score and LCP: ${measured.filter((p) => p.score >= targets.pageScore && p.lcpMs <= targets.lcpMs).length} of ${node.length}. ` +
      `JS for the first page (home), gzipped, the service worker's registration included (it is in the app's entry): ${home ? kib(home.jsGzipBytes) : '?'} KiB (target ≤ ${targets.firstPageJsGzipKiB} KiB: ${verdict(!!home && home.jsGzipBytes <= targets.firstPageJsGzipKiB * 1024)}); ` +
      `the service worker itself (/sw.js, fetched after the page has loaded): ${kib(pages.serviceWorkerGzipBytes)} KiB. ` +
      `HTML + render-blocking CSS, gzipped: at most ${kib(worstFirstPaint)} KiB (target ≤ ${targets.firstPaintGzipKiB} KiB: ${verdict(worstFirstPaint <= targets.firstPaintGzipKiB * 1024)}).`,
    retried.length
      ? `Runs tried again: ${retried.map((p) => `${p.name} (${failureSummary(p.failures)})`).join(', ')}.`
      : 'No run had to be tried again.',
  ];
  if (pages.variants.gzip) {
    lines.push(
      '',
      'Behind gzip (Hono `compress()` in front of the same app, as a CDN would add; what is compressed already passes through, so this should match the table above):',
      '',
      table(head, rows(pages.variants.gzip)),
    );
  }
  lines.push(
    '',
    `Lighthouse ${pages.lighthouse}, ${pages.preset}, ${pages.chromium}, ${pages.runsPerPage} run(s) per page, each in a fresh Chromium; a failed run tried up to ${pages.retriesPerRun} more times.`,
  );
  return lines.join('\n');
}

/** The parts' results, as bench/run.ts keeps them. */
type Parts = { api?: ApiResult; worker?: WorkerResult; pages?: PagesResult; roundTrips?: { rows: RoundTripVerdict[] } };
type RoundTripVerdict = { kind: string; roundTrips: number; met: boolean | null };

/**
 * One line per target of the performance issue, met or missed, from the parts that ran (a part
 * that did not run says so rather than passing).
 */
export function summaryTable(parts: Parts): string {
  const row = (target: string, ok: boolean | undefined, figure: string) => [
    target,
    figure,
    ok === undefined ? 'not run' : verdict(ok),
  ];
  const { api, worker, pages, roundTrips } = parts;
  const reads = api?.endpoints.filter((e) => !e.writes) ?? [];
  const writes = api?.endpoints.filter((e) => e.writes) ?? [];
  const worstRead = reads.reduce((w, e) => (e.percentOfFloor < w.percentOfFloor ? e : w), reads[0]!);
  const writesOk = writes.every(
    (e) =>
      e.percentOfFloor >= targets.readPercentOfFloor &&
      e.app.reqPerSec >= targets.submissionsPerSecond &&
      e.app.non2xx + e.app.errors + e.app.timeouts === 0 &&
      e.writes!.lost === 0,
  );
  const over = roundTrips?.rows.filter((r) => r.roundTrips > 1) ?? [];
  const slow = roundTrips?.rows.filter((r) => r.met === false) ?? [];
  const growth = api?.growth?.endpoints ?? [];
  const worstGrowth = growth.reduce((w, e) => (e.ratio > w.ratio ? e : w), growth[0]!);
  const memory = api?.memory;
  const measured = pages?.variants.node.filter((p): p is Extract<PageResult, { failed: false }> => !p.failed) ?? [];
  const pagesOk =
    pages && measured.length === pages.variants.node.length
      ? measured.every((p) => p.score >= targets.pageScore && p.lcpMs <= targets.lcpMs)
      : pages && false;
  const home = measured.find((p) => p.name === 'home');
  const firstPaint = Math.max(0, ...(pages?.variants.node.map((p) => p.firstPaintGzipBytes) ?? []));
  return table(
    ['target', 'figure', ''],
    [
      row(
        `1. every read ≥ ${targets.readPercentOfFloor}% of its floor`,
        api && reads.length ? reads.every((e) => e.percentOfFloor >= targets.readPercentOfFloor) : undefined,
        worstRead ? `lowest: ${worstRead.label} ${worstRead.percentOfFloor.toFixed(0)}%` : '—',
      ),
      row(
        `1. writes ≥ ${targets.readPercentOfFloor}% of floor, ≥ ${int(targets.submissionsPerSecond)}/s, no errors, none lost`,
        api && writes.length ? writesOk : undefined,
        writes
          .map((e) => `${e.label} ${int(e.app.reqPerSec)}/s, ${e.percentOfFloor.toFixed(0)}%, lost ${e.writes!.lost}`)
          .join('; ') || '—',
      ),
      row(
        '2. at most one round trip per resident read and per write',
        roundTrips ? over.length === 0 : undefined,
        roundTrips
          ? over.length
            ? `${over.length} over one`
            : `${roundTrips.rows.length} requests, none over one`
          : '—',
      ),
      row(
        '2. p50 through the Worker ≤ one round trip + 10 ms',
        roundTrips ? slow.length === 0 : undefined,
        roundTrips ? `${slow.length} of ${roundTrips.rows.length} over` : '—',
      ),
      row(
        `3. p50 at ${api?.growth?.factor ?? 10}× the data ≤ ${targets.growthRatio}× its 1× p50`,
        growth.length ? growth.every((e) => e.ratio <= targets.growthRatio) : undefined,
        worstGrowth ? `highest: ${worstGrowth.label} ${worstGrowth.ratio.toFixed(2)}×` : '—',
      ),
      row(
        `4. server memory ≤ ${targets.memoryMiB} MiB, no growth on a second run`,
        memory
          ? Math.max(memory.afterFirst.rssMiB, memory.afterSecond.rssMiB) <= targets.memoryMiB &&
              memory.growthMiB <= memory.afterFirst.rssMiB * 0.05
          : undefined,
        memory ? `${memory.afterFirst.rssMiB} → ${memory.afterSecond.rssMiB} MiB` : '—',
      ),
      row(
        `5. every resident page ≥ ${targets.pageScore} and LCP ≤ ${targets.lcpMs / 1000} s`,
        pagesOk,
        pages
          ? `${measured.filter((p) => p.score >= targets.pageScore && p.lcpMs <= targets.lcpMs).length} of ${pages.variants.node.length} pages`
          : '—',
      ),
      row(
        `5. first-page JS ≤ ${targets.firstPageJsGzipKiB} KiB, first paint ≤ ${targets.firstPaintGzipKiB} KiB (gzipped)`,
        pages
          ? !!home &&
              home.jsGzipBytes <= targets.firstPageJsGzipKiB * 1024 &&
              firstPaint <= targets.firstPaintGzipKiB * 1024
          : undefined,
        pages ? `${home ? kib(home.jsGzipBytes) : '?'} KiB; ${kib(firstPaint)} KiB` : '—',
      ),
      row(
        `6. Worker ≤ ${targets.workerGzipKiB} KiB gzipped`,
        worker ? worker.bundle.gzipBytes <= targets.workerGzipKiB * 1024 : undefined,
        worker ? `${kib(worker.bundle.gzipBytes)} KiB; cold start median ${worker.coldStart.medianMs} ms` : '—',
      ),
    ],
  );
}
