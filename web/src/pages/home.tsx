import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { PlacePicker } from '../components/place-picker.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import type { PlaceTree } from '../lib/api.ts';
import { chosenPlace, getPlaces } from '../lib/places.ts';
import { placeName, t } from '../lib/prefs.ts';

/** The resident's chosen community, named in the current language. */
function ChosenPlace(props: { tree: PlaceTree }) {
  return (
    <Show when={chosenPlace(props.tree)}>
      {(p) => (
        <section class="card place-card" aria-live="polite">
          <h2>{t('yourPlace')}</h2>
          <p class="place-name">{placeName(p().community)}</p>
          <p class="muted">{placeName(p().subdistrict)}</p>
          <div class="actions">
            <A class="button" href="/desk">
              {t('fileTitle')}
            </A>
            <A class="button button-secondary" href="/desk/board">
              {t('navBoard')}
            </A>
          </div>
        </section>
      )}
    </Show>
  );
}

export default function Home() {
  const places = createAsync(() => getPlaces());
  return (
    <>
      <h1>{t('homeTitle')}</h1>
      <p class="lead">{t('homeIntro')}</p>
      <ErrorBoundary fallback={(err, reset) => <LoadError error={err} retry={reset} />}>
        <Suspense fallback={<Loading />}>
          <Show when={places()}>
            {(tree) => (
              <>
                <ChosenPlace tree={tree()} />
                <PlacePicker subdistricts={tree().subdistricts} />
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
