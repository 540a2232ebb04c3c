import { CopyButton } from '../../components/copy-button.tsx';
import { feedUrls } from '../../lib/events.ts';
import { t } from '../../lib/prefs.ts';

/**
 * Subscribing to the place's calendar: webcal:// opens the subscribe dialog on iPhones; other
 * phones add the https address in their calendar settings, so it can be copied too.
 */
export function SubscribeBox(props: { place: { community?: string; subdistrict?: string }; name: string }) {
  const urls = () => feedUrls(props.place);
  return (
    <section class="card subscribe secondary" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">{t('subscribeTitle')}</h2>
      <p>{t('subscribeIntro', { place: props.name })}</p>
      <div class="actions">
        <a class="button" href={urls().webcal}>
          {t('subscribeButton')}
        </a>
        <CopyButton text={() => urls().https} label={t('copyFeedAddress')} />
      </div>
      <p class="hint">{t('subscribeOtherPhones')}</p>
      <p class="feed-url">
        <a href={urls().https}>{urls().https}</a>
      </p>
    </section>
  );
}
