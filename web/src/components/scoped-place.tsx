import { createAsync, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, type JSX, Show, Suspense } from 'solid-js';
import { chosenPlace, getPlaces } from '../lib/places.ts';
import { placeName, t } from '../lib/prefs.ts';
import { chooseScope, type PlaceQuery, placeQuery, type ScopedPage, type ScopeParams, scopeOf } from '../lib/scope.ts';
import { ChoosePlaceHere } from './need-place.tsx';
import { ScopeChoice } from './scope-choice.tsx';
import { LoadError, Loading } from './states.tsx';

/**
 * A page's list for the place it shows (see `placeQuery`), under the scope choice once the
 * resident has a community; the place picker right here when nothing says where. A page that
 * names its place itself (events) leaves out the choice's own line (`named`).
 */
export function ScopedPlace(props: {
  page: ScopedPage;
  named?: boolean;
  children: (where: () => PlaceQuery) => JSX.Element;
}) {
  const [params, setParams] = useSearchParams<ScopeParams>();
  const tree = createAsync(() => getPlaces());
  const chosen = () => chosenPlace(tree());
  const where = () => {
    const place = chosen();
    return placeQuery(
      params,
      props.page,
      place && { subdistrict: place.subdistrict.slug, community: place.community.slug },
    );
  };
  const shown = (w: PlaceQuery) => {
    if (w.district) return t('districtWide');
    const subdistrict = tree()?.subdistricts.find((s) => s.slug === w.subdistrict);
    if (w.subdistrict) return subdistrict ? placeName(subdistrict) : w.subdistrict;
    return placeName(chosen()!.community);
  };
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={tree()}>
          {(tr) => (
            <Show when={where()} fallback={<ChoosePlaceHere tree={tr()} />}>
              {(w) => (
                <>
                  <Show when={chosen()}>
                    {(place) => (
                      <ScopeChoice
                        value={scopeOf(w())}
                        place={props.named ? undefined : shown(w())}
                        onChoose={(scope) => setParams(chooseScope(props.page, scope, place().subdistrict.slug))}
                      />
                    )}
                  </Show>
                  {props.children(w)}
                </>
              )}
            </Show>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
