/** Text for an HTML attribute or element. */
export const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type ShareCard = {
  type: 'article' | 'website';
  title: string;
  description: string;
  /** Absolute. */
  url: string;
  /** Absolute; the app's share picture when the page has none of its own. */
  image: string;
  /** More Open Graph properties, e.g. `article:published_time`. */
  more?: Record<string, string>;
  /** Links for the head (preloads, feeds), already written. */
  links?: string[];
};

/**
 * The app shell with a page's title, description and picture in Open Graph tags, so a link
 * pasted into a WeChat group shows a proper card (crawlers do not run the app's JavaScript).
 * @example withShareCard(shell, { type: 'website', title: '小板凳课堂', description: '12月4日 09:30 · 铁道洁云里小区广场', url, image })
 */
export function withShareCard(shell: string, card: ShareCard): string {
  const tags = {
    'og:type': card.type,
    'og:site_name': '邻里 Linli',
    'og:title': card.title,
    'og:description': card.description,
    'og:url': card.url,
    'og:image': card.image,
    'og:locale': 'zh_CN',
    ...card.more,
  };
  const head = [
    ...(card.links ?? []),
    ...Object.entries(tags).map(
      ([property, content]) => `<meta property="${property}" content="${escapeAttr(content)}" />`,
    ),
    `<meta name="description" content="${escapeAttr(card.description)}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
  ].join('\n    ');
  return (
    shell
      .replace(/<meta name="description"[^>]*>\s*/, '')
      // Replacer functions, so a title's `$&` or `$'` is text, not a replacement pattern.
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeAttr(card.title)} · 邻里</title>`)
      .replace('</head>', () => `    ${head}\n  </head>`)
  );
}
