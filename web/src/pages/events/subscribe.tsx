import { createSignal } from 'solid-js';
import { feedUrls } from '../../lib/events.ts';
import { t } from '../../lib/prefs.ts';

/**
 * Subscribing to the place's calendar: webcal:// opens the subscribe dialog on iPhones; other
 * phones add the https address in their calendar settings, so it can be copied too.
 */
export function SubscribeBox(props: { place: { community?: string; subdistrict?: string }; name: string }) {
  const urls = () => feedUrls(props.place);
  const [copied, setCopied] = createSignal(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(urls().https);
      setCopied(true);
    } catch {
      // No clipboard (old WebView, no permission): the address is shown to copy by hand.
    }
  };
  return (
    <section class="card subscribe" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">{t('subscribeTitle')}</h2>
      <p>{t('subscribeIntro', { place: props.name })}</p>
      <div class="actions">
        <a class="button" href={urls().webcal}>
          {t('subscribeButton')}
        </a>
        <button type="button" class="button button-secondary" onClick={copy}>
          {t('copyFeedAddress')}
        </button>
      </div>
      {/* Always present, so screen readers announce the change. */}
      <p role="status">{copied() ? t('copied') : ''}</p>
      <p class="hint">{t('subscribeOtherPhones')}</p>
      <p class="feed-url">
        <a href={urls().https}>{urls().https}</a>
      </p>
    </section>
  );
}
