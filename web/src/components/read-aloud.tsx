import { createSignal, onCleanup, Show } from 'solid-js';
import { prefs, t } from '../lib/prefs.ts';

type Speech = typeof import('./read-aloud-speech.ts');

/** The play/stop button; the speaking code (no imports, so no chunk of its own pulls others) comes with it. */
function Player(props: { parts: () => (Element | undefined)[] }) {
  const [speaking, setSpeaking] = createSignal(false);
  let speech: Speech | undefined;
  const loading = import('./read-aloud-speech.ts').then((m) => (speech = m));
  let stop = () => {};
  const toggle = async () => {
    if (speaking()) return stop();
    // Loaded on showing, so the tap itself speaks (some phones speak only inside a tap).
    const { speak } = speech ?? (await loading);
    setSpeaking(true);
    stop = speak(props.parts(), () => setSpeaking(false));
  };
  onCleanup(() => stop());
  return (
    <button type="button" class="button read-aloud" onClick={toggle}>
      <span aria-hidden="true">{speaking() ? '■' : '▶'}</span>
      {speaking() ? t('readAloudStop') : t('readAloud')}
    </button>
  );
}

/**
 * A large play/stop button, in elders' mode, that reads the given parts of the page aloud with
 * the browser's speech synthesis, each text in the language its markup names. Hidden where the
 * browser cannot speak; stops on a second tap and when the page goes.
 * @example <ReadAloud parts={() => [heading, body]} />
 */
export function ReadAloud(props: { parts: () => (Element | undefined)[] }) {
  return (
    <Show when={prefs.elders() && typeof speechSynthesis === 'object' && !!speechSynthesis}>
      <Player parts={props.parts} />
    </Show>
  );
}
