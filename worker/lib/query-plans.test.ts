/**
 * Cost as the district grows: the SQL behind the resident pages and the staff queues must find
 * its rows through an index, never by reading a whole table. Each hot request runs through the
 * app on a demo database while every statement it sends is recorded; then SQLite is asked how it
 * would run each one (EXPLAIN QUERY PLAN, with the same arguments), and any step that reads a
 * whole table fails the test with the request, the statement and the plan. The database keeps no
 * ANALYZE statistics, so SQLite plans from the schema and the statement, not from how many rows
 * there are: the plans on the demo data are the ones a whole district's data gets.
 */
import type { Client, InArgs, InStatement } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { aTicket } from '../desk/test-helpers.ts';
import { aVisit } from '../home-visits/test-helpers.ts';
import { demoPassword, freshDatabase, testPlatform } from '../node/test-database.ts';
import { aWish } from '../renovation/test-helpers.ts';

/** The tests' "now": 2026-11-26 10:00 in Zhengzhou, as the other tests' demo data. */
const START = Date.UTC(2026, 10, 26, 2);

type Recorded = { sql: string; args: InArgs };

/** Keeps every statement the app sends through `client` while `into` is set. */
function record(client: Client) {
  const state: { into: Recorded[] | null } = { into: null };
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  const keep = (stmt: InStatement | [string, InArgs?] | string, args?: InArgs) => {
    const one =
      typeof stmt === 'string'
        ? { sql: stmt, args: args ?? [] }
        : Array.isArray(stmt)
          ? { sql: stmt[0], args: stmt[1] ?? [] }
          : { sql: stmt.sql, args: stmt.args ?? [] };
    state.into?.push(one);
    return one;
  };
  client.execute = ((stmt: InStatement, args?: InArgs) => execute(keep(stmt, args))) as Client['execute'];
  client.batch = ((stmts: InStatement[], mode) => {
    for (const stmt of stmts) keep(stmt);
    return batch(stmts, mode);
  }) as Client['batch'];
  return state;
}

let database: Awaited<ReturnType<typeof freshDatabase>>;
let recorder: ReturnType<typeof record>;
let app: ReturnType<typeof createApp>;
const origin = 'http://localhost';

beforeAll(async () => {
  database = await freshDatabase({ demo: true, now: START });
  recorder = record(database.client);
  // A web app shell, so the share pages (news, events, renovation) read their rows too.
  const shell = async () => '<!doctype html><html><head><title>邻里</title></head><body></body></html>';
  app = createApp(testPlatform(database.db, { now: () => START, shell }));
});
afterAll(() => database.cleanup());

const request = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  app.request(path, {
    method: init.method ?? 'GET',
    headers: {
      Origin: origin,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function signIn(login: string) {
  const res = await request('/api/auth/login', { method: 'POST', body: { login, password: demoPassword } });
  if (res.status !== 200) throw new Error(`sign-in as ${login} failed: ${res.status}`);
  return { Authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** Runs one request while recording, and returns its answer and what it sent to the database. */
async function recorded(path: string, init: Parameters<typeof request>[1] = {}) {
  const statements: Recorded[] = [];
  recorder.into = statements;
  try {
    const res = await request(path, init);
    const text = await res.text();
    // Work started after the answer (message delivery) belongs to the request too.
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { status: res.status, text, statements };
  } finally {
    recorder.into = null;
  }
}

type PlanRow = { id: number; parent: number; detail: string };

async function planOf(stmt: Recorded): Promise<PlanRow[]> {
  const rs = await database.client.execute({ sql: `EXPLAIN QUERY PLAN ${stmt.sql}`, args: stmt.args });
  return rs.rows.map((row) => ({ id: Number(row.id), parent: Number(row.parent), detail: String(row.detail) }));
}

/**
 * Tables that may be read whole, each bounded by something other than the district's growth.
 * Keep this short: an index is the better answer.
 */
const boundedTables: Record<string, string> = {
  // The State Council's holidays and make-up working days: about 35 rows a year, entered by the
  // district admin once a year; read whole (every due date needs it) once per 5 minutes and kept.
  calendar_days: 'the official calendar, a few dozen days a year',
};

/** The statement with every parenthesised part (subqueries, function arguments) taken out. */
function outerLevel(sql: string): string {
  let out = sql;
  for (let inner = out.replace(/\([^()]*\)/g, ''); inner !== out; inner = out.replace(/\([^()]*\)/g, '')) out = inner;
  return out;
}

/** True when the statement's own rows come sorted by the walk itself (no sort step at the top). */
const sortsAtTop = (plan: PlanRow[]) =>
  plan.some((row) => row.parent === 0 && row.detail.startsWith('USE TEMP B-TREE FOR ORDER BY'));

/**
 * The newest (or oldest) rows of a table with no filter at all — the district admin's queue
 * before any filter is chosen — are a walk down the primary key that stops at the LIMIT: SQLite
 * calls it `SCAN`, but it reads only LIMIT rows. It needs no WHERE at the top level, ORDER BY the
 * table's `id` alone, a LIMIT, and no sort of its own (a `TEMP B-TREE` would mean every row).
 */
function isLimitedWalk(table: string, sql: string, plan: PlanRow[]): boolean {
  const top = outerLevel(sql);
  const byId = new RegExp(`from "${table}" .*order by "${table}"\\."id"(?: asc| desc)? limit \\?$`);
  return !sortsAtTop(plan) && byId.test(top) && !/ where /i.test(top);
}

/**
 * The steps of a plan that read a whole table (or all of one of its indexes). Fine are: a
 * search (`SEARCH`), a full-text index (`VIRTUAL TABLE INDEX`), a constant row, a subquery's or
 * CTE's own already-filtered rows, a table named in `boundedTables`, a walk down the primary key
 * that LIMIT stops (`isLimitedWalk`), and a walk down an index at the top of a LIMITed statement
 * that needs no sort of its own (the index gives the order, LIMIT ends it). An index walked whole — for a count, inside a subquery run per row, or to check a
 * foreign key — is still every row.
 */
function wholeTableScans(sql: string, plan: PlanRow[]): string[] {
  const derived = new Set(plan.flatMap((row) => /^(?:MATERIALIZE|CO-ROUTINE) (\S+)/.exec(row.detail)?.slice(1) ?? []));
  const limited = / limit \?$/i.test(outerLevel(sql)) && !sortsAtTop(plan);
  return plan
    .filter((row) => {
      const scan = /^SCAN (\S+)/.exec(row.detail);
      if (!scan) return false;
      const table = scan[1]!;
      if (row.detail === 'SCAN CONSTANT ROW' || table.startsWith('(') || derived.has(table)) return false;
      if (row.detail.includes(' VIRTUAL TABLE INDEX ') || table in boundedTables) return false;
      if (/ USING (?:COVERING )?INDEX /.test(row.detail)) return !(row.parent === 0 && limited);
      return !(row.parent === 0 && isLimitedWalk(table, sql, plan));
    })
    .map((row) => row.detail);
}

/** What the steps take from an answer to make the next request: ids, a number and its token. */
type Answer = Record<string, unknown> & {
  number: string;
  token: string;
  articles: { id: number }[];
  events: { id: number }[];
  projects: { id: number }[];
};

const firstId = (list: { id: number }[]) => {
  if (!list[0]) throw new Error('the demo data has none');
  return list[0].id;
};

type Endpoint = { name: string; status: number; statements: Recorded[] };
const endpoints: Endpoint[] = [];

/** Runs one hot request, keeps what it sent, and hands back its JSON answer for the next steps. */
async function hot(name: string, path: string, init: Parameters<typeof request>[1] = {}) {
  const r = await recorded(path, init);
  endpoints.push({ name: `${init.method ?? 'GET'} ${name}`, status: r.status, statements: r.statements });
  return (r.text.startsWith('{') ? JSON.parse(r.text) : {}) as Answer;
}

beforeAll(async () => {
  // Resident pages.
  await hot('/api/news?community=…', '/api/news?community=yongan');
  await hot('/api/news?subdistrict=…', '/api/news?subdistrict=jianzhongjie');
  await hot('/api/news (district)', '/api/news?district=1');
  const { articles } = await hot('/api/news', '/api/news');
  await hot('/api/news/:id', `/api/news/${firstId(articles)}`);
  await hot('/news/:id (share page)', `/news/${firstId(articles)}`);
  await hot('/api/news?q=小板凳 (search, 3+ characters)', `/api/news?district=1&q=${encodeURIComponent('小板凳')}`);
  await hot('/api/news?q=物业 (search, 2 characters)', `/api/news?district=1&q=${encodeURIComponent('物业')}`);
  await hot('/api/news?q=灯 (search, 1 character)', `/api/news?district=1&q=${encodeURIComponent('灯')}`);
  await hot('/api/news?column=…', `/api/news?district=1&column=${encodeURIComponent('社区小喇叭')}`);
  await hot('/api/news?before=…', '/api/news?community=yongan&before=1800000000000_1000');
  await hot('/api/news?q=… in a community', `/api/news?community=yongan&q=${encodeURIComponent('小板凳')}`);
  await hot('/feeds/news.rss?community=…', '/feeds/news.rss?community=yongan');
  await hot('/feeds/news.atom?subdistrict=…', '/feeds/news.atom?subdistrict=jianzhongjie');
  await hot('/feeds/news.json', '/feeds/news.json');
  const { events } = await hot('/api/events?community=…', '/api/events?community=jieyunlu');
  await hot('/api/events?subdistrict=…', '/api/events?subdistrict=jianzhongjie');
  await hot('/api/events?district=1', '/api/events?district=1');
  await hot('/api/events?district=1&when=past', '/api/events?district=1&when=past');
  await hot('/api/events?when=past', '/api/events?community=jieyunlu&when=past');
  const event = firstId(events);
  await hot('/api/events/:id', `/api/events/${event}`);
  await hot('/events/:id (share page)', `/events/${event}`);
  await hot('/api/events/:id/calendar.ics', `/api/events/${event}/calendar.ics`);
  await hot('/feeds/events.ics?community=…', '/feeds/events.ics?community=jieyunlu');
  await hot('/feeds/events.ics?subdistrict=…', '/feeds/events.ics?subdistrict=jianzhongjie');
  await hot('/api/events/:id/signups (sign-up)', `/api/events/${event}/signups`, {
    method: 'POST',
    body: { name: '王阿姨', phone: '13800000077', seats: 1 },
    headers: { 'Idempotency-Key': 'plans-signup-1' },
  });
  await hot('/api/tickets/categories', '/api/tickets/categories?community=yongan');
  const ticketBody = aTicket;
  const ticket = await hot('/api/tickets (file a ticket)', '/api/tickets', {
    method: 'POST',
    body: ticketBody,
    headers: { 'Idempotency-Key': 'plans-ticket-1' },
  });
  await hot('/api/tickets (the same Idempotency-Key again)', '/api/tickets', {
    method: 'POST',
    body: ticketBody,
    headers: { 'Idempotency-Key': 'plans-ticket-1' },
  });
  await hot('/api/tickets/:number?token=…', `/api/tickets/${ticket.number}?token=${ticket.token}`);
  await hot('/api/board?community=…', '/api/board?community=yongan');
  await hot('/api/board?subdistrict=…', '/api/board?subdistrict=jianzhongjie');
  await hot('/api/board?district=1', '/api/board?district=1');
  await hot('/api/board/:number/me-too', `/api/board/${ticket.number}/me-too`, { method: 'POST' });
  await hot('/api/board/me-toos', `/api/board/me-toos?numbers=${ticket.number}`);
  const { projects } = await hot('/api/renovation/projects?community=…', '/api/renovation/projects?community=jieyunlu');
  const project = firstId(projects);
  await hot('/api/renovation/projects/:id', `/api/renovation/projects/${project}`);
  await hot('/renovation/:id (share page)', `/renovation/${project}`);
  const wish = await hot(
    '/api/renovation/projects/:id/wishes (send a wish)',
    `/api/renovation/projects/${project}/wishes`,
    {
      method: 'POST',
      body: aWish,
      headers: { 'Idempotency-Key': 'plans-wish-1' },
    },
  );
  await hot('/api/renovation/wishes/:number?token=…', `/api/renovation/wishes/${wish.number}?token=${wish.token}`);
  await hot('/api/renovation/wishes/:number/me-too', `/api/renovation/wishes/${wish.number}/me-too`, {
    method: 'POST',
  });
  await hot('/api/home-visits/services', '/api/home-visits/services?community=gongrenlu');
  const visit = await hot('/api/home-visits (ask for a visit)', '/api/home-visits', {
    method: 'POST',
    body: aVisit,
    headers: { 'Idempotency-Key': 'plans-visit-1' },
  });
  await hot('/api/home-visits/:number?token=…', `/api/home-visits/${visit.number}?token=${visit.token}`);

  // Staff queues and lists.
  const community = await signIn('yongan');
  for (const view of ['', 'mine', 'org', 'unassigned', 'overdue'])
    await hot(`/api/desk/tickets${view && `?view=${view}`}`, `/api/desk/tickets${view && `?view=${view}`}`, {
      headers: community,
    });
  await hot('/api/desk/tickets?status=open', '/api/desk/tickets?status=open', { headers: community });
  await hot('/api/desk/tickets/:number', `/api/desk/tickets/${ticket.number}`, { headers: community });
  const admin = await signIn('erqi-admin');
  await hot('/api/desk/tickets (district admin)', '/api/desk/tickets', { headers: admin });
  await hot('/api/desk/tickets?before=… (district admin)', '/api/desk/tickets?before=1000000', {
    headers: admin,
  });
  await hot('/api/desk/tickets?community=… (district admin)', '/api/desk/tickets?community=yongan', { headers: admin });
  await hot('/api/desk/tickets?overdue=1 (district admin)', '/api/desk/tickets?overdue=1', { headers: admin });
  await hot('/api/desk/tickets?status=closed (district admin)', '/api/desk/tickets?status=closed', { headers: admin });
  await hot('/api/desk/tickets?view=unassigned (district admin)', '/api/desk/tickets?view=unassigned', {
    headers: admin,
  });
  await hot('/api/desk/tickets?category=…', '/api/desk/tickets?category=repairs', { headers: community });
  await hot('/api/desk/tickets?owner=property', '/api/desk/tickets?owner=property', { headers: community });
  const property = await signIn('yongan-wuye');
  await hot('/api/desk/tickets (property company)', '/api/desk/tickets', { headers: property });
  await hot('/api/desk/tickets?view=mine (property company)', '/api/desk/tickets?view=mine', { headers: property });
  const subdistrict = await signIn('jianzhongjie');
  await hot('/api/desk/supervision', '/api/desk/supervision', { headers: subdistrict });
  await hot('/api/desk/supervision (district admin)', '/api/desk/supervision', { headers: admin });
  const gongrenlu = await signIn('gongrenlu');
  await hot('/api/desk/home-visits', '/api/desk/home-visits', { headers: gongrenlu });
  await hot('/api/desk/home-visits?status=open', '/api/desk/home-visits?status=open', { headers: gongrenlu });
  await hot('/api/desk/home-visits?overdue=1', '/api/desk/home-visits?overdue=1', { headers: gongrenlu });
  await hot('/api/desk/home-visits (district admin)', '/api/desk/home-visits', { headers: admin });
  const partner = await signIn('boc-zhongyuan');
  await hot('/api/desk/home-visits (partner)', '/api/desk/home-visits', { headers: partner });
  await hot('/api/desk/home-visits/:number', `/api/desk/home-visits/${visit.number}`, { headers: gongrenlu });
  const jieyunlu = await signIn('jieyunlu');
  await hot('/api/renovation/staff/projects/:id/wishes', `/api/renovation/staff/projects/${project}/wishes`, {
    headers: jieyunlu,
  });
  await hot(
    '/api/renovation/staff/projects/:id/wishes?outcome=open',
    `/api/renovation/staff/projects/${project}/wishes?outcome=open`,
    {
      headers: jieyunlu,
    },
  );
  await hot('/api/desk/follow-ups', '/api/desk/follow-ups', { headers: community });
}, 60_000);

describe('no hot query reads a whole table', () => {
  it('ran every hot request', () => {
    expect(endpoints.length).toBeGreaterThan(60);
    const failed = endpoints.filter((e) => e.status >= 300).map((e) => `${e.name}: ${e.status}`);
    expect(failed).toEqual([]);
    for (const e of endpoints) expect(e.statements.length, e.name).toBeGreaterThan(0);
  });

  it('finds the rows of every statement through an index', async () => {
    const problems: string[] = [];
    for (const e of endpoints) {
      for (const stmt of e.statements) {
        const plan = await planOf(stmt);
        const scans = wholeTableScans(stmt.sql, plan);
        if (scans.length)
          problems.push(
            `${e.name} reads a whole table (${scans.join('; ')}):\n  ${stmt.sql}\n${plan.map((r) => `    ${r.detail}`).join('\n')}`,
          );
      }
    }
    expect(problems.join('\n\n')).toBe('');
  });

  it('tells an indexed search from a read of the whole table', async () => {
    const plan = (sql: string) => planOf({ sql, args: [1] });
    const indexed = 'select id from tickets where community_id = ?';
    expect(wholeTableScans(indexed, await plan(indexed))).toEqual([]);
    const unindexed = 'select id from tickets not indexed where community_id = ?';
    expect(wholeTableScans(unindexed, await plan(unindexed))).toEqual(['SCAN tickets']);
    const newest = 'select "id" from "tickets" order by "tickets"."id" desc limit ?';
    expect(wholeTableScans(newest, await plan(newest))).toEqual([]);
    const filtered = 'select "id" from "tickets" where "tickets"."location" = ? order by "tickets"."id" desc limit ?';
    expect(wholeTableScans(filtered, await planOf({ sql: filtered, args: ['x', 1] }))).toEqual(['SCAN tickets']);
  });
});
