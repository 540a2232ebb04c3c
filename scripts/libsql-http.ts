/**
 * A local stand-in for a libSQL server (sqld / Turso) speaking Hrana over HTTP (v2, JSON), so that the
 * Worker, which reaches its database over HTTP only (`@libsql/client/http`), can be tested against a file.
 * CLI: `node scripts/libsql-http.ts [--port 8080] [--host 127.0.0.1]`, serving DATABASE_URL.
 *
 * As in sqld, every stream owns one connection, so interactive transactions work. It drives the `libsql`
 * engine directly: the embedded `@libsql/client` lends a pooled connection per call and rolls back
 * whatever the call left open, so a BEGIN sent in one HTTP request would be gone by the next.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'libsql';

type Value =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };
type Stmt = { sql?: string; sql_id?: number; args?: Value[]; named_args?: { name: string; value: Value }[]; want_rows?: boolean };
type Cond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: Cond }
  | { type: 'and' | 'or'; conds: Cond[] }
  | { type: 'is_autocommit' };
type StreamRequest =
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; batch: { steps: { condition?: Cond | null; stmt: Stmt }[] } }
  | { type: 'sequence' | 'describe'; sql?: string; sql_id?: number }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' | 'close' };
type StmtResult = { cols: { name: string; decltype: string | null }[]; rows: Value[][]; affected_row_count: number; last_insert_rowid: string | null };
type HranaError = { message: string; code?: string };
type Stream = { db: Database.Database; sqls: Map<number, string>; expiry?: NodeJS.Timeout };

/** Like sqld, drop a stream (rolling back its transaction) when its client has gone quiet this long. */
const streamIdleMs = 10_000;
/** Every connection shares Node's one thread, so one waiting for a lock must yield rather than block. */
const busyRetryMs = 5_000;

function toSql(value: Value): unknown {
  switch (value.type) {
    case 'null': return null;
    case 'integer': return BigInt(value.value);
    case 'float': case 'text': return value.value;
    case 'blob': return Buffer.from(value.base64, 'base64');
  }
}

function fromSql(value: unknown): Value {
  if (value === null) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: String(value) };
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  throw new TypeError(`Unexpected value from libSQL: ${typeof value}`);
}

function toError(e: unknown): HranaError {
  // sqld reports the primary result code (SQLITE_CONSTRAINT, not SQLITE_CONSTRAINT_UNIQUE)
  if (e instanceof Database.SqliteError) return { message: `SQLite error: ${e.message}`, code: e.code.split('_', 2).join('_') };
  return { message: e instanceof Error ? e.message : String(e) };
}

function sqlOf(stream: Stream, sql: string | undefined, sqlId: number | undefined): string {
  const text = sql ?? (sqlId === undefined ? undefined : stream.sqls.get(sqlId));
  if (text === undefined) throw new Error(sqlId === undefined ? 'Request has neither sql nor sql_id' : `No SQL stored as ${sqlId}`);
  return text;
}

async function whileBusy<T>(work: () => T): Promise<T> {
  const deadline = Date.now() + busyRetryMs;
  for (;;) {
    try {
      return work();
    } catch (e) {
      if (!(e instanceof Database.SqliteError && e.code === 'SQLITE_BUSY') || Date.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

async function execute(stream: Stream, stmt: Stmt): Promise<StmtResult> {
  const named = stmt.named_args ?? [];
  if (named.length > 0 && (stmt.args ?? []).length > 0) throw new Error('Specifying both positional and named arguments is not supported');
  // libsql binds `:name`, `@name` and `$name` alike when given the bare name
  const args = named.length > 0
    ? Object.fromEntries(named.map(({ name, value }) => [name.replace(/^[:@$]/, ''), toSql(value)]))
    : (stmt.args ?? []).map(toSql);
  const counters = () => stream.db.prepare('SELECT total_changes(), changes(), last_insert_rowid()').raw(true).safeIntegers(true).get() as bigint[];
  const prepared = await whileBusy(() => stream.db.prepare(sqlOf(stream, stmt.sql, stmt.sql_id)).safeIntegers(true));
  // retry the same statement: libsql leaves one that failed with SQLITE_BUSY running, and a running
  // statement keeps its connection from committing until the garbage collector finalizes it
  return whileBusy(() => {
    const before = counters()[0];
    const rows = prepared.reader ? (prepared.raw(true).all(args) as unknown[][]) : (prepared.run(args), []);
    // changes() and last_insert_rowid() outlive the statement that set them; report them only for one that wrote
    const [total, changes, rowid] = counters();
    const wrote = total !== before;
    return {
      cols: prepared.reader ? prepared.columns().map((c) => ({ name: c.name, decltype: c.type })) : [],
      rows: stmt.want_rows === false ? [] : rows.map((row) => row.map(fromSql)),
      affected_row_count: wrote ? Number(changes) : 0,
      last_insert_rowid: wrote ? String(rowid) : null,
    };
  });
}

function open(path: string): Database.Database {
  const db = new Database(path);
  db.exec('PRAGMA busy_timeout = 0'); // libsql waits 5 s by default, blocking every other stream meanwhile
  return db;
}

function closeStream(stream: Stream): void {
  clearTimeout(stream.expiry);
  // statements not yet garbage-collected keep a closed connection alive, lock and all, so end its transaction first
  if (stream.db.inTransaction) stream.db.exec('ROLLBACK');
  stream.db.close();
}

async function batch(stream: Stream, steps: { condition?: Cond | null; stmt: Stmt }[]) {
  const step_results: (StmtResult | null)[] = [];
  const step_errors: (HranaError | null)[] = [];
  const holds = (cond: Cond): boolean => {
    switch (cond.type) {
      case 'ok': return step_results[cond.step] != null;
      case 'error': return step_errors[cond.step] != null;
      case 'not': return !holds(cond.cond);
      case 'and': return cond.conds.every(holds);
      case 'or': return cond.conds.some(holds);
      case 'is_autocommit': return !stream.db.inTransaction;
    }
  };
  for (const { condition, stmt } of steps) {
    let result: StmtResult | null = null;
    let error: HranaError | null = null;
    if (!condition || holds(condition)) {
      try {
        result = await execute(stream, stmt);
      } catch (e) {
        error = toError(e);
      }
    }
    step_results.push(result);
    step_errors.push(error);
  }
  return { step_results, step_errors };
}

async function handle(stream: Stream, req: StreamRequest): Promise<object> {
  switch (req.type) {
    case 'execute': return { type: 'execute', result: await execute(stream, req.stmt) };
    case 'batch': return { type: 'batch', result: await batch(stream, req.batch.steps) };
    case 'sequence': stream.db.exec(sqlOf(stream, req.sql, req.sql_id)); return { type: 'sequence' };
    case 'describe': throw new Error('describe is not supported by this stand-in');
    case 'store_sql': stream.sqls.set(req.sql_id, req.sql); return { type: 'store_sql' };
    case 'close_sql': stream.sqls.delete(req.sql_id); return { type: 'close_sql' };
    case 'get_autocommit': return { type: 'get_autocommit', is_autocommit: !stream.db.inTransaction };
    case 'close': return { type: 'close' };
  }
  throw new Error(`Unknown stream request ${JSON.stringify(req)}`);
}

export async function startLibsqlHttpServer(options: { databaseUrl: string; port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }> {
  if (!options.databaseUrl.startsWith('file:')) throw new Error(`Expected a file: URL, got ${options.databaseUrl}`);
  const path = options.databaseUrl.slice('file:'.length).split('?')[0]!;
  // every stream opens its own connection, and each would see its own empty in-memory database
  if (path === '' || path.includes(':memory:')) throw new Error('An in-memory database cannot be shared between streams; use a file');
  mkdirSync(dirname(path), { recursive: true });
  // fail now rather than on the first request; WAL (as in sqld) lets readers go on while a stream writes
  const probe = open(path);
  probe.exec('PRAGMA journal_mode = WAL');
  probe.close();

  const streams = new Map<string, Stream>(); // idle streams by baton; a stream in use is in no map
  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type }).end(body);
  };

  async function pipeline(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { baton?: string | null; requests: StreamRequest[] };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
    } catch {
      return send(res, 400, 'text/plain', 'Request body is not JSON');
    }
    const stream = body.baton ? streams.get(body.baton) : { db: open(path), sqls: new Map<number, string>() };
    if (!stream) return send(res, 400, 'text/plain', 'Baton is invalid, already used or expired');
    if (body.baton) streams.delete(body.baton); // batons are single-use: the response carries the next one
    clearTimeout(stream.expiry);
    const results: object[] = [];
    let alive = true;
    for (const request of body.requests) {
      try {
        if (!alive) throw new Error('Stream is closed');
        results.push({ type: 'ok', response: await handle(stream, request) });
        if (request.type === 'close') alive = false;
      } catch (e) {
        results.push({ type: 'error', error: toError(e) });
      }
    }
    let baton: string | null = null;
    if (alive) {
      const next = (baton = randomBytes(18).toString('base64url'));
      streams.set(next, stream);
      stream.expiry = setTimeout(() => streams.delete(next) && closeStream(stream), streamIdleMs).unref();
    } else {
      closeStream(stream);
    }
    send(res, 200, 'application/json', JSON.stringify({ baton, base_url: null, results }));
  }

  const server = createServer((req, res) => {
    const route = `${req.method} ${new URL(req.url ?? '/', 'http://localhost').pathname}`;
    // only v2 is offered: a client that finds /v3 or /v3-protobuf expects cursors or Protobuf
    if (route === 'POST /v2/pipeline') {
      pipeline(req, res).catch((e: unknown) => send(res, 500, 'text/plain', String(e)));
    } else if (route === 'GET /v2' || route === 'GET /' || route === 'GET /health') {
      send(res, 200, 'text/plain', 'Hrana over HTTP v2 (local libSQL stand-in)\n');
    } else {
      send(res, 404, 'text/plain', 'Not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, family, port } = server.address() as AddressInfo;
  return {
    url: `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`,
    async close() {
      const closed = new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      server.closeAllConnections();
      for (const stream of streams.values()) closeStream(stream);
      streams.clear();
      await closed;
    },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, host: { type: 'string' } } });
  const databaseUrl = process.env.DATABASE_URL || 'file:data/linli.db';
  const { url } = await startLibsqlHttpServer({ databaseUrl, port: Number(values.port), host: values.host });
  console.log(`Serving ${databaseUrl} over Hrana/HTTP at ${url}`);
}
