import { query } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { api, json } from '../../lib/api.ts';
import type { PlaceQuery } from '../../lib/scope.ts';

export type NewsFilter = PlaceQuery & { column?: string; q?: string; before?: string };
// These answers may also be 304 Not Modified (the browser's cache fills those in), so name the 200.
export type NewsPage = InferResponseType<typeof api.news.$get, 200>;
export type NewsItem = NewsPage['articles'][number];
export type ArticlePage = InferResponseType<(typeof api.news)[':id']['$get'], 200>;

/**
 * A page of published news for a community, a whole sub-district or the district, optionally by
 * column or search words. The order of the query's words is the one early.ts writes too.
 */
export const getNews = query(
  async (f: NewsFilter): Promise<NewsPage> =>
    json(
      await api.news.$get({
        query: {
          community: f.community,
          subdistrict: f.subdistrict,
          district: f.district,
          column: f.column || undefined,
          q: f.q || undefined,
          before: f.before,
        },
      }),
    ) as Promise<NewsPage>,
  'news',
);

export const getArticle = query(
  async (id: string): Promise<ArticlePage> =>
    json(await api.news[':id'].$get({ param: { id } })) as Promise<ArticlePage>,
  'article',
);
