import { useBeforeLeave } from '@solidjs/router';
import { Show } from 'solid-js';
import { shownAsOf, switchVersion, updateWaiting } from '../lib/offline.ts';
import { prefs, t } from '../lib/prefs.ts';

/** Zhengzhou's calendar day of an instant, to tell today from another day. */
const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * "Offline — shown as of 14:05" over data the phone kept, with the day too when it was not today.
 * (The browser's Intl, not lib/dates.ts, keeps the first page's code small.)
 */
export function ShownAsOf(props: { data: unknown }) {
  const when = (at: number) =>
    new Intl.DateTimeFormat(prefs.locale(), {
      timeZone: 'Asia/Shanghai',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      ...(dayOf(at) === dayOf(Date.now()) ? {} : { month: 'short', day: 'numeric' }),
    }).format(at);
  return (
    <Show when={shownAsOf(props.data)}>
      {(at) => (
        <p class="notice offline-note" role="status">
          {t('offlineAsOf', { time: when(at()) })}
        </p>
      )}
    </Show>
  );
}

/**
 * Says a new version is ready, and lets it take over on the next page the resident opens (a
 * full load, so no page runs two versions' chunks), or at once with the button.
 */
export function UpdateNote() {
  useBeforeLeave((e) => {
    if (!updateWaiting() || typeof e.to !== 'string') return;
    e.preventDefault();
    const to = e.to;
    switchVersion(() => location.assign(to));
  });
  return (
    <Show when={updateWaiting()}>
      <p class="notice update-note" role="status">
        {t('updateReady')}{' '}
        <button type="button" class="button button-secondary" onClick={() => switchVersion(() => location.reload())}>
          {t('updateNow')}
        </button>
      </p>
    </Show>
  );
}
