import { describe, expect, it } from 'vitest';
import type { ArticleView } from './articles.ts';
import { injectShareMeta } from './share-page.ts';

const shell = `<!doctype html><html lang="zh-CN"><head><title>邻里</title><meta name="description" content="x">
<meta name="linli-modules-article" content="/assets/article-1.js"></head><body><div id="app"></div></body></html>`;
const article = (headline: string, summary: string) =>
  ({
    id: 7,
    headline,
    summary,
    leadPhoto: null,
    publishedAt: Date.UTC(2026, 11, 1),
    updatedAt: Date.UTC(2026, 11, 1),
  }) as ArticleView;

describe('injectShareMeta', () => {
  it("keeps a headline with $', $`, $& and $$ as it is written, and the shell whole", () => {
    const headline = "物业费$'涨价$`了吗$&？$$";
    const page = injectShareMeta(shell, article(headline, '摘要 $& $1'), 'https://linli.example');
    expect(page.match(/<html/g)).toHaveLength(1);
    expect(page.match(/<\/head>/g)).toHaveLength(1);
    const escaped = headline.replace('&', '&amp;');
    expect(page).toContain(`<title>${escaped} · 邻里</title>`);
    expect(page).toContain(`<meta property="og:title" content="${escaped}" />`);
    expect(page).toContain('<meta name="description" content="摘要 $&amp; $1" />');
    expect(page).toContain('<link rel="modulepreload" crossorigin href="/assets/article-1.js" />');
  });
});
