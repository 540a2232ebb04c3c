import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { communities, subdistricts } from './places.ts';
import { staff } from './staff.ts';

/** News: community reports and the Community Loudspeaker (社区小喇叭) bulletin. Times in ms UTC. */

export const articleStatuses = ['draft', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const creditRoles = ['reporter', 'correspondent'] as const;
export const creditContributions = ['text', 'photo', 'both'] as const;
export type ArticleCredit = {
  name: string;
  role: (typeof creditRoles)[number];
  contribution: (typeof creditContributions)[number];
};

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
    /** Who made the report, in the paper's order: 记者 景静 通讯员 吴陕南 文/图. */
    credits: text('credits', { mode: 'json' }).$type<ArticleCredit[]>().notNull().default([]),
    leadPhotoKey: text('lead_photo_key'),
    leadPhotoCaption: text('lead_photo_caption'),
    /** The gallery after the lead photo, with captions, in order. */
    photos: text('photos', { mode: 'json' }).$type<{ key: string; caption: string | null }[]>().notNull().default([]),
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
    // Covers the news lists' validator (count and latest change of a reader's selection).
    index('articles_selection_idx').on(t.status, t.communityId, t.subdistrictId, t.updatedAt),
  ],
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
    credits: text('credits', { mode: 'json' }).$type<ArticleCredit[]>().notNull(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.at)],
);
