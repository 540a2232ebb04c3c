import type { JSX } from 'solid-js';
import { t } from '../lib/prefs.ts';

/** Shown while data loads. */
export function Loading() {
  return (
    <p class="state" role="status">
      {t('loading')}
    </p>
  );
}

/** Shown when loading failed, with a way to try again. */
export function LoadError(props: { error: unknown; retry: () => void }): JSX.Element {
  return (
    <div class="state state-error" role="alert">
      <p>{t('loadFailed')}</p>
      <button type="button" class="button" onClick={() => props.retry()}>
        {t('retry')}
      </button>
    </div>
  );
}
