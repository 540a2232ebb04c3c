import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, type JSX, Show, Suspense } from 'solid-js';
import type { Community, Subdistrict } from '../lib/api.ts';
import { chosenPlace, getPlaces } from '../lib/places.ts';
import { t } from '../lib/prefs.ts';
import { LoadError, Loading } from './states.tsx';

/** Renders its children for the resident's chosen community, or asks them to choose one first. */
export function NeedPlace(props: {
  children: (place: { subdistrict: Subdistrict; community: Community }) => JSX.Element;
}) {
  const tree = createAsync(() => getPlaces());
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show
          when={chosenPlace(tree())}
          fallback={
            <Show when={tree()}>
              <p class="notice">{t('chooseCommunityFirst')}</p>
              <A class="button" href="/">
                {t('goChoose')}
              </A>
            </Show>
          }
        >
          {(place) => props.children(place())}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
