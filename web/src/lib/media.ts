import { createRoot, createSignal } from 'solid-js';

/** The width from which a staff page may lay out as a desk PC's two panes (styles.css uses the same). */
export const WIDE_QUERY = '(min-width: 1024px)';

/**
 * Whether the screen is at least as wide as the joint desk's PC, kept up to date as the window
 * is resized: behaviour (keyboard shortcuts, which component renders) follows the same line as
 * the CSS media query.
 * @example <Show when={wideScreen()} fallback={<Cards />}><Workbench /></Show>
 */
export const wideScreen = createRoot(() => {
  const media = typeof matchMedia === 'function' ? matchMedia(WIDE_QUERY) : undefined;
  const [wide, setWide] = createSignal(media?.matches ?? false);
  media?.addEventListener('change', (e) => setWide(e.matches));
  return wide;
});
