/**
 * Speaking a page's text with the browser's speech synthesis (components/read-aloud.tsx).
 * No imports: loaded only when the button shows.
 */
type Piece = { text: string; lang: string };

const SKIP = 'button, a.button, [aria-hidden="true"], [data-no-read], script, style';
const BLOCK = 'p, h1, h2, h3, h4, dt, dd, li, figcaption, div, section, article';

/** The text of each block, in the language its markup names, a sentence at a time (long utterances stop short in some browsers). */
export function pieces(parts: (Element | undefined)[]): Piece[] {
  const out: (Piece & { block: Element | null })[] = [];
  for (const part of parts) {
    if (!part) continue;
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(SKIP)) continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ? 'en-US' : 'zh-CN';
      const block = parent.closest(BLOCK);
      const last = out[out.length - 1];
      if (last && last.lang === lang && last.block === block) last.text += node.textContent;
      else out.push({ text: node.textContent ?? '', lang, block });
    }
  }
  return out.flatMap(({ text, lang }) =>
    (text.match(/[^。！？!?\n]+[。！？!?]*/g) ?? []).map((s) => ({ text: s.trim(), lang })).filter((s) => s.text),
  );
}

/**
 * Reads the elements aloud; `done` runs when the reading ends by itself. Returns the stop.
 * Leaving the page (pagehide) stops it too.
 * @example const stop = speak([h1, body], () => setSpeaking(false))
 */
export function speak(parts: (Element | undefined)[], done: () => void): () => void {
  speechSynthesis.cancel();
  let live = true;
  // Ending by itself must not cancel: that could silence a reading started since.
  const end = () => {
    if (!live) return;
    live = false;
    removeEventListener('pagehide', stop);
    done();
  };
  const stop = () => {
    if (live) speechSynthesis.cancel();
    end();
  };
  addEventListener('pagehide', stop);
  const all = pieces(parts);
  all.forEach((piece, i) => {
    const utterance = new SpeechSynthesisUtterance(piece.text);
    utterance.lang = piece.lang;
    utterance.rate = 0.9;
    // Only the last piece's end is the reading's end.
    if (i === all.length - 1) utterance.onend = utterance.onerror = end;
    speechSynthesis.speak(utterance);
  });
  if (all.length === 0) end();
  return stop;
}
