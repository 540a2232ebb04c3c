import { createAsync } from '@solidjs/router';
import { ErrorBoundary, type JSX, Show, Suspense } from 'solid-js';
import type { Community, PlaceTree, Subdistrict } from '../lib/api.ts';
import { chosenPlace, getPlaces } from '../lib/places.ts';
import { t } from '../lib/prefs.ts';
import { PlacePicker } from './place-picker.tsx';
import { LoadError, Loading } from './states.tsx';

/** Choosing a community where the resident is: once chosen, the page they opened shows it. */
export function ChoosePlaceHere(props: { tree: PlaceTree }) {
  return (
    <section class="card place-card" aria-labelledby="choose-here">
      <h2 id="choose-here">{t('chooseCommunityFirst')}</h2>
      <PlacePicker subdistricts={props.tree.subdistricts} />
    </section>
  );
}

/** Renders its children for the resident's chosen community, or lets them choose one right here. */
export function NeedPlace(props: {
  children: (place: { subdistrict: Subdistrict; community: Community }) => JSX.Element;
}) {
  const tree = createAsync(() => getPlaces());
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show
          when={chosenPlace(tree())}
          fallback={<Show when={tree()}>{(tr) => <ChoosePlaceHere tree={tr()} />}</Show>}
        >
          {(place) => props.children(place())}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
