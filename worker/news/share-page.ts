import { escapeAttr, withShareCard } from '../lib/share-card.ts';
import type { ArticleView } from './articles.ts';

/**
 * An article's page: the app shell with the article's share card (lib/share-card.ts), its
 * place's feeds, and a request for the article's JSON (and its lead photo) at once, while the
 * app's code downloads: the page then renders as soon as the code runs, with no second trip.
 * The JSON preload is `crossorigin` (credentials "same-origin"), as the app's own fetch() asks,
 * or the browser would not reuse it. The article page's own code, which the build lists in the
 * shell as `<meta name="linli-modules-article">`, becomes modulepreload links here.
 * @example injectShareMeta(shellHtml, article, 'https://linli.example')
 */
export function injectShareMeta(shell: string, article: ArticleView, origin: string): string {
  // The article's own place: its community's (or sub-district's) news feed and event calendar.
  const place = article.community
    ? `community=${article.community.slug}`
    : article.subdistrict
      ? `subdistrict=${article.subdistrict.slug}`
      : null;
  const placeName = article.community?.name ?? article.subdistrict?.name;
  const feeds = place
    ? [
        `<link rel="alternate" type="application/rss+xml" title="邻里 · ${escapeAttr(placeName!)}新闻 (RSS)" href="/feeds/news.rss?${place}" />`,
        `<link rel="alternate" type="text/calendar" title="邻里 · ${escapeAttr(placeName!)}活动日历" href="/feeds/events.ics?${place}" />`,
      ]
    : [];
  const modules = /<meta name="linli-modules-article" content="([^"]*)">\s*/.exec(shell);
  const preloads = [
    `<link rel="preload" as="fetch" crossorigin href="/api/news/${article.id}" />`,
    ...(modules?.[1]?.split(' ').filter(Boolean) ?? []).map(
      (src) => `<link rel="modulepreload" crossorigin href="${escapeAttr(src)}" />`,
    ),
    ...(article.leadPhoto ? [`<link rel="preload" as="image" href="${escapeAttr(article.leadPhoto.url)}" />`] : []),
  ];
  return withShareCard(shell.replace(/<meta name="linli-modules-article"[^>]*>\s*/, ''), {
    type: 'article',
    title: article.headline,
    description: article.summary,
    url: `${origin}/news/${article.id}`,
    image: article.leadPhoto ? origin + article.leadPhoto.url : `${origin}/share.png`,
    more: { 'article:published_time': new Date(article.publishedAt ?? article.updatedAt).toISOString() },
    links: [...preloads, ...feeds],
  });
}
