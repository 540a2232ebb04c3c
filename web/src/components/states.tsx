import { For, type JSX, Show } from 'solid-js';
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
  // The service worker's answer for a page this phone never read, or no network at all.
  const offline = () =>
    (props.error instanceof ApiFailure && props.error.code === 'offline') ||
    (props.error instanceof TypeError && !navigator.onLine);
  return (
    <div class="state state-error" role="alert">
      <Show
        when={props.badLink && linkIsWrong()}
        fallback={
          <>
            <p>{offline() ? t('needsNetwork') : t('loadFailed')}</p>
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

/**
 * A plain list, or its empty message outside it: a paragraph inside a <ul> is not a list item,
 * and screen readers announce it as an empty list.
 * @example <ListOr each={tickets()} empty={<p>{t('boardEmpty')}</p>}>{(tk) => <BoardItem ticket={tk} />}</ListOr>
 */
export function ListOr<T>(props: {
  each: readonly T[] | undefined;
  empty: JSX.Element;
  children: (item: T) => JSX.Element;
}) {
  return (
    <Show when={props.each?.length} fallback={props.each ? props.empty : null}>
      <ul class="plain-list">
        <For each={props.each}>{(item) => props.children(item)}</For>
      </ul>
    </Show>
  );
}
