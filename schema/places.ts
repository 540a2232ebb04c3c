import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The place hierarchy: district → sub-district → community → compound.
 * Buildings and units are data of a compound, not rows of their own.
 * Every place has a stable ASCII slug used in URLs and the API.
 */

const createdAt = () => integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`);

export const districts = sqliteTable('districts', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: createdAt(),
});

export const subdistricts = sqliteTable(
  'subdistricts',
  {
    id: integer('id').primaryKey(),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('subdistricts_district_idx').on(t.districtId)],
);

export const communities = sqliteTable(
  'communities',
  {
    id: integer('id').primaryKey(),
    subdistrictId: integer('subdistrict_id')
      .notNull()
      .references(() => subdistricts.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** True when the source does not name the community and the name is our assumption. */
    nameAssumed: integer('name_assumed', { mode: 'boolean' }).notNull().default(false),
    /** Short prefix for human ticket numbers, e.g. "YA" → YA-20261126-0007. */
    code: text('code').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index('communities_subdistrict_idx').on(t.subdistrictId)],
);

/** A building of a compound and its units, e.g. { name: "3号楼", units: ["1单元", "2单元"] }. */
export type Building = { name: string; units: string[] };

export const compounds = sqliteTable(
  'compounds',
  {
    id: integer('id').primaryKey(),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    nameAssumed: integer('name_assumed', { mode: 'boolean' }).notNull().default(false),
    buildings: text('buildings', { mode: 'json' }).$type<Building[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('compounds_community_idx').on(t.communityId)],
);

export const propertyCompanies = sqliteTable('property_companies', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: createdAt(),
});

/** Which compounds a property company serves (a compound has at most one at a time). */
export const propertyCompanyCompounds = sqliteTable(
  'property_company_compounds',
  {
    propertyCompanyId: integer('property_company_id')
      .notNull()
      .references(() => propertyCompanies.id),
    compoundId: integer('compound_id')
      .notNull()
      .unique()
      .references(() => compounds.id),
  },
  (t) => [primaryKey({ columns: [t.propertyCompanyId, t.compoundId] })],
);

export const partnerKinds = [
  'bank',
  'federation',
  'hospital',
  'clinic',
  'police',
  'social_security',
  'government',
  'contractor',
  'supervisor',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

/**
 * Organisations that join some services: a bank branch, the disabled persons' federation, a
 * clinic, the police station's household-registration desk, the social-security office, and the
 * contractors (施工方) and supervisors (监理方) of courtyard renovations.
 */
export const partners = sqliteTable('partners', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: partnerKinds }).notNull(),
  /** How residents reach the organisation themselves (public): a counter, a phone line. */
  contact: text('contact').notNull().default(''),
  contactEn: text('contact_en').notNull().default(''),
  createdAt: createdAt(),
});

/** The communities a partner organisation serves. */
export const partnerCommunities = sqliteTable(
  'partner_communities',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.communityId] }),
    index('partner_communities_community_idx').on(t.communityId),
  ],
);
