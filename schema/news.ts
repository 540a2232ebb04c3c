import { relations } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { communities, subdistricts } from './places.ts';
import { staff } from './staff.ts';

/** News: community reports and the Community Loudspeaker (社区小喇叭) bulletin. Times in ms UTC. */

export const articleStatuses = ['draft', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const creditRoles = ['reporter', 'correspondent'] as const;
export const creditContributions = ['text', 'photo', 'both'] as const;

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey(),
    headline: text('headline').notNull(),
    /** The column or kicker, e.g. 学党史办实事 or 社区小喇叭. */
    kicker: text('kicker'),
    /** Neither set: district-wide. A community implies its sub-district (kept for queries). */
    subdistrictId: integer('subdistrict_id').references(() => subdistricts.id),
    communityId: integer('community_id').references(() => communities.id),
    /** Markdown subset; rendered to safe HTML on the way out. */
    body: text('body').notNull(),
    /** Plain text of the start of the body, for lists, feeds and link previews. */
    summary: text('summary').notNull(),
    leadPhotoKey: text('lead_photo_key'),
    leadPhotoCaption: text('lead_photo_caption'),
    status: text('status', { enum: articleStatuses }).notNull().default('draft'),
    publishedAt: integer('published_at'),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_community_idx').on(t.communityId, t.status, t.publishedAt),
    index('articles_subdistrict_idx').on(t.subdistrictId, t.status, t.publishedAt),
  ],
);

/** Who made the report, as the paper prints it: 记者 景静 通讯员 吴陕南 文/图. */
export const articleCredits = sqliteTable(
  'article_credits',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: creditRoles }).notNull(),
    contribution: text('contribution', { enum: creditContributions }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.position] })],
);

/** Every saved edit, so nothing a reporter wrote is lost and changes can be traced. */
export const articleRevisions = sqliteTable(
  'article_revisions',
  {
    id: integer('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    at: integer('at').notNull(),
    staffId: integer('staff_id').references(() => staff.id),
    headline: text('headline').notNull(),
    kicker: text('kicker'),
    body: text('body').notNull(),
    credits: text('credits', { mode: 'json' }).$type<{ name: string; role: string; contribution: string }[]>().notNull(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.at)],
);

/** Gallery photos of an article, with captions, in order (the lead photo is on the article). */
export const articlePhotos = sqliteTable(
  'article_photos',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    position: integer('position').notNull(),
    photoKey: text('photo_key').notNull(),
    caption: text('caption'),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.position] })],
);

export const articleRelations = relations(articles, ({ one, many }) => ({
  subdistrict: one(subdistricts, { fields: [articles.subdistrictId], references: [subdistricts.id] }),
  community: one(communities, { fields: [articles.communityId], references: [communities.id] }),
  credits: many(articleCredits),
  photos: many(articlePhotos),
}));

export const articleCreditRelations = relations(articleCredits, ({ one }) => ({
  article: one(articles, { fields: [articleCredits.articleId], references: [articles.id] }),
}));

export const articlePhotoRelations = relations(articlePhotos, ({ one }) => ({
  article: one(articles, { fields: [articlePhotos.articleId], references: [articles.id] }),
}));
