import { createAsync, query } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../components/states.tsx';
import { PlacePicker } from '../components/place-picker.tsx';
import { api, json, type PlaceTree } from '../lib/api.ts';
import { placeName, prefs, t } from '../lib/prefs.ts';

const getPlaces = query(async () => json(await api.places.$get()), 'places');

/** The resident's chosen community, named in the current language. */
function ChosenPlace(props: { tree: PlaceTree }) {
  const chosen = () => {
    const place = prefs.place();
    const subdistrict = props.tree.subdistricts.find((s) => s.slug === place?.subdistrict);
    const community = subdistrict?.communities.find((c) => c.slug === place?.community);
    return subdistrict && community ? { subdistrict, community } : undefined;
  };
  return (
    <Show when={chosen()}>
      {(p) => (
        <section class="card place-card" aria-live="polite">
          <h2>{t('yourPlace')}</h2>
          <p class="place-name">{placeName(p().community)}</p>
          <p class="muted">{placeName(p().subdistrict)}</p>
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
