import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff.ts';

/**
 * API keys of partner apps that file tickets over Open311 GeoReport v2 (/open311/v2). A district
 * admin issues one per app and may revoke it; the key itself is shown once and only its SHA-256
 * is kept, so a leaked database does not leak a working key.
 */
export const open311Keys = sqliteTable(
  'open311_keys',
  {
    id: integer('id').primaryKey(),
    /** The partner app's name, recorded on every ticket it files. */
    app: text('app').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters of the key, so an admin can tell keys apart without the secret. */
    keyPrefix: text('key_prefix').notNull(),
    /** Tickets the app may file per hour. */
    hourlyLimit: integer('hourly_limit').notNull(),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('open311_keys_created_idx').on(t.createdAt)],
);
