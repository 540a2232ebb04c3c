import Database from 'libsql';

/** How many compiled statements each embedded connection keeps: the app runs fewer distinct ones. */
export const statementsPerConnection = 500;
/**
 * Each embedded connection's page cache, in KiB (SQLite's default is 2 MiB). A client opens a
 * few connections (`connectionsPerFile`), not twenty, so each keeps more of the file: at ten
 * times the district's data, 2 MiB each made every lookup a read from the file.
 */
export const pageCacheKiB = 8192;

type Connection = Database.Database;
type Statement = Database.Statement;
type Kept = { schema: Statement; version: number | undefined; statements: Map<string, Statement> };
const kept = new WeakMap<Connection, Kept>();
const compile = Database.prototype.prepare;

/**
 * Makes a statement remember what libSQL would work out again on each call: its columns (about
 * 18 µs, more than compiling it; the client asks twice per run) and the modes the client sets
 * before each run (`raw`, which throws for a statement that returns no rows, and `safeIntegers`).
 */
function remembering(statement: Statement): Statement {
  const { columns, raw, safeIntegers } = statement;
  let known: ReturnType<Statement['columns']> | undefined;
  let rawMode: boolean | Error | undefined;
  let safe: boolean | undefined;
  statement.columns = () => {
    known = known ?? columns.call(statement);
    return known;
  };
  statement.raw = (toggle = true) => {
    if (rawMode instanceof Error) throw rawMode;
    if (rawMode === toggle) return statement;
    try {
      raw.call(statement, toggle);
    } catch (error) {
      rawMode = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
    rawMode = toggle;
    return statement;
  };
  statement.safeIntegers = (toggle = true) => {
    if (safe !== toggle) safeIntegers.call(statement, toggle);
    safe = toggle;
    return statement;
  };
  return statement;
}

/**
 * Makes each embedded connection compile a statement once and reuse it, as a server does.
 * @libsql/client prepares every statement again on each call, and each compiled statement is freed
 * only when the garbage collector takes its wrapper; under load that is a tenth or more of the
 * server's CPU, and the native memory of thousands of statements between collections.
 * The client runs each statement to its end (`all` or `run`) within one synchronous call and sets
 * its modes (`raw`, `safeIntegers`) each time, so a kept statement is never shared mid-step.
 * A connection gets a page cache of `pageCacheKiB` when first used.
 * It keeps the `statementsPerConnection` statements it used last, and forgets them all
 * when the schema changes (a kept statement would still report the old columns, and keeps them).
 * @example keepCompiledStatements(); // once, before embedded connections are used
 */
export function keepCompiledStatements() {
  Database.prototype.prepare = function prepare(this: Connection, sql: string): Statement {
    let connection = kept.get(this);
    if (!connection) {
      this.exec(`PRAGMA cache_size = -${pageCacheKiB}`);
      connection = {
        schema: compile.call(this, 'PRAGMA schema_version').raw(true),
        version: undefined,
        statements: new Map(),
      };
      kept.set(this, connection);
    }
    const [version] = connection.schema.get() as [number];
    if (version !== connection.version) {
      connection.version = version;
      connection.statements.clear();
    }
    const { statements } = connection;
    const statement = statements.get(sql) ?? remembering(compile.call(this, sql));
    // Map keeps insertion order: taking a statement out and back in makes it the newest.
    statements.delete(sql);
    statements.set(sql, statement);
    if (statements.size > statementsPerConnection) statements.delete(statements.keys().next().value!);
    return statement;
  } as Connection['prepare'];
}
