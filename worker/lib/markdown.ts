/**
 * A small Markdown subset for news articles. The output is safe by construction: each line is
 * HTML-escaped before any markup is added, so the only tags are the ones built here, and every
 * URL passes an allowlist. No dependencies and no `node:` imports: it ships in the Worker.
 *
 * Every regex below is written so that a failed match scans only up to the next delimiter
 * (no nested open-ended quantifiers), which keeps hostile input linear-ish.
 */

export interface MarkdownOptions {
  /** Whether an image may be shown, e.g. only the site's own photo store (`/photos/…`). */
  isAllowedImage: (url: string) => boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const UNESCAPES: Record<string, string> = Object.fromEntries(
  Object.entries(ESCAPES).map(([ch, entity]) => [entity, ch]),
);
const ENTITY = /&(?:amp|lt|gt|quot|#39);/g;

// Private-use code points stand in for backslash-escaped characters (U+E000 + ASCII code) and
// delimit placeholders for finished HTML (U+E080 index U+E081), so later passes cannot touch
// either. The source loses any characters of its own in this range; news text has none.
const PRIVATE = /[\uE000-\uE0FF]/g;
const ESCAPED = /[\uE000-\uE07F]/g;
const TOKEN = /\uE080(\d+)\uE081/g;

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*)$/s;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/s;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/s;
const ORDERED = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/s;

// Link and image targets: no whitespace, at most one level of balanced parentheses (Wikipedia).
const TARGET = String.raw`\(\s*((?:[^()\s]|\([^()\s]*\))*)`;
const IMAGE = new RegExp(String.raw`!\[([^\[\]]*)\]${TARGET}(?:\s+&quot;([^()]*?)&quot;)?\s*\)`, 'g');
const LINK = new RegExp(String.raw`\[([^\[\]]*)\]${TARGET}\s*\)`, 'g');
const STRONG = /\*\*(?!\s)([^*]+)(?<!\s)\*\*/g;
// `_` only at word edges, so snake_case and URLs in text stay as they are.
const EM = /\*(?!\s)([^*_]+)(?<!\s)\*|(?<![A-Za-z0-9])_(?!\s)([^*_]+)(?<!\s)_(?![A-Za-z0-9])/g;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
const unescapeChar = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 0xe000);

/**
 * http(s), mailto and site paths only; `//host` and `/\host` are other sites to a browser.
 * A placeholder left in a target (`[a](/x![b](/photos/b.jpg))`) would be expanded inside the
 * attribute, so private-use characters are refused along with controls and spaces.
 */
function isSafeUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a URL with control characters is refused
  if (/[\u0000-\u0020\u007F\uE000-\uE0FF]/.test(url)) return false;
  return /^(?:https?|mailto):/i.test(url) || /^\/(?![/\\])/.test(url);
}

function renderInline(source: string, options: MarkdownOptions, standalone: boolean): string {
  const held: string[] = [];
  const hold = (html: string) => `\uE080${held.push(html) - 1}\uE081`;
  const release = (text: string) => text.replace(TOKEN, (_, index: string) => held[Number(index)]!);
  // Entities first: a backslash-escaped `&` must stay an `&`, not start an entity.
  const rawUrl = (url: string) => url.replace(ENTITY, (entity) => UNESCAPES[entity]!).replace(ESCAPED, unescapeChar);
  const emphasis = (text: string): string =>
    text
      .replace(STRONG, (_, inner: string) => hold(`<strong>${release(emphasis(inner))}</strong>`))
      .replace(EM, (_, star: string | undefined, under: string | undefined) => `<em>${star ?? under}</em>`);

  let text = source
    .replace(PRIVATE, '')
    .replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) => String.fromCharCode(0xe000 + ch.charCodeAt(0)));
  text = escapeHtml(text);
  text = text.replace(
    IMAGE,
    (match: string, alt: string, target: string, title: string | undefined, _at: number, line: string) => {
      const url = rawUrl(target);
      if (!isSafeUrl(url) || !options.isAllowedImage(url)) return hold(alt && `[${alt}]`);
      // A captioned photo on a line of its own becomes a block; inside text it keeps a tooltip.
      const figure = standalone && !!title && match.length === line.length;
      const img = `<img src="${escapeHtml(url)}" alt="${alt}" loading="lazy"${title && !figure ? ` title="${title}"` : ''}>`;
      return hold(figure ? `<figure>${img}<figcaption>${title}</figcaption></figure>` : img);
    },
  );
  text = text.replace(LINK, (_, label: string, target: string) => {
    const url = rawUrl(target);
    const inner = release(emphasis(label));
    if (!isSafeUrl(url)) return hold(inner);
    const external = /^https?:/i.test(url) ? ' target="_blank"' : '';
    return hold(`<a href="${escapeHtml(url)}" rel="noopener noreferrer nofollow"${external}>${inner}</a>`);
  });
  return release(emphasis(text)).replace(ESCAPED, (ch) => escapeHtml(unescapeChar(ch)));
}

function listItem(line: string): ['ul' | 'ol', string] | undefined {
  const bullet = BULLET.exec(line);
  if (bullet) return ['ul', bullet[1]!];
  const ordered = ORDERED.exec(line);
  return ordered ? ['ol', ordered[1]!] : undefined;
}

/** One pass over the lines; `nested` (inside a blockquote) turns off further quotes. */
function renderBlocks(
  lines: string[],
  inline: (text: string, standalone?: boolean) => string,
  nested: boolean,
): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${paragraph.join('<br>')}</p>`);
    paragraph = [];
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const heading = HEADING.exec(line);
    const item = listItem(line);
    if (!line.trim()) {
      flush();
      i++;
    } else if (heading) {
      flush();
      // The page owns h1, so `#` and `##` both become h2; closing hashes are dropped.
      const tag = heading[1]!.length < 3 ? 'h2' : 'h3';
      out.push(
        `<${tag}>${inline(
          heading[2]!
            .trim()
            .replace(/[ \t]#+$/, '')
            .trimEnd(),
        )}</${tag}>`,
      );
      i++;
    } else if (RULE.test(line)) {
      flush();
      out.push('<hr>');
      i++;
    } else if (!nested && QUOTE.test(line)) {
      flush();
      const inner: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]!); i++) inner.push(QUOTE.exec(lines[i]!)![1]!);
      out.push(`<blockquote>${renderBlocks(inner, inline, true)}</blockquote>`);
    } else if (item) {
      flush();
      const [tag] = item;
      const items: string[] = [];
      while (i < lines.length) {
        const next = listItem(lines[i]!);
        if (next?.[0] === tag) items.push(`<li>${inline(next[1].trim())}</li>`);
        // One blank line between items does not end the list.
        else if (lines[i]!.trim() || listItem(lines[i + 1] ?? '')?.[0] !== tag) break;
        i++;
      }
      out.push(`<${tag}>${items.join('')}</${tag}>`);
    } else {
      // Each newline is a hard break (Chinese news text relies on it), so lines render alone.
      const html = inline(line.trim(), true);
      if (html.startsWith('<figure>')) {
        flush();
        out.push(html);
      } else paragraph.push(html);
      i++;
    }
  }
  flush();
  return out.join('\n');
}

/**
 * Renders the Markdown subset of news articles to safe HTML: paragraphs with hard line breaks,
 * `#`/`##` (h2) and `###` (h3) headings, strong, em, links, images, one-level lists, blockquotes,
 * `---` and backslash escapes. Raw HTML is shown as text; unsafe links render as their text.
 * @example renderMarkdown('**本报讯** 近日…\n![广场](/photos/a.jpg "洁云里小区广场")', { isAllowedImage: (url) => url.startsWith('/photos/') })
 */
export function renderMarkdown(source: string, options: MarkdownOptions): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  return renderBlocks(lines, (text, standalone = false) => renderInline(text, options, standalone), false);
}

/**
 * Plain text of an article for search, feed summaries and Open Graph descriptions: links become
 * their text, images their alt text (and caption), one block or line per output line.
 * The result is text, not HTML: escape it wherever it goes into markup.
 * @example markdownToText('## 通知\n请到[居委会](/places/1)领取。') // '通知\n请到居委会领取。'
 */
export function markdownToText(source: string): string {
  return renderMarkdown(source, { isAllowedImage: () => true })
    .replace(/<img [^>]*?alt="([^"]*)"[^>]*>/g, '$1')
    .replace(/<br>|<hr>|<figcaption>|<\/(?:p|h2|h3|li|blockquote|figure)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(ENTITY, (entity) => UNESCAPES[entity]!)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
