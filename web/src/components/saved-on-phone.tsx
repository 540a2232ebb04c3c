import { createSignal, Show } from 'solid-js';
import type { OutboxEntry } from '../lib/outbox-rules.ts';
import { t } from '../lib/prefs.ts';

/** In a form's place once its post is kept on the phone: what was filed, and that it goes by itself. */
export function SavedOnPhone(props: { entry: OutboxEntry }) {
  return (
    <section class="card stack saved-on-phone" role="status" aria-labelledby="saved-on-phone-title">
      <h2 id="saved-on-phone-title">{t('outboxSaved')}</h2>
      <Show when={props.entry.summary}>
        <p>{t('outboxSavedWhat', { what: props.entry.summary })}</p>
      </Show>
      <Show when={props.entry.photos?.length}>{(n) => <p>{t('outboxSavedPhotos', { n: n() })}</p>}</Show>
      <p class="hint">{t('outboxSavedHint')}</p>
    </section>
  );
}

const [online, setOnline] = createSignal(navigator.onLine);
addEventListener('online', () => setOnline(true));
addEventListener('offline', () => setOnline(false));

/** Beside the photo picker while the phone is offline: photos picked now wait on the phone with the post. */
export function PhotosNeedNetwork() {
  return (
    <Show when={!online()}>
      <p class="hint notice">{t('outboxPhotosNeedNetwork')}</p>
    </Show>
  );
}
