import { type JSX, Show } from 'solid-js';
import { ApiFailure } from '../lib/api.ts';
import { t } from '../lib/prefs.ts';

/** Shown while data loads. */
export function Loading() {
  return (
    <p class="state" role="status">
      {t('loading')}
    </p>
  );
}

/**
 * Shown when loading failed, with a way to try again. A page reached by a private link says
 * what to do when the link itself is wrong (`badLink`): trying again would not help then.
 */
export function LoadError(props: { error: unknown; retry: () => void; badLink?: () => JSX.Element }): JSX.Element {
  const linkIsWrong = () =>
    props.error instanceof ApiFailure && (props.error.status === 404 || props.error.status === 400);
  return (
    <div class="state state-error" role="alert">
      <Show
        when={props.badLink && linkIsWrong()}
        fallback={
          <>
            <p>{t('loadFailed')}</p>
            <button type="button" class="button" onClick={() => props.retry()}>
              {t('retry')}
            </button>
          </>
        }
      >
        {props.badLink!()}
      </Show>
    </div>
  );
}
