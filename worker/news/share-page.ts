import type { ArticleView } from './articles.ts';

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The app shell with an article's title, summary and picture in Open Graph tags, so a link
 * pasted into a WeChat group shows a proper card (crawlers do not run the app's JavaScript).
 * It also asks the browser to fetch the article's JSON (and its lead photo) at once, while the
 * app's code downloads: the page then renders as soon as the code runs, with no second trip.
 * The JSON preload is `crossorigin` (credentials "same-origin"), as the app's own fetch() asks,
 * or the browser would not reuse it. The article page's own code, which the build lists in the
 * shell as `<meta name="linli-modules-article">`, becomes modulepreload links here.
 * @example injectShareMeta(shellHtml, article, 'https://linli.example')
 */
export function injectShareMeta(shell: string, article: ArticleView, origin: string): string {
  const image = article.leadPhoto ? origin + article.leadPhoto.url : `${origin}/share.png`;
  const tags = {
    'og:type': 'article',
    'og:site_name': '邻里 Linli',
    'og:title': article.headline,
    'og:description': article.summary,
    'og:url': `${origin}/news/${article.id}`,
    'og:image': image,
    'og:locale': 'zh_CN',
    'article:published_time': new Date(article.publishedAt ?? article.updatedAt).toISOString(),
  };
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
  const meta = [
    ...Object.entries(tags).map(
      ([property, content]) => `<meta property="${property}" content="${escapeAttr(content)}" />`,
    ),
    `<meta name="description" content="${escapeAttr(article.summary)}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    ...feeds,
  ].join('\n    ');
  const modules = /<meta name="linli-modules-article" content="([^"]*)">\s*/.exec(shell);
  const preloads = [
    `<link rel="preload" as="fetch" crossorigin href="/api/news/${article.id}" />`,
    ...(modules?.[1]?.split(' ').filter(Boolean) ?? []).map(
      (src) => `<link rel="modulepreload" crossorigin href="${escapeAttr(src)}" />`,
    ),
    ...(article.leadPhoto ? [`<link rel="preload" as="image" href="${escapeAttr(article.leadPhoto.url)}" />`] : []),
  ].join('\n    ');
  return (
    shell
      .replace(/<meta name="linli-modules-article"[^>]*>\s*/, '')
      .replace(/<meta name="description"[^>]*>\s*/, '')
      // Replacer functions, so a headline's `$&` or `$'` is text, not a replacement pattern.
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeAttr(article.headline)} · 邻里</title>`)
      .replace('</head>', () => `    ${preloads}\n    ${meta}\n  </head>`)
  );
}
