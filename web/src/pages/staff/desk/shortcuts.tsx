import { For, onCleanup, onMount, Show } from 'solid-js';
import type { MessageKey } from '../../../lib/messages.ts';
import { t } from '../../../lib/prefs.ts';

export type Shortcut = 'next' | 'prev' | 'accept' | 'note' | 'resolve' | 'file' | 'help';

/** Each shortcut, the keys that press it (as `KeyboardEvent.key`), and its words. */
export const shortcuts: { name: Shortcut; keys: string[]; shown: string[]; words: MessageKey }[] = [
  { name: 'next', keys: ['j', 'ArrowDown'], shown: ['J', '↓'], words: 'shortcutNext' },
  { name: 'prev', keys: ['k', 'ArrowUp'], shown: ['K', '↑'], words: 'shortcutPrev' },
  { name: 'accept', keys: ['a'], shown: ['A'], words: 'shortcutAccept' },
  { name: 'note', keys: ['n'], shown: ['N'], words: 'shortcutNote' },
  { name: 'resolve', keys: ['r'], shown: ['R'], words: 'shortcutResolve' },
  { name: 'file', keys: ['f'], shown: ['F'], words: 'shortcutFile' },
  { name: 'help', keys: ['?', 'h'], shown: ['?', 'H'], words: 'shortcutHelp' },
];

/** Where a key is text being typed, not a command. */
const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * Listens for the workbench's single keys while it is shown: never in a text field, a select or
 * with Ctrl, Alt or ⌘ held (the browser's and the screen reader's own keys), and nothing timed.
 * A handler that acted returns nothing; the key's default (scrolling, typing) is then prevented.
 */
export function useShortcuts(run: (name: Shortcut) => boolean | undefined) {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
    const found = shortcuts.find((s) => s.keys.includes(e.key));
    if (!found || (e.repeat && found.name !== 'next' && found.name !== 'prev')) return;
    if (run(found.name) !== false) e.preventDefault();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
}

/** A key as printed on the keyboard, for sighted users (screen readers get aria-keyshortcuts). */
export const Kbd = (props: { keys: string[] }) => (
  <span class="kbd-hint" aria-hidden="true">
    <For each={props.keys}>{(k) => <kbd>{k}</kbd>}</For>
  </span>
);

/** The keys of a shortcut in aria-keyshortcuts' words ("j ArrowDown"). */
export const ariaKeys = (name: Shortcut) =>
  shortcuts
    .find((s) => s.name === name)!
    .keys.map((k) => (k === '?' ? 'Shift+?' : k.length === 1 ? k.toUpperCase() : k))
    .join(' ');

/** The list of shortcuts, opened with ? or H or its button. */
export function ShortcutHelp(props: { open: boolean }) {
  return (
    <Show when={props.open}>
      <section class="shortcut-help card" aria-labelledby="shortcut-help-title">
        <h2 id="shortcut-help-title">{t('shortcutsTitle')}</h2>
        <p class="muted">{t('shortcutsIntro')}</p>
        <dl>
          <For each={shortcuts}>
            {(s) => (
              <>
                <dt>
                  <For each={s.shown}>{(k) => <kbd>{k}</kbd>}</For>
                </dt>
                <dd>{t(s.words)}</dd>
              </>
            )}
          </For>
        </dl>
      </section>
    </Show>
  );
}
