/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 renderers for community news. Pure string building with no
 * dependencies, so the same code runs in the Worker and on Node.
 */

export type FeedItem = {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: string[];
  image?: string;
  /** The lead photo as a file (RSS enclosures need its type and size). */
  enclosure?: { url: string; type: string; length: number };
  categories?: string[];
};

export type FeedMeta = {
  title: string;
  description: string;
  homeUrl: string;
  feedUrl: string;
  language: 'zh-CN';
  updated: Date;
  icon?: string;
};

// Everything outside the XML 1.0 Char production (control characters, lone surrogates, U+FFFE/F):
// one such character pasted into an article would make the whole feed unparseable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function clean(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

/** Escapes text for XML element content and attribute values alike. */
function xml(value: string): string {
  return clean(value).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** A CDATA section; an inner `]]>` is split across two sections so it cannot close the first. */
function cdata(value: string): string {
  return `<![CDATA[${clean(value).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function element(name: string, value: string, attributes = ''): string {
  return `<${name}${attributes}>${xml(value)}</${name}>`;
}

/** RFC 3339 for Atom; whole seconds keep the output stable and readable. */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * RSS 2.0 with the atom, content and dc namespaces. `toUTCString()` is specified to produce the
 * RFC 822 form (`Thu, 26 Nov 2026 23:30:00 GMT`), with the four-digit year RSS recommends.
 * @example renderRss(meta, items) // '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" …'
 */
export function renderRss(meta: FeedMeta, items: FeedItem[]): string {
  const channel = [
    element('title', meta.title),
    element('link', meta.homeUrl),
    element('description', meta.description),
    element('language', meta.language.toLowerCase()),
    element('lastBuildDate', meta.updated.toUTCString()),
    `<atom:link href="${xml(meta.feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  if (meta.icon) {
    channel.push(
      `<image>${element('url', meta.icon)}${element('title', meta.title)}${element('link', meta.homeUrl)}</image>`,
    );
  }
  for (const item of items) {
    const parts = [
      element('title', item.title),
      element('link', item.url),
      // The id is ours, not a URL readers should open, hence isPermaLink="false".
      element('guid', item.id, ' isPermaLink="false"'),
      element('pubDate', item.published.toUTCString()),
      // RSS readers render an item's description as HTML: the plain-text summary is escaped as
      // HTML first, so a `<b>` in it shows as text.
      element('description', xml(item.summary)),
      `<content:encoded>${cdata(item.contentHtml)}</content:encoded>`,
      ...(item.enclosure
        ? [
            `<enclosure url="${xml(item.enclosure.url)}" length="${item.enclosure.length}" type="${xml(item.enclosure.type)}"/>`,
          ]
        : []),
      // <author> must be an email address; dc:creator takes a plain name.
      ...item.authors.map((name) => element('dc:creator', name)),
      ...(item.categories ?? []).map((term) => element('category', term)),
    ];
    channel.push(`<item>\n${parts.join('\n')}\n</item>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<channel>\n${channel.join('\n')}\n</channel>`,
    '</rss>\n',
  ].join('\n');
}

/**
 * Atom requires every id to be an absolute IRI; an opaque id becomes a tag URI (RFC 4151) under the
 * feed's host. The date part is fixed so an entry's id never changes.
 */
function atomId(id: string, feedUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:\S+$/i.test(id)) return id;
  return `tag:${new URL(feedUrl).hostname},2026:${encodeURI(id)}`;
}

/**
 * Atom 1.0. The feed carries its own author so entries without authors stay valid (RFC 4287 §4.1.1).
 * @example renderAtom(meta, items) // '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" …'
 */
export function renderAtom(meta: FeedMeta, items: FeedItem[]): string {
  const feed = [
    element('id', atomId(meta.feedUrl, meta.feedUrl)),
    element('title', meta.title),
    element('subtitle', meta.description),
    element('updated', rfc3339(meta.updated)),
    `<link rel="self" type="application/atom+xml" href="${xml(meta.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(meta.homeUrl)}"/>`,
    `<author>${element('name', meta.title)}</author>`,
  ];
  if (meta.icon) feed.push(element('icon', meta.icon));
  for (const item of items) {
    const parts = [
      element('id', atomId(item.id, meta.feedUrl)),
      element('title', item.title),
      element('updated', rfc3339(item.updated)),
      element('published', rfc3339(item.published)),
      `<link rel="alternate" type="text/html" href="${xml(item.url)}"/>`,
      ...(item.enclosure
        ? [
            `<link rel="enclosure" type="${xml(item.enclosure.type)}" length="${item.enclosure.length}" href="${xml(item.enclosure.url)}"/>`,
          ]
        : []),
      ...item.authors.map((name) => `<author>${element('name', name)}</author>`),
      ...(item.categories ?? []).map((term) => `<category term="${xml(term)}"/>`),
      element('summary', item.summary),
      element('content', item.contentHtml, ' type="html"'),
    ];
    feed.push(`<entry>\n${parts.join('\n')}\n</entry>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(meta.language)}">`,
    ...feed,
    '</feed>\n',
  ].join('\n');
}

/**
 * JSON Feed 1.1. Strings are cleaned like the XML feeds so all three formats say the same thing.
 * @example JSON.parse(renderJsonFeed(meta, items)).version // 'https://jsonfeed.org/version/1.1'
 */
export function renderJsonFeed(meta: FeedMeta, items: FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(meta.title),
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    description: clean(meta.description),
    language: meta.language,
    ...(meta.icon ? { icon: meta.icon } : {}),
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      title: clean(item.title),
      content_html: clean(item.contentHtml),
      summary: clean(item.summary),
      date_published: rfc3339(item.published),
      date_modified: rfc3339(item.updated),
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name: clean(name) })) } : {}),
      ...(item.image ? { image: item.image } : {}),
      ...(item.categories?.length ? { tags: item.categories.map(clean) } : {}),
    })),
  };
  return JSON.stringify(feed);
}
