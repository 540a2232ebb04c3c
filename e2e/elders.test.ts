import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phonePage, screenshot, seriousA11yViolations, startApp } from './harness.ts';

/**
 * Elders' mode (长辈版) measured on the rendered pages at 390×844, as the MIIT guidance (2021)
 * asks: body text ≥ 18 px, h1/h2 ≥ 30 px (h3 ≥ 22 px), line height ≥ 1.3, tap targets ≥ 60×60 px,
 * one column, axe clean; and reading aloud with a stand-in for the browser's speech synthesis.
 */
let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let page: Page;

/** Records what would be spoken; `__finish()` ends the reading as a real voice would. */
function fakeSpeech() {
  const w = window as unknown as Record<string, unknown>;
  const spoken: { text: string; lang: string }[] = [];
  let queue: SpeechSynthesisUtterance[] = [];
  w.__spoken = spoken;
  w.__cancels = 0;
  w.__finish = () => {
    const q = queue;
    queue = [];
    for (const u of q) u.onend?.(new Event('end') as SpeechSynthesisEvent);
  };
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      speak(u: SpeechSynthesisUtterance) {
        spoken.push({ text: u.text, lang: u.lang });
        queue.push(u);
      },
      cancel() {
        w.__cancels = (w.__cancels as number) + 1;
        const q = queue;
        queue = [];
        for (const u of q) u.onerror?.(new Event('error') as SpeechSynthesisErrorEvent);
      },
      getVoices: () => [],
      pause() {},
      resume() {},
      speaking: false,
      pending: false,
      paused: false,
    },
  });
}

/** Whether the app's first content appeared with elders' mode already on (no jump after paint). */
function watchFirstRender() {
  const w = window as unknown as Record<string, unknown>;
  new MutationObserver((_, observer) => {
    if (document.getElementById('root')?.childElementCount) {
      w.__eldersAtFirstRender = document.documentElement.classList.contains('elders');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Everything on the page that breaks the elders' mode sizes, as readable lines (empty when none). */
async function sizeProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    for (const card of document.querySelectorAll<HTMLElement>('.plain-list > .card'))
      card.style.contentVisibility = 'visible';
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && r.right > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent?.trim() || !el || el.closest('script, style, noscript') || !shown(el)) continue;
      const style = getComputedStyle(el);
      const size = Number.parseFloat(style.fontSize);
      const line = style.lineHeight === 'normal' ? size * 1.2 : Number.parseFloat(style.lineHeight);
      const heading = el.closest('h1, h2, h3');
      const min = heading ? ({ H1: 30, H2: 30, H3: 22 } as Record<string, number>)[heading.tagName]! : 18;
      if (size < min) problems.push(`text ${size}px < ${min}px: ${describe(el)}`);
      if (line < size * 1.3 - 0.5) problems.push(`line height ${line}px for ${size}px text: ${describe(el)}`);
      // Words that run past the screen's edge (a line that cannot break) widen the page.
      const range = document.createRange();
      range.selectNodeContents(node);
      const words = range.getBoundingClientRect();
      if (!el.closest('.table-scroll, .tabs, .visually-hidden') && (words.right > vw + 0.5 || words.left < -0.5))
        problems.push(
          `words outside the screen (${Math.round(words.left)}–${Math.round(words.right)}): ${describe(el)}`,
        );
    }
    for (const el of document.querySelectorAll('a, button, input, select, textarea, summary, label.file-button')) {
      // A check box or radio is tapped through its label, the whole row.
      const target =
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? el.closest('label')! : el;
      if (!shown(target)) continue;
      const r = target.getBoundingClientRect();
      if (r.width < 59.5 || r.height < 59.5)
        problems.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)}: ${describe(target)}`);
    }
    if (document.documentElement.scrollWidth > vw)
      problems.push(`page ${document.documentElement.scrollWidth}px wide, viewport ${vw}px`);
    for (const el of document.querySelectorAll('body *')) {
      if (!shown(el) || el.closest('.table-scroll, .tabs, .visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > vw + 0.5 || r.left < -0.5)
        problems.push(`outside the screen (${r.left}–${r.right}): ${describe(el)}`);
    }
    // One column: a fact's name stands above its value, not beside it.
    for (const dd of document.querySelectorAll('.facts dd')) {
      const dt = dd.previousElementSibling;
      if (dt && shown(dd) && dd.getBoundingClientRect().top < dt.getBoundingClientRect().bottom - 0.5)
        problems.push(`a fact beside its name: ${describe(dd)}`);
    }
    return [...new Set(problems)];
  });
}

/** Sizes, width and axe on the page as it is now. */
async function checkPage(p: Page, label: string) {
  expect(await p.evaluate(() => document.documentElement.classList.contains('elders')), label).toBe(true);
  expect(await sizeProblems(p), label).toEqual([]);
  expect(await seriousA11yViolations(p), label).toEqual([]);
}

const spoken = (p: Page) =>
  p.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
const cancels = (p: Page) => p.evaluate(() => (window as unknown as { __cancels: number }).__cancels);

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await phonePage(browser);
  await page.addInitScript(fakeSpeech);
  await page.addInitScript(watchFirstRender);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("elders' mode on a phone", () => {
  let trackingUrl = '';

  it('is turned on from the header, and the home page passes its sizes, before and after choosing a place', async () => {
    await page.goto(app.url);
    const entry = page.getByRole('button', { name: '长辈版' });
    await expect.poll(() => entry.getAttribute('aria-pressed')).toBe('false');
    await entry.click();
    expect(await entry.getAttribute('aria-pressed')).toBe('true');
    // Elders' mode includes large text: that switch gives way, and so does the staff link.
    expect(await page.getByRole('button', { name: /大字/ }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: /工作人员/ }).count()).toBe(0);
    await checkPage(page, 'home, no place yet');
    await page.getByLabel('街道').selectOption({ label: '建中街街道' });
    await page.getByLabel('社区', { exact: true }).selectOption({ label: '永安社区' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('永安社区');
    await expect.poll(() => page.locator('.home-link').count()).toBeGreaterThan(1);
    await checkPage(page, 'home');
    await screenshot(page, 'elders-home-zh');
  });

  it('persists after a reload and on another page, in place before the first render', async () => {
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('永安社区');
    expect(await page.getByRole('button', { name: '长辈版' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__eldersAtFirstRender)).toBe(true);
    await page.goto(`${app.url}/news`);
    await expect.poll(() => page.locator('.news-item').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__eldersAtFirstRender)).toBe(true);
    await checkPage(page, 'news list');
  });

  it('an article passes, and reads its title and text aloud in Chinese until stopped', async () => {
    await page.locator('.news-item h2 a').first().click();
    await expect.poll(() => page.locator('.article-body p').count()).toBeGreaterThan(0);
    const play = page.getByRole('button', { name: '朗读' });
    await expect.poll(() => play.isVisible()).toBe(true);
    await checkPage(page, 'article');
    await screenshot(page, 'elders-article-zh');

    const headline = (await page.locator('h1').textContent())!.trim();
    const firstSentence = (await page.locator('.article-body p').first().textContent())!.trim().split('。')[0]!;
    await play.click();
    const stop = page.getByRole('button', { name: '停止朗读' });
    await expect.poll(() => stop.isVisible()).toBe(true);
    const said = await spoken(page);
    expect(said[0]).toEqual({ text: headline, lang: 'zh-CN' });
    expect(said.some((s) => s.text.includes(firstSentence) && s.lang === 'zh-CN')).toBe(true);
    expect(said.every((s) => s.lang === 'zh-CN')).toBe(true);
    // Neither the button's own words nor the date line are read.
    expect(said.some((s) => s.text.includes('朗读') || s.text.includes('发布于'))).toBe(false);

    const before = await cancels(page);
    await stop.click();
    expect(await cancels(page)).toBeGreaterThan(before);
    await expect.poll(() => play.isVisible()).toBe(true);

    // A reading that ends by itself gives the play button back.
    await play.click();
    await expect.poll(() => stop.isVisible()).toBe(true);
    await page.evaluate(() => (window as unknown as { __finish(): void }).__finish());
    await expect.poll(() => play.isVisible()).toBe(true);

    // Leaving the page stops the reading.
    await play.click();
    const leaving = await cancels(page);
    await page.getByRole('link', { name: '返回新闻' }).click();
    await expect.poll(() => cancels(page)).toBeGreaterThan(leaving);
  });

  it('the events list and an event pass, and the event is read aloud', async () => {
    await page.getByRole('link', { name: '活动', exact: true }).click();
    await expect.poll(() => page.locator('.event-link').count()).toBeGreaterThan(0);
    // The calendar feed and the other places' lists are secondary: gone in elders' mode.
    expect(await page.getByRole('link', { name: /订阅日历/ }).count()).toBe(0);
    await checkPage(page, 'events');
    await page.locator('.event-link').first().click();
    await expect.poll(() => page.locator('.facts').count()).toBe(1);
    await checkPage(page, 'event');
    const title = (await page.locator('h1').textContent())!.trim();
    const before = (await spoken(page)).length;
    await page.getByRole('button', { name: '朗读' }).click();
    const said = (await spoken(page)).slice(before);
    expect(said[0]).toEqual({ text: title, lang: 'zh-CN' });
    expect(said.some((s) => s.text.includes('时间'))).toBe(true);
    await page.getByRole('button', { name: '停止朗读' }).click();
  });

  it('the ticket form passes, and so does the tracking page, which reads the status aloud', async () => {
    await page.getByRole('link', { name: '办事' }).click();
    await expect.poll(() => page.getByText('公共设施').isVisible()).toBe(true);
    await checkPage(page, 'ticket form');
    await page.getByText('公共设施').click();
    await page.getByLabel('请说说具体情况').fill('3号楼楼道灯坏了，晚上看不见台阶。');
    await page.getByLabel('具体位置').fill('3号楼2单元');
    await page.getByLabel('手机号（用于回访，不会公开）').fill('138 1234 5678');
    await page.getByText(/我同意社区保存我的联系方式/).click();
    await checkPage(page, 'ticket form, filled in');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('办理进度');
    await expect.poll(() => page.locator('.ticket-number').count()).toBe(1);
    trackingUrl = page.url();
    await checkPage(page, 'tracking');
    await screenshot(page, 'elders-tracking-zh');
    const before = (await spoken(page)).length;
    await page.getByRole('button', { name: '朗读' }).click();
    const said = (await spoken(page)).map((s) => s.text).slice(before);
    const status = (await page.locator('.status').first().textContent())!.trim();
    expect(said.join(' ')).toContain(status);
    expect(said.join(' ')).toContain('3号楼楼道灯坏了');
    // The phone number is private: shown to its owner, never said out loud.
    expect(said.join(' ')).not.toContain('5678');
    await page.getByRole('button', { name: '停止朗读' }).click();
  });

  it('in English the labels are read in English and the Chinese words in Chinese', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Progress');
    await checkPage(page, 'tracking in English');
    await screenshot(page, 'elders-tracking-en');
    await page.goto(`${app.url}/events`);
    await page.locator('.event-link').first().click();
    await expect.poll(() => page.locator('.facts').count()).toBe(1);
    await checkPage(page, 'event in English');
    await screenshot(page, 'elders-event-en');
    const before = (await spoken(page)).length;
    await page.getByRole('button', { name: 'Read aloud' }).click();
    const said = (await spoken(page)).slice(before);
    expect(said[0]!.lang).toBe('zh-CN');
    expect(said.find((s) => s.text.startsWith('When'))?.lang).toBe('en-US');
    await page.getByRole('button', { name: 'Stop reading' }).click();
    await page.getByRole('button', { name: '切换到中文' }).click();
  });

  it('a renovation project with its wish form, the home-visit request and the public board pass too', async () => {
    // A phone of its own, in the community with the demo's courtyard renovation.
    const other = await phonePage(browser);
    await other.goto(app.url);
    await other.getByRole('button', { name: '长辈版' }).click();
    await other.getByLabel('街道').selectOption({ label: '京广路街道' });
    await other.getByLabel('社区', { exact: true }).selectOption({ label: '洁云路社区' });
    await expect.poll(() => other.locator('a.home-link[href^="/renovation/"]').count()).toBeGreaterThan(0);
    await other.locator('a.home-link[href^="/renovation/"]').first().click();
    await expect.poll(() => other.locator('#wish-form').count()).toBe(1);
    await checkPage(other, 'renovation project and its wish form');
    await other.getByRole('link', { name: '办事', exact: true }).click();
    await other.getByRole('link', { name: '大家反映' }).first().click();
    await expect.poll(() => other.locator('h1').count()).toBe(1);
    await checkPage(other, 'public board');
    await other.context().close();

    // Home visits are offered where a partner serves the community: Gongren Road.
    const family = await phonePage(browser);
    await family.goto(app.url);
    await family.getByRole('button', { name: '长辈版' }).click();
    await family.getByLabel('街道').selectOption({ label: '嵩山路街道' });
    await family.getByLabel('社区', { exact: true }).selectOption({ label: '工人路社区' });
    await family.locator('a.button[href="/home-visits"]').click();
    await expect.poll(() => family.locator('main form').count()).toBeGreaterThan(0);
    await checkPage(family, 'home-visit request');
    await family.context().close();
  });

  it('shows no read-aloud button where the browser cannot speak, nor outside elders’ mode', async () => {
    const mute = await phonePage(browser);
    await mute.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined }));
    await mute.goto(trackingUrl);
    await mute.getByRole('button', { name: '长辈版' }).click();
    await expect.poll(() => mute.locator('.ticket-number').count()).toBe(1);
    expect(await mute.getByRole('button', { name: '朗读' }).count()).toBe(0);
    await mute.context().close();

    await page.goto(trackingUrl);
    await expect.poll(() => page.getByRole('button', { name: '朗读' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '长辈版' }).click();
    expect(await page.getByRole('button', { name: '朗读' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.classList.contains('elders'))).toBe(false);
    await page.reload();
    await expect.poll(() => page.locator('.ticket-number').count()).toBe(1);
    expect(await page.getByRole('button', { name: '长辈版' }).getAttribute('aria-pressed')).toBe('false');
  });
});
