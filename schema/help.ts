import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { communities, compounds, subdistricts } from './places.ts';
import { staff } from './staff.ts';

/**
 * Neighbourly help (邻里帮扶): households in difficulty that community staff look after, and
 * what help was given when. Private to the community's staff: never public, never in a feed or
 * export; every read is audited. The minimum is kept (a label and a phone, no ID numbers) and it
 * is deleted on the retention schedule.
 */
export const helpKinds = ['necessities', 'visit', 'other'] as const;
export type HelpKind = (typeof helpKinds)[number];

export const helpHouseholds = sqliteTable(
  'help_households',
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
    /** How staff know the household, e.g. "3号楼独居老人" — never an ID number. */
    label: text('label').notNull(),
    phone: text('phone'),
    note: text('note'),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('help_households_community_idx').on(t.communityId)],
);

export const helpEntries = sqliteTable(
  'help_entries',
  {
    id: integer('id').primaryKey(),
    householdId: integer('household_id')
      .notNull()
      .references(() => helpHouseholds.id),
    /** The Zhengzhou day the help was given, YYYY-MM-DD. */
    givenOn: text('given_on').notNull(),
    kind: text('kind', { enum: helpKinds }).notNull(),
    note: text('note'),
    staffId: integer('staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('help_entries_household_idx').on(t.householdId, t.givenOn)],
);
