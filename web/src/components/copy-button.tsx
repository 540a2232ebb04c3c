import { createSignal } from 'solid-js';
import { t } from '../lib/prefs.ts';

/**
 * A button that copies text (a page's private link, a feed's address) and says so. Without a
 * clipboard (an old WebView, plain http) it says to copy by hand, from where the page shows it.
 * @example <CopyButton text={() => location.href} label={t('copyLink')} />
 */
export function CopyButton(props: { text: () => string; label: string }) {
  const [said, setSaid] = createSignal('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text());
      setSaid(t('copied'));
    } catch {
      setSaid(t('copyByHand'));
    }
  };
  return (
    <>
      <button type="button" class="button button-secondary" onClick={copy}>
        {props.label}
      </button>
      {/* Always present, so screen readers announce the change. */}
      <p role="status">{said()}</p>
    </>
  );
}
