import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { type FeedItem, renderAtom, renderJsonFeed, renderRss } from '../lib/feeds.ts';
import { slug } from '../lib/fields.ts';
import { notModified } from '../lib/http-cache.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { validate } from '../lib/validate.ts';
import { articlesQuery, toView } from './articles.ts';
import { photoFiles } from './photos.ts';
import { selectionTag } from './reader-routes.ts';
import { readSelection } from './selection.ts';

const formats = {
  rss: { render: renderRss, type: 'application/rss+xml; charset=utf-8' },
  atom: { render: renderAtom, type: 'application/atom+xml; charset=utf-8' },
  json: { render: renderJsonFeed, type: 'application/feed+json; charset=utf-8' },
} as const;

/**
 * News feeds for the district, every sub-district and every community: RSS 2.0, Atom 1.0 and
 * JSON Feed 1.1, with absolute links and conditional GET.
 */
export const newsFeeds = new Hono<AppEnv>().get(
  '/:file{news\\.(?:rss|atom|json)}',
  validate('param', z.object({ file: z.enum(['news.rss', 'news.atom', 'news.json']) })),
  validate('query', z.object({ community: z.optional(slug), subdistrict: z.optional(slug) })),
  async (c) => {
    const q = c.req.valid('query');
    const format = formats[c.req.valid('param').file.slice('news.'.length) as keyof typeof formats];
    // The whole articles come in the same batch as the validator's figures: a 304 reads them for nothing, but every 200 saves a round trip.
    const found = await readSelection(c.var.db, q, (where) => articlesQuery(c.var.db, where, 50));
    if (!found) throw new ApiError(404, 'place_not_found', 'No such community or sub-district.');
    const { etag, latest } = selectionTag(found.stats, 'feed', c.req.url);
    if (notModified(c, etag, latest)) return c.body(null, 304);
    const origin = publicOrigin(c);
    const absolute = (html: string) => html.replaceAll('src="/photos/', `src="${origin}/photos/`);
    const articles = found.rows.map(toView);
    const files = await photoFiles(
      c.var.db,
      articles.flatMap((a) => (a.leadPhoto ? [a.leadPhoto.key] : [])),
    );
    const items: FeedItem[] = [];
    for (const article of articles) {
      const lead = article.leadPhoto && files.get(article.leadPhoto.key);
      items.push({
        id: `news-${article.id}`,
        url: `${origin}/news/${article.id}`,
        title: article.headline,
        summary: article.summary,
        contentHtml: absolute(article.bodyHtml),
        published: new Date(article.publishedAt!),
        updated: new Date(article.updatedAt),
        authors: article.credits.map((cr) => cr.name),
        image: article.leadPhoto ? origin + article.leadPhoto.url : undefined,
        enclosure: lead ? { url: origin + article.leadPhoto!.url, ...lead } : undefined,
        categories: article.kicker ? [article.kicker] : [],
      });
    }
    const body = format.render(
      {
        // The district, a sub-district or a community.
        title: `邻里 · ${found.placeName ?? '二七区'}新闻`,
        description: '二七区街道和社区的新闻与“社区小喇叭”',
        homeUrl: `${origin}/news`,
        feedUrl: origin + new URL(c.req.url).pathname + new URL(c.req.url).search,
        language: 'zh-CN',
        updated: new Date(latest ?? 0),
        // RSS channel images must be GIF, JPEG or PNG.
        icon: `${origin}/share.png`,
      },
      items,
    );
    return c.body(body, 200, { 'Content-Type': format.type });
  },
);
