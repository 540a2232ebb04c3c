/**
 * `npm run build:worker`: bundles the Workers entry into worker/dist/index.js, which wrangler
 * uploads as it is (`no_bundle`; wrangler runs this as its custom build first).
 *
 * Why not wrangler's own bundling: rolldown (already here as Vite's bundler) bundles and terser
 * then minifies the same code ~4 % smaller than wrangler's esbuild, about 5.5 KiB gzipped of the
 * Worker's 128 KiB budget (terser's safe options only; three passes).
 * The resolution is the one wrangler uses for Workers (the `workerd` condition first), so `#hono`
 * is Hono's small preset here and the default one on Node.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSnakeCase } from 'drizzle-orm/casing';
import { rolldown } from 'rolldown';
import { minify } from 'terser';
import { applySwaps, drizzleIsByInstanceof, type Swap } from './swaps.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Modules the Worker reaches only through code it never runs, replaced by stubs that throw:
 * - drizzle's relational query API (`db.query`, `relations()`), which is set up only when
 *   `drizzle()` is given a schema, and the Worker gives none;
 * - the Hrana protobuf encoding and the HTTP cursor, used only on protocol version 3, while
 *   @libsql/client's HTTP client speaks version 2 (JSON) — so a request can never reach them.
 * A stub exports exactly the names the module exports (the bundler refuses a missing one), and
 * the workerd tests run the bundle that has them. About 3 KiB gzipped of the 128 KiB budget.
 */
const neverRun = [
  /node_modules\/drizzle-orm\/relations\.js$/,
  // Column builders for tables written as `(t) => ({ … })`; Linli's schema imports its column types.
  /node_modules\/drizzle-orm\/sqlite-core\/columns\/all\.js$/,
  /node_modules\/drizzle-orm\/sqlite-core\/query-builders\/query\.js$/,
  /node_modules\/@libsql\/hrana-client\/lib-esm\/(encoding\/protobuf\/|shared\/protobuf_|http\/protobuf_)[a-z_]+\.js$/,
  /node_modules\/@libsql\/hrana-client\/lib-esm\/http\/cursor\.js$/,
];

/**
 * Column names that are their key in snake_case (`followUpAt: integer('follow_up_at')`) are left
 * for drizzle to derive: the Worker's database is opened with `casing: 'snake_case'`, which does
 * exactly that (drizzle's own `toSnakeCase` decides here which names may go, so none changes).
 * Hundreds of names are that many strings fewer in the bundle.
 */
function withoutColumnNames(code: string): string {
  return code.replace(
    /\b(\w+): (integer|text|real)\('([a-z0-9_]+)'(, )?/g,
    (all, key: string, type: string, name: string, more?: string) =>
      toSnakeCase(key) === name ? `${key}: ${type}(${more ? '' : ''}` : all,
  );
}

/**
 * The schema's tables without their indexes, unique and composite keys (a table's third argument,
 * `(t) => [...]`) and foreign keys (`.references(() => …)`): only drizzle-kit reads them, to write
 * migrations; queries never do. The Worker is built from the same files, so this stays true as
 * the schema changes.
 */
function withoutTableExtras(code: string): string {
  return withoutColumnNames(code)
    .replace(/,\n {2}\(t\) => \[(?:[^\n]*\]|\n(?: {4}[^\n]*\n)*? {2}\]),?\n\);/g, '\n);')
    .replace(
      /\.references\(\(\): [\w]+ => [\w.]+(?:, \{[^}]*\})?\)|\.references\(\(\) => [\w.]+(?:, \{[^}]*\})?\)/g,
      '',
    );
}

/** The names a module exports (`export function|class|const NAME`, `export { a, b as c }`). */
function exportedNames(code: string): string[] {
  const names = [...code.matchAll(/^export\s+(?:async\s+)?(?:function\*?|class|const|let|var)\s+([\w$]+)/gm)].map(
    (m) => m[1]!,
  );
  for (const [, list] of code.matchAll(/^export\s*\{([^}]*)\}/gm))
    for (const item of list!.split(',')) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .at(-1);
      if (name) names.push(name);
    }
  return names;
}

/**
 * Class methods the Worker never calls, cut from their libraries' source (tree-shaking keeps every
 * method of a class it keeps): each cut runs from one marker to the next, both checked, so an
 * upgrade that moves them fails the build instead of shipping something else. What they are:
 * drizzle's relational query builder (see above), migrations (`npm run db:migrate` migrates; the
 * Worker never does), interactive transactions (the Worker writes with batches only) and Hono's
 * form parsing. With them go the classes and modules only they use.
 */
const cuts: { file: RegExp; from: string; to: string; methods: string[]; put?: string }[] = [
  {
    // drizzle's query cache: the Worker's drizzle() is given none, so every query takes the
    // first branch of queryWithCache (no cache) and the rest, with its hashing, never runs.
    file: /drizzle-orm\/sqlite-core\/session\.js$/,
    from: '    if (this.cacheConfig && !this.cacheConfig.enable) {',
    to: '  getQuery() {',
    methods: [],
    put: '    throw new Error("A query cache is not used by this Worker");\n  }\n',
  },
  {
    file: /drizzle-orm\/sqlite-core\/dialect\.js$/,
    from: '  buildRelationalQuery({',
    to: '\n}\nclass SQLiteSyncDialect extends SQLiteDialect {',
    methods: ['buildRelationalQuery'],
  },
  {
    file: /drizzle-orm\/sqlite-core\/dialect\.js$/,
    from: '  migrate(migrations, session, config) {',
    to: '\n}\nclass SQLiteAsyncDialect extends SQLiteDialect {',
    methods: ['migrate'],
  },
  {
    file: /drizzle-orm\/sqlite-core\/dialect\.js$/,
    from: '  async migrate(migrations, session, config) {',
    to: '\n}\nexport {',
    methods: ['migrate'],
  },
  {
    file: /drizzle-orm\/libsql\/session\.js$/,
    from: '  async migrate(queries) {',
    to: '  extractRawAllValueFromBatchResult(result) {',
    methods: ['migrate', 'transaction'],
  },
  {
    // Common table expressions and $count: no query of ours uses them.
    file: /drizzle-orm\/sqlite-core\/db\.js$/,
    from: '  $with = (alias, selection) => {',
    to: '  select(fields) {',
    methods: ['$with', '$count', 'with'],
  },
  {
    // SQL set operators (union, intersect, except): no query of ours combines selects that way.
    file: /drizzle-orm\/sqlite-core\/query-builders\/select\.js$/,
    from: '  createSetOperator(type, isAll) {',
    to: '  addSetOperators(setOperators) {',
    methods: ['createSetOperator'],
  },
  {
    // Hono's mount() for other frameworks' apps (deprecated there): Linli's routers are Hono's own.
    file: /hono\/dist\/hono-base\.js$/,
    from: '\tmount(path, applicationHandler, options) {',
    to: '\t#addRoute(method, path, handler, baseRoutePath) {',
    methods: ['mount'],
  },
  {
    // Hono's JSX rendering and layouts, and redirects: Linli's Worker answers JSON, files and its app's page.
    file: /hono\/dist\/context\.js$/,
    from: '\trender = (...args) => {',
    to: '\theader = (name, value, options) => {',
    methods: ['render', 'setLayout', 'getLayout', 'setRenderer'],
  },
  {
    file: /hono\/dist\/context\.js$/,
    from: '\tredirect = (location, status) => {',
    to: '\tnotFound = () => {',
    methods: ['redirect'],
  },
  {
    // Hono's form parsing: Open311's form posts are read with the runtime's own parser.
    file: /hono\/dist\/request\.js$/,
    from: '\tasync parseBody(options) {',
    to: '\t#cachedBody = (key) => {',
    methods: ['parseBody'],
  },
  {
    file: /@libsql\/client\/lib-esm\/http\.js$/,
    from: '    async migrate(stmts) {',
    to: '    sync() {',
    methods: ['migrate', 'transaction', 'executeMultiple'],
  },
];

/**
 * drizzle's `drizzle()` for HTTP also takes a URL and builds the client itself with the client's
 * `createClient`, whose URL parser would stay in the bundle; the Worker hands it a client it built
 * (worker/index.ts), so that branch's import is a stub.
 */
const drizzleHttp = /drizzle-orm\/libsql\/http\/index\.js$/;
const withoutCreateClient = (code: string, id: string) => {
  const line = 'import { createClient } from "@libsql/client/http";';
  if (!code.includes(line)) throw new Error(`${id}: its createClient import is not where it was`);
  return code.replace(line, 'const createClient = () => { throw new Error("Give drizzle() a client."); };');
};

/** Lines replaced outright, checked like the cuts: Hono's c.html for JSX results (Linli passes strings), and drizzle's `is`. */
const swaps: Swap[] = [
  {
    file: /hono\/dist\/context\.js$/,
    find: 'return typeof html === "object" ? resolveCallback(html, HtmlEscapedCallbackPhase.Stringify, false, {}).then(res) : res(html);',
    put: 'return res(html);',
  },
  drizzleIsByInstanceof,
];

function cutMethods(code: string, id: string): string {
  if (drizzleHttp.test(id)) return withoutCreateClient(code, id);
  code = applySwaps(swaps, code, id);
  for (const cut of cuts.filter((c) => c.file.test(id))) {
    const start = code.indexOf(cut.from);
    const end = code.indexOf(cut.to, start);
    if (start < 0 || end < 0) throw new Error(`${id}: "${cut.from.trim()}" is not where it was`);
    const stubs = cut.methods.map((m) => `  ${m}() { throw new Error("${m} is not used by this Worker"); }\n`);
    code = code.slice(0, start) + (cut.put ?? stubs.join('')) + code.slice(end);
  }
  return code;
}

const stubs = {
  name: 'linli-never-run',
  transform(code: string, id: string) {
    if (id.startsWith(`${root}schema/`) && id.endsWith('.ts')) return { code: withoutTableExtras(code), map: null };
    if (!drizzleHttp.test(id) && ![...cuts, ...swaps].some((c) => c.file.test(id))) return null;
    // A library's lines in a stack trace matter less than ours: a cut file maps to nothing.
    return { code: cutMethods(code, id), map: { mappings: '' } };
  },
  load(id: string) {
    if (!neverRun.some((pattern) => pattern.test(id))) return null;
    const names = exportedNames(readFileSync(id, 'utf8'));
    if (!names.length) throw new Error(`${id}: no exports found to stub`);
    const why = `${id.split('node_modules/')[1]} is not used by this Worker`;
    return [
      `function neverRun() { throw new Error(${JSON.stringify(why)}); }`,
      ...names.map((name) => `export { neverRun as ${name} };`),
    ].join('\n');
  },
};
export const workerBundle = `${root}worker/dist/index.js`;

/**
 * Writes the minified Worker bundle; returns its path and each input module's rendered size
 * (before minifying), for the bench's "where the bytes come from".
 * @example const { file } = await buildWorker()
 */
export async function buildWorker(file = workerBundle): Promise<{ file: string; inputs: Record<string, number> }> {
  const bundle = await rolldown({
    input: `${root}worker/index.ts`,
    platform: 'neutral',
    cwd: root,
    resolve: {
      conditionNames: ['workerd', 'worker', 'browser', 'import', 'default'],
      mainFields: ['module', 'main'],
      // The libSQL client's base64 package, replaced by the runtime's own atob/btoa.
      alias: { 'js-base64': `${root}worker/lib/base64.ts` },
    },
    external: [/^cloudflare:/],
    plugins: [stubs],
    logLevel: 'warn',
  });
  const { output } = await bundle.generate({ format: 'esm', minify: true, sourcemap: true });
  await bundle.close();
  const chunk = output[0];
  const name = file.split('/').at(-1)!;
  const small = await minify(chunk.code, {
    module: true,
    ecma: 2022,
    compress: { passes: 3 },
    sourceMap: { content: JSON.stringify(chunk.map), url: `${name}.map` },
  });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, small.code!);
  writeFileSync(`${file}.map`, small.map as string);
  const inputs = Object.fromEntries(Object.entries(chunk.modules).map(([id, m]) => [id, m.renderedLength]));
  return { file, inputs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorker();
