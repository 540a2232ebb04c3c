import fc from 'fast-check';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { type FeedItem, type FeedMeta, renderAtom, renderJsonFeed, renderRss } from './feeds.ts';

const meta: FeedMeta = {
  title: '幸福社区 & 新闻',
  description: '二七区 <幸福社区> 的通知与新闻',
  homeUrl: 'https://linli.example/c/xingfu',
  feedUrl: 'https://linli.example/c/xingfu/news.xml',
  language: 'zh-CN',
  updated: new Date('2026-11-27T02:00:00Z'),
  icon: 'https://linli.example/icon.png',
};

const tricky = '<p>停水通知 ]]> 请注意 &amp; <script>alert("x")</script> A&B\u0001\u0008\uFFFE</p>';
const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  id: 'news-42',
  url: 'https://linli.example/n/42?from=feed&x=1',
  title: '周六上午停水，请提前储水',
  summary: '因管网检修，1号楼至6号楼停水。',
  contentHtml: tricky,
  published: new Date('2026-11-26T23:30:00Z'),
  updated: new Date('2026-11-27T01:15:00Z'),
  authors: ['王阿姨', '幸福社区居委会'],
  image: 'https://linli.example/p/42.jpg',
  categories: ['通知', '物业'],
  ...overrides,
});
const items = [item(), item({ id: 'news-43', title: '无作者', authors: [], categories: undefined, image: undefined })];
const cleaned = '<p>停水通知 ]]> 请注意 &amp; <script>alert("x")</script> A&B</p>';

const XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/gi;
const TOKEN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;

/**
 * feedsmith forgives a raw `&` or a control character, so it cannot prove well-formedness alone.
 * This checks the subset of XML the renderers emit: legal characters, entities, balanced tags.
 */
function expectWellFormed(doc: string): void {
  expect(doc).not.toMatch(XML_CHAR);
  const open: string[] = [];
  for (let pos = 0; pos < doc.length; pos = TOKEN.lastIndex) {
    TOKEN.lastIndex = pos;
    const match = TOKEN.exec(doc);
    if (!match) throw new Error(`not well-formed at ${pos}: ${doc.slice(pos, pos + 40)}`);
    const [, close, name, attributes, selfClosing, text] = match;
    const raw = text ?? attributes ?? '';
    expect(raw.replace(ENTITY, '')).not.toContain('&');
    if (text) expect(text).not.toContain(']]>');
    if (name && close) expect(open.pop()).toBe(name);
    else if (name && !selfClosing) open.push(name);
  }
  expect(open).toEqual([]);
}

describe('renderRss', () => {
  const doc = renderRss(meta, items);

  it('is well-formed RSS 2.0 that feedsmith reads back', () => {
    expectWellFormed(doc);
    expect(doc).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    const feed = parseRssFeed(doc);
    expect(feed.title).toBe('幸福社区 & 新闻');
    expect(feed.link).toBe(meta.homeUrl);
    expect(feed.description).toBe(meta.description);
    expect(feed.atom?.links).toContainEqual({ href: meta.feedUrl, rel: 'self', type: 'application/rss+xml' });
    expect(feed.image?.url).toBe(meta.icon);
  });

  it('writes items with guid, RFC 822 dates, dc:creator and the escaped content', () => {
    const [first, second] = parseRssFeed(doc).items ?? [];
    expect(first?.title).toBe('周六上午停水，请提前储水');
    expect(first?.link).toBe('https://linli.example/n/42?from=feed&x=1');
    expect(first?.guid).toEqual({ value: 'news-42', isPermaLink: false });
    expect(first?.pubDate).toBe('Thu, 26 Nov 2026 23:30:00 GMT');
    expect(new Date(first?.pubDate ?? '').getTime()).toBe(Date.parse('2026-11-26T23:30:00Z'));
    expect(first?.dc?.creators).toEqual(['王阿姨', '幸福社区居委会']);
    expect(first?.content?.encoded).toBe(cleaned);
    expect(first?.categories?.map((c) => c.name)).toEqual(['通知', '物业']);
    expect(second?.dc).toBeUndefined();
  });

  it('gives the lead photo as an enclosure in RSS and Atom, with its type and size', () => {
    const withPhoto = [
      item({ enclosure: { url: 'https://linli.example/photos/p/1?a=1&b=2', type: 'image/jpeg', length: 48213 } }),
    ];
    const rss = renderRss(meta, withPhoto);
    expectWellFormed(rss);
    expect(parseRssFeed(rss).items?.[0]?.enclosures).toEqual([
      { url: 'https://linli.example/photos/p/1?a=1&b=2', type: 'image/jpeg', length: 48213 },
    ]);
    const atom = renderAtom(meta, withPhoto);
    expectWellFormed(atom);
    expect(atom).toContain(
      '<link rel="enclosure" type="image/jpeg" length="48213" href="https://linli.example/photos/p/1?a=1&amp;b=2"/>',
    );
  });

  it('escapes a summary as HTML too, so readers show a literal <b> as text', () => {
    const [one] = parseRssFeed(renderRss(meta, [item({ summary: '<b>粗体</b> & 说明' })])).items ?? [];
    expect(one?.description).toBe('&lt;b&gt;粗体&lt;/b&gt; &amp; 说明');
  });
});

describe('renderAtom', () => {
  const doc = renderAtom(meta, items);

  it('is well-formed Atom 1.0 with self and alternate links', () => {
    expectWellFormed(doc);
    const feed = parseAtomFeed(doc);
    expect(feed.id).toBe(meta.feedUrl);
    expect(feed.title?.value).toBe('幸福社区 & 新闻');
    expect(feed.updated).toBe('2026-11-27T02:00:00Z');
    expect(feed.links).toContainEqual({ href: meta.feedUrl, rel: 'self', type: 'application/atom+xml' });
    expect(feed.links).toContainEqual({ href: meta.homeUrl, rel: 'alternate', type: 'text/html' });
    // Entries without authors rely on the feed's author (RFC 4287 §4.1.1).
    expect(feed.authors?.[0]?.name).toBe('幸福社区 & 新闻');
  });

  it('writes entries with IRI ids, dates, authors and html content', () => {
    const [first, second] = parseAtomFeed(doc).entries ?? [];
    expect(first?.id).toBe('tag:linli.example,2026:news-42');
    expect(first?.title?.value).toBe('周六上午停水，请提前储水');
    expect(first?.published).toBe('2026-11-26T23:30:00Z');
    expect(first?.updated).toBe('2026-11-27T01:15:00Z');
    expect(first?.authors?.map((a) => a.name)).toEqual(['王阿姨', '幸福社区居委会']);
    expect(first?.summary?.value).toBe('因管网检修，1号楼至6号楼停水。');
    expect(first?.content).toEqual({ value: cleaned, type: 'html' });
    expect(first?.links).toEqual([
      { href: 'https://linli.example/n/42?from=feed&x=1', rel: 'alternate', type: 'text/html' },
    ]);
    expect(second?.authors).toBeUndefined();
    expect(
      parseAtomFeed(renderAtom(meta, [item({ id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427' })])).entries?.[0]?.id,
    ).toBe('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427');
  });
});

describe('renderJsonFeed', () => {
  const doc = renderJsonFeed(meta, items);

  it('meets the essentials of JSON Feed 1.1', () => {
    const raw = JSON.parse(doc) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw).toMatchObject({
      title: meta.title,
      home_page_url: meta.homeUrl,
      feed_url: meta.feedUrl,
      language: 'zh-CN',
    });
    expect(raw.items).toHaveLength(2);
    for (const entry of raw.items) {
      expect(typeof entry.id === 'string' && entry.id.length > 0).toBe(true);
      expect(typeof entry.content_html).toBe('string');
      expect(entry).not.toHaveProperty('author'); // 1.0's singular author is deprecated in 1.1
      expect(entry.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(raw.items[1]).not.toHaveProperty('authors');
    expect(raw.items[1]).not.toHaveProperty('tags');
  });

  it('reads back through feedsmith with Chinese text, dates and authors', () => {
    const [first] = parseJsonFeed(doc).items ?? [];
    expect(first).toMatchObject({
      id: 'news-42',
      url: 'https://linli.example/n/42?from=feed&x=1',
      title: '周六上午停水，请提前储水',
      summary: '因管网检修，1号楼至6号楼停水。',
      content_html: cleaned,
      date_published: '2026-11-26T23:30:00Z',
      date_modified: '2026-11-27T01:15:00Z',
      authors: [{ name: '王阿姨' }, { name: '幸福社区居委会' }],
      image: 'https://linli.example/p/42.jpg',
      tags: ['通知', '物业'],
    });
  });
});

describe('any text', () => {
  it('keeps every feed well-formed and round-trips what is legal', () => {
    const unit = fc.constantFrom(
      '邻',
      'a',
      '&',
      '<',
      '>',
      '"',
      "'",
      ']',
      ']]>',
      '&amp;',
      '\u0000',
      '\u001F',
      '\uFFFF',
      '\uD800',
      '😀',
    );
    const text = fc.string({ unit, minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(text, text, (title, html) => {
        const legal = (s: string) => s.replace(new RegExp(XML_CHAR.source, 'gu'), '');
        const one = [item({ title: `[${title}]`, contentHtml: html, authors: [title] })];
        const rss = renderRss(meta, one);
        const atom = renderAtom(meta, one);
        expectWellFormed(rss);
        expectWellFormed(atom);
        expect(parseRssFeed(rss).items?.[0]?.title).toBe(`[${legal(title)}]`);
        expect(parseRssFeed(rss).items?.[0]?.content?.encoded ?? '').toBe(legal(html).trim());
        expect(parseAtomFeed(atom).entries?.[0]?.title?.value).toBe(`[${legal(title)}]`);
        expect(parseJsonFeed(renderJsonFeed(meta, one)).items?.[0]?.title).toBe(`[${legal(title)}]`);
      }),
      { numRuns: 200 },
    );
  });
});
