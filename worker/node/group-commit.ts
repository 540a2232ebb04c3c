import type { Client, InArgs, InStatement, ResultSet, TransactionMode } from '@libsql/client';

type Statement = InStatement | [string, InArgs?];
type Waiting = {
  stmts: Statement[];
  mode?: TransactionMode;
  resolve: (results: ResultSet[]) => void;
  reject: (error: unknown) => void;
};

/** Statements that change rows; anything else runs at once. */
const changesRows = /^\s*(insert|update|delete|replace)\b/i;
const sqlOf = (stmt: Statement) => (typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql);

/**
 * Group commit for an embedded database file. With `synchronous = FULL` every commit waits for
 * the disk (about a millisecond here), which would cap residents' writes near a thousand a second
 * however fast the rest is. So the writes that arrive in one turn of the event loop — batches,
 * and single INSERT/UPDATE/DELETE statements — are committed together, one after another in
 * one transaction: one wait for the disk serves them all. Each caller's statements still run in
 * order and as one unit, and its promise settles only after the commit, so an answered write is
 * on disk. If the group fails, each write is run again alone, so one bad write fails alone and
 * with its own error. Reads are not held up.
 * @example const client = groupCommits(createClient({ url: 'file:data/linli.db' }))
 */
export function groupCommits(client: Client): Client {
  let waiting: Waiting[] = [];

  const alone = async (w: Waiting) => {
    try {
      w.resolve(await client.batch(w.stmts, w.mode));
    } catch (error) {
      w.reject(error);
    }
  };

  const commit = async () => {
    const group = waiting;
    waiting = [];
    if (group.length === 1) return alone(group[0]!);
    let results: ResultSet[];
    try {
      results = await client.batch(
        group.flatMap((w) => w.stmts),
        'write',
      );
    } catch {
      for (const w of group) await alone(w);
      return;
    }
    let at = 0;
    for (const w of group) {
      w.resolve(results.slice(at, at + w.stmts.length));
      at += w.stmts.length;
    }
  };

  const enqueue = (stmts: Statement[], mode?: TransactionMode) =>
    new Promise<ResultSet[]>((resolve, reject) => {
      if (waiting.push({ stmts, mode, resolve, reject }) === 1) setImmediate(commit);
    });

  return {
    execute: ((stmt: InStatement | string, args?: InArgs) => {
      const one: InStatement = typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : stmt;
      const sql = typeof one === 'string' ? one : one.sql;
      return changesRows.test(sql) ? enqueue([one]).then((results) => results[0]!) : client.execute(one);
    }) as Client['execute'],
    // A batch of reads (a page read with its lookups in one round trip) is a read: it runs at once.
    batch: (stmts, mode) =>
      mode === 'read' || !stmts.some((s) => changesRows.test(sqlOf(s)))
        ? client.batch(stmts, mode)
        : enqueue(stmts, mode),
    migrate: (stmts) => client.migrate(stmts),
    transaction: ((mode?: TransactionMode) => client.transaction(mode)) as Client['transaction'],
    executeMultiple: (sql) => client.executeMultiple(sql),
    sync: () => client.sync(),
    close: () => client.close(),
    reconnect: () => client.reconnect(),
    get closed() {
      return client.closed;
    },
    get protocol() {
      return client.protocol;
    },
  };
}
