import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { communities, compounds, partners, propertyCompanies, subdistricts } from './places.ts';

export const roles = [
  'admin',
  'subdistrict',
  'community',
  'property',
  'correspondent',
  'partner',
  'volunteer',
] as const;
export type Role = (typeof roles)[number];

/**
 * A staff account. Its place depends on the role: admin none (the district), subdistrict a
 * sub-district, community a community, property a property company, correspondent a
 * sub-district or a community, partner a partner organisation, volunteer (a resident on the
 * roster of 四大员) a compound.
 */
export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey(),
    /** Lower-case ASCII, unique. */
    login: text('login').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    subdistrictId: integer('subdistrict_id').references(() => subdistricts.id),
    communityId: integer('community_id').references(() => communities.id),
    propertyCompanyId: integer('property_company_id').references(() => propertyCompanies.id),
    partnerId: integer('partner_id').references(() => partners.id),
    compoundId: integer('compound_id').references(() => compounds.id),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` of HMAC(pepper, password). */
    passwordHash: text('password_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // The members a ticket can be given to: a community's or a property company's people.
    index('staff_community_idx').on(t.communityId),
    index('staff_property_company_idx').on(t.propertyCompanyId),
  ],
);

/** A signed-in session. Only the SHA-256 of the token is stored, never the token. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

/** Failed sign-ins, by `login:<name>` and `ip:<address>`, counted within a window for throttling. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/** Append-only record of every staff write: who, what, which object, when. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    staffId: integer('staff_id').references(() => staff.id),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    at: integer('at').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
