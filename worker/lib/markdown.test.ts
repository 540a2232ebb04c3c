import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

const options = { isAllowedImage: (url: string) => url.startsWith('/photos/') };
const md = (source: string) => renderMarkdown(source, options);

const report = '本报讯 近日，在铁道洁云里小区广场，社区党委联合物业公司举办了“邻里节”活动。';
const rel = 'rel="noopener noreferrer nofollow"';

// The checks below are written independently of the renderer, so a bug there cannot hide here.
const TAGS = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'strong',
  'em',
  'a',
  'img',
  'figure',
  'figcaption',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
]);
const VOID = new Set(['br', 'hr', 'img']);
const ATTRIBUTES = new Set(['href', 'rel', 'target', 'src', 'alt', 'loading', 'title']);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (value: string) => value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
const urlPasses = (url: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
  !/[\s\u0000-\u001F\u007F]/.test(url) && (/^(?:https?|mailto):/i.test(url) || /^\/(?![/\\])/.test(url));

/** Throws unless every tag is one the renderer may emit, well nested, with safe attributes. */
function assertSafeHtml(html: string): void {
  // Every `&` must start one of the five entities the renderer writes: a bare `&#106;` would be
  // decoded by the browser, in text and in attributes alike.
  expect(html.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
  const open: string[] = [];
  for (const [tag] of html.matchAll(/<[^<>]*>?/g)) {
    const m = /^<(\/?)([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)>$/.exec(tag);
    if (!m) throw new Error(`not a tag the renderer writes: ${tag}`);
    const [, closing, name, attributes] = m as unknown as [string, string, string, string];
    if (!TAGS.has(name)) throw new Error(`tag not allowed: ${tag}`);
    for (const [, attribute, value] of attributes.matchAll(/ ([a-z]+)="([^"]*)"/g) as Iterable<
      [string, string, string]
    >) {
      if (/^on/i.test(attribute) || !ATTRIBUTES.has(attribute)) throw new Error(`attribute not allowed: ${tag}`);
      if ((attribute === 'href' || attribute === 'src') && !urlPasses(decode(value)))
        throw new Error(`unsafe URL: ${tag}`);
      if (attribute === 'src' && !options.isAllowedImage(decode(value))) throw new Error(`image not allowed: ${tag}`);
    }
    if (closing) {
      if (attributes || open.pop() !== name) throw new Error(`badly nested: ${tag} in ${html}`);
    } else if (!VOID.has(name)) open.push(name);
  }
  if (open.length) throw new Error(`unclosed: ${open.join(', ')} in ${html}`);
}

describe('renderMarkdown: constructs', () => {
  it('renders paragraphs split by blank lines, and each single newline as a hard break', () => {
    expect(md(`${report}\n居民们自带桌椅，分享家常菜。\n\n\n第二段。`)).toBe(
      `<p>${report}<br>居民们自带桌椅，分享家常菜。</p>\n<p>第二段。</p>`,
    );
    expect(md('一\r\n二\r三')).toBe('<p>一<br>二<br>三</p>');
    expect(md('')).toBe('');
  });

  it('renders # and ## as h2 (the page owns h1) and ### as h3', () => {
    expect(md('# 社区通知\n## 停水公告 ##\n### 时间安排\n#没有空格')).toBe(
      '<h2>社区通知</h2>\n<h2>停水公告</h2>\n<h3>时间安排</h3>\n<p>#没有空格</p>',
    );
    expect(md('## C# 学习班')).toBe('<h2>C# 学习班</h2>');
  });

  it('renders strong and em, with * and _', () => {
    expect(md('请**务必**在*周五*前报名，_过时不候_。')).toBe(
      '<p>请<strong>务必</strong>在<em>周五</em>前报名，<em>过时不候</em>。</p>',
    );
    expect(md('***重要***')).toBe('<p><em><strong>重要</strong></em></p>');
    expect(md('**加粗 _强调_ 文字**')).toBe('<p><strong>加粗 <em>强调</em> 文字</strong></p>');
  });

  it('leaves lone and spaced asterisks and snake_case alone', () => {
    expect(md('2 * 3 * 4 = 24，file_name_here')).toBe('<p>2 * 3 * 4 = 24，file_name_here</p>');
  });

  it('renders links: site paths stay in the tab, external ones open a new one', () => {
    expect(md('详见[报名须知](/news/42)。')).toBe(`<p>详见<a href="/news/42" ${rel}>报名须知</a>。</p>`);
    expect(md('[二七区政府](https://www.zzerqi.gov.cn/a?b=1&c=2)')).toBe(
      `<p><a href="https://www.zzerqi.gov.cn/a?b=1&amp;c=2" ${rel} target="_blank">二七区政府</a></p>`,
    );
    expect(md('[写信](mailto:jieyunli@example.cn)')).toBe(
      `<p><a href="mailto:jieyunli@example.cn" ${rel}>写信</a></p>`,
    );
    expect(md('[郑州](https://zh.wikipedia.org/wiki/Zhengzhou_(city))')).toContain(
      'href="https://zh.wikipedia.org/wiki/Zhengzhou_(city)"',
    );
    expect(md('[**加粗**链接](/a_b_c)')).toBe(`<p><a href="/a_b_c" ${rel}><strong>加粗</strong>链接</a></p>`);
  });

  it('renders allowed images lazily, and a captioned photo on its own line as a figure', () => {
    expect(md('![广场](/photos/2026/a.jpg)')).toBe('<p><img src="/photos/2026/a.jpg" alt="广场" loading="lazy"></p>');
    expect(md(`${report}\n![邻里节现场](/photos/a.jpg "居民在洁云里小区广场分享家常菜")\n记者 张三`)).toBe(
      `<p>${report}</p>\n<figure><img src="/photos/a.jpg" alt="邻里节现场" loading="lazy">` +
        '<figcaption>居民在洁云里小区广场分享家常菜</figcaption></figure>\n<p>记者 张三</p>',
    );
    // A figure cannot sit inside a paragraph, so a captioned image within text keeps a tooltip.
    expect(md('见图 ![图](/photos/a.jpg "说明") 所示')).toBe(
      '<p>见图 <img src="/photos/a.jpg" alt="图" loading="lazy" title="说明"> 所示</p>',
    );
    expect(md('[![图](/photos/a.jpg)](/news/1)')).toBe(
      `<p><a href="/news/1" ${rel}><img src="/photos/a.jpg" alt="图" loading="lazy"></a></p>`,
    );
  });

  it('asks isAllowedImage with the URL as written and escapes it in the attribute', () => {
    const seen: string[] = [];
    const html = renderMarkdown('![a](/photos/a&b.jpg)', {
      isAllowedImage: (url) => {
        seen.push(url);
        return true;
      },
    });
    expect(seen).toEqual(['/photos/a&b.jpg']);
    expect(html).toBe('<p><img src="/photos/a&amp;b.jpg" alt="a" loading="lazy"></p>');
  });

  it('renders the alt text in brackets for images that are not allowed', () => {
    expect(md('![外链图片](https://example.com/a.jpg)')).toBe('<p>[外链图片]</p>');
    expect(md('![外链](https://example.com/a.jpg "说明")')).toBe('<p>[外链]</p>');
    expect(md('前![](https://example.com/a.jpg)后')).toBe('<p>前后</p>');
  });

  it('renders unordered and ordered lists, one level', () => {
    expect(md('活动安排：\n- 上午 义诊\n* 下午 理发\n\n- 晚上 电影\n1. 报名\n2) 签到')).toBe(
      '<p>活动安排：</p>\n<ul><li>上午 义诊</li><li>下午 理发</li><li>晚上 电影</li></ul>\n<ol><li>报名</li><li>签到</li></ol>',
    );
    expect(md('- [报名](/events/1)')).toBe(`<ul><li><a href="/events/1" ${rel}>报名</a></li></ul>`);
  });

  it('renders blockquotes with their own paragraphs and lists, but does not nest them', () => {
    expect(md('> 居民王阿姨说：\n> 「这下方便了。」\n>\n> - 一\n> > 二')).toBe(
      '<blockquote><p>居民王阿姨说：<br>「这下方便了。」</p>\n<ul><li>一</li></ul>\n<p>&gt; 二</p></blockquote>',
    );
  });

  it('renders ---, *** and ___ as a horizontal rule', () => {
    expect(md('上\n---\n下\n\n* * *\n___')).toBe('<p>上</p>\n<hr>\n<p>下</p>\n<hr>\n<hr>');
  });

  it('honours backslash escapes', () => {
    expect(md('\\*不是强调\\* \\[不是链接\\](/x) \\# 1\\. a\\\\b \\&amp;')).toBe(
      '<p>*不是强调* [不是链接](/x) # 1. a\\b &amp;amp;</p>',
    );
    expect(md('\\# 不是标题\n\\- 不是列表')).toBe('<p># 不是标题<br>- 不是列表</p>');
    // An escaped `&` in a URL is a literal `&`, never the start of an entity.
    expect(md('[a](/q?x=\\&amp;)')).toBe(`<p><a href="/q?x=&amp;amp;" ${rel}>a</a></p>`);
  });
});

describe('renderMarkdown: security', () => {
  it('shows raw HTML as text', () => {
    expect(md('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(md('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(md(`<a href="javascript:alert('x')">点我</a>`)).toBe(
      '<p>&lt;a href=&quot;javascript:alert(&#39;x&#39;)&quot;&gt;点我&lt;/a&gt;</p>',
    );
    for (const source of [
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '<!-- x --><style>*{}</style>',
      '&lt;script&gt;',
    ]) {
      const html = md(source);
      assertSafeHtml(html);
      expect(html).toMatch(/^<p>[^<]*<\/p>$/);
    }
  });

  const badTargets = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&colon;alert(1)',
    '%6Aavascript:alert(1)',
    'javascript%3Aalert(1)',
    '\u0001javascript:alert(1)',
    'ja\u200Bvascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,x',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\/\\/evil.example',
    '/\\\\evil.example',
    'news/1',
    '#top',
    '',
  ];
  it.each(badTargets)('renders a link to %j as its text only', (target) => {
    expect(md(`[点这里](${target})`)).toBe('<p>点这里</p>');
  });

  // Whitespace inside the scheme breaks the link syntax: the source shows as (escaped) text.
  it.each(['java\tscript:alert(1)', 'java\nscript:alert(1)', 'java\rscript:alert(1)', 'java script:alert(1)'])(
    'shows a link to %j as text without a link',
    (target) => {
      const html = md(`[点这里](${target})`);
      assertSafeHtml(html);
      expect(html).not.toContain('<a');
    },
  );

  it.each([...badTargets, 'https://evil.example/a.jpg', '//evil.example/photos/a.jpg'])(
    'does not show an image from %j',
    (target) => {
      const html = md(`![照片](${target})`);
      expect(html).not.toContain('<img');
      expect(html).toBe('<p>[照片]</p>');
    },
  );

  it('checks image URLs itself even when the caller allows everything', () => {
    const html = renderMarkdown('![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)', {
      isAllowedImage: () => true,
    });
    expect(html).toBe('<p>[x] [y]</p>');
  });

  it('keeps attribute values inside their quotes', () => {
    expect(md('[a](http://x.com/" onmouseover="alert(1))')).toBe(
      '<p>[a](http://x.com/&quot; onmouseover=&quot;alert(1))</p>',
    );
    expect(md(`[a](http://x.com/"onmouseover="alert(1))`)).toBe(
      `<p><a href="http://x.com/&quot;onmouseover=&quot;alert(1)" ${rel} target="_blank">a</a></p>`,
    );
    expect(md(`[a](/x'onfocus='alert(1))`)).toBe(`<p><a href="/x&#39;onfocus=&#39;alert(1)" ${rel}>a</a></p>`);
    expect(md('![a"onerror="x](/photos/a.jpg)')).toBe(
      '<p><img src="/photos/a.jpg" alt="a&quot;onerror=&quot;x" loading="lazy"></p>',
    );
    expect(md('![a](/photos/a.jpg "t" onerror="x")')).toBe(
      '<figure><img src="/photos/a.jpg" alt="a" loading="lazy"><figcaption>t&quot; onerror=&quot;x</figcaption></figure>',
    );
    expect(md('![a](/photos/a.jpg "t" onerror="alert(1)")')).toBe(
      '<p>![a](/photos/a.jpg &quot;t&quot; onerror=&quot;alert(1)&quot;)</p>',
    );
    // Emphasis markers inside a URL must not turn into tags inside the attribute.
    expect(md('[a](/x_*y*_z) *[b](/_c_)*')).toBe(
      `<p><a href="/x_*y*_z" ${rel}>a</a> <em><a href="/_c_" ${rel}>b</a></em></p>`,
    );
  });

  it('does not expand an image inside a link target', () => {
    const html = md('[a](/x![b](/photos/y.jpg)) [c](/photos/![d](/photos/e.jpg))');
    assertSafeHtml(html);
    expect(html).not.toContain('href');
  });

  it.each([
    '**unclosed',
    '*a **b* c**',
    '_a **b_ c**',
    '**a _b** c_',
    '*a _b* c_',
    '[**a](/x)**',
    '**[a**](/x)',
    '***a**',
    '**a***',
    '*_*_*_',
    '_*_*_*',
    '**a *b* c**',
    '![**a**](/photos/a.jpg "*t*")',
    '*[a](/x*)*',
    '__a__',
    '**\n**',
    '****',
  ])('keeps %j well nested', (source) => {
    assertSafeHtml(md(source));
  });

  const long = 200_000;
  it.each([
    ['*', '*'.repeat(long)],
    ['a*', `a${'*'.repeat(long)}`],
    ['[', '['.repeat(long)],
    ['_', `a ${'_'.repeat(long)}`],
    ['![', '!['.repeat(long / 2)],
    ['**a ', '**a '.repeat(long / 4)],
    ['a**', 'a**'.repeat(long / 3)],
    ['[a](', '[a]('.repeat(long / 4)],
    ['[a](x', '[a](x'.repeat(long / 5)],
    ['![a](b "', '![a](b "'.repeat(long / 8)],
    ['[a]((', '[a](('.repeat(long / 5)],
    ['&', '&'.repeat(long)],
    ['\\', '\\'.repeat(long)],
    ['> ', '> '.repeat(long / 2)],
    ['- a\\n', '- a\n'.repeat(long / 4)],
    ['# x   y', `# x${' '.repeat(long)}y`],
    ['[a](   ', `[a](${' '.repeat(long)}`],
  ])('renders 200 KB of %j', { timeout: 10_000 }, (_, source) => {
    assertSafeHtml(md(source));
    expect(markdownToText(source)).toBeTypeOf('string');
  });

  it('keeps a long run of brackets as text', { timeout: 10_000 }, () => {
    expect(md('['.repeat(long))).toBe(`<p>${'['.repeat(long)}</p>`);
  });

  it('writes only its own tags, well nested, with safe attributes and URLs, for any input', () => {
    const units = (list: string[], maxLength: number) => fc.string({ unit: fc.constantFrom(...list), maxLength });
    const image = '![b](/photos/b.jpg)';
    // Links and images with hostile targets and labels, so the URL rules meet real syntax.
    const target = units(
      [
        'javascript:',
        'JaVa\tScript:',
        'data:',
        '&#106;',
        '&#58;',
        '%6A',
        'http://x.com/',
        'mailto:a@b',
        '/',
        '//',
        '/\\',
        '\\',
        '/photos/',
        'a.jpg',
        '"',
        "'",
        ' ',
        '\t',
        '(',
        ')',
        '*',
        '_',
        '&',
        '<',
        image,
        'a',
      ],
      6,
    );
    const label = units(['a', '字', '*', '**', '_', '"', "'", '<', '&', ' ', '\\', image, '[', ']'], 5);
    const link = fc
      .tuple(
        fc.constantFrom('[', '!['),
        label,
        fc.constantFrom('](', ']( '),
        target,
        fc.constantFrom(')', ' "t")', ' "t"a" x")', ' ")'),
      )
      .map((parts) => parts.join(''));
    // A small alphabet finds tangled emphasis quickly.
    const emphasis = units(['*', '**', '_', ' ', 'a', '字', '[a](/x)', '\n'], 12);
    const pieces = units(
      [
        '*',
        '_',
        '[',
        ']',
        '(',
        ')',
        '](',
        '![',
        '!',
        '\\',
        '#',
        '## ',
        '- ',
        '1. ',
        '> ',
        '---',
        '\n',
        '\n\n',
        ' ',
        '\t',
        '"',
        "'",
        '<',
        '>',
        '&',
        '&#106;',
        'javascript:',
        'http://x.com/',
        '/photos/a.jpg',
        '//',
        '/',
        'onerror=',
        'a',
        '字',
        '\uE080',
        '\uE081',
        '0',
        '\uE02A',
        '\u2028',
        '\u0000',
      ],
      30,
    );
    const anything = fc.oneof(
      fc.array(fc.oneof(link, emphasis, pieces), { maxLength: 6 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
    );
    fc.assert(
      fc.property(anything, (source) => {
        assertSafeHtml(md(source));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('markdownToText', () => {
  it('keeps the readable text: links become their text, images their alt and caption', () => {
    expect(markdownToText('## 通知\n请到[居委会](/places/1)**领取**。')).toBe('通知\n请到居委会领取。');
    expect(
      markdownToText(`${report}\n\n![现场](/photos/a.jpg "居民分享家常菜")\n![外链](https://example.com/a.jpg)`),
    ).toBe(`${report}\n现场\n居民分享家常菜\n外链`);
    expect(markdownToText('- 一\n- 二\n\n> 引用\n\n---\n\\*星号\\*')).toBe('一\n二\n引用\n*星号*');
    expect(markdownToText('[点这里](javascript:alert(1))')).toBe('点这里');
  });

  it('returns plain text, not HTML: markup characters come back unescaped for the caller to escape', () => {
    expect(markdownToText('AT&T <script>alert("x")</script> &amp;')).toBe('AT&T <script>alert("x")</script> &amp;');
  });

  it('leaves text without Markdown syntax as it was, line by line', () => {
    const plain = fc.string({ unit: fc.constantFrom('邻', '里', 'a', 'Z', '9', '，', '。', ' ', '\n'), maxLength: 80 });
    fc.assert(
      fc.property(plain, (source) => {
        const lines = source
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        expect(markdownToText(source)).toBe(lines.join('\n'));
      }),
    );
  });
});
