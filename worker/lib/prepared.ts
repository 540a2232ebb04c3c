import type { Db } from './platform.ts';

/**
 * A query built once per database and then only run, for the hot paths: drizzle otherwise builds
 * the SQL text again on every request, which costs more than an indexed read. Values go in as
 * `sql.placeholder('name')` and are given at run time.
 * @example
 * const bySlug = prepared((db) => db.select().from(communities).where(eq(communities.slug, sql.placeholder('slug'))).prepare());
 * const community = await bySlug(db).get({ slug });
 */
export function prepared<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const built = new WeakMap<Db, Query>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
