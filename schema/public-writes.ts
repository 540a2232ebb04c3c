import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Residents' writes per client address, counted over the last hour to limit abuse. */
export const publicWrites = sqliteTable(
  'public_writes',
  {
    id: integer('id').primaryKey(),
    address: text('address').notNull(),
    kind: text('kind').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('public_writes_address_idx').on(t.address, t.kind, t.at)],
);

/**
 * Idempotency keys of public writes: a retry with the same key gets the first result back
 * instead of a second ticket or sign-up.
 */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** The JSON answer given the first time. */
    response: text('response').notNull(),
    status: integer('status').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
