import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { communities, compounds, subdistricts } from './places.ts';
import { staff } from './staff.ts';

/**
 * The four officers (四大员) and other volunteers of a compound: residents, not staff. The
 * community can call them; residents see a volunteer's name and roles only if they agreed.
 */
export const volunteerRoles = [
  'policy_promoter',
  'information_collector',
  'action_leader',
  'quality_supervisor',
] as const;
export type VolunteerRole = (typeof volunteerRoles)[number];

export const volunteers = sqliteTable(
  'volunteers',
  {
    id: integer('id').primaryKey(),
    subdistrictId: integer('subdistrict_id')
      .notNull()
      .references(() => subdistricts.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    name: text('name').notNull(),
    roles: text('roles', { mode: 'json' }).$type<VolunteerRole[]>().notNull(),
    /** For the community to call; never shown publicly. */
    phone: text('phone').notNull(),
    /** Whether residents may see the name and roles (on the roster, on what they recorded). */
    publicConsent: integer('public_consent', { mode: 'boolean' }).notNull().default(false),
    /** The volunteer's own sign-in, an account of role `volunteer` in the same compound. */
    staffId: integer('staff_id').references(() => staff.id),
    /** Off the roster; what they recorded keeps its credit. */
    removedAt: integer('removed_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('volunteers_compound_idx').on(t.compoundId), uniqueIndex('volunteers_staff_idx').on(t.staffId)],
);
