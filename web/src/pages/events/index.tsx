import { A, createAsync, useLocation, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ShownAsOf } from '../../components/offline-notes.tsx';
import { ScopedPlace } from '../../components/scoped-place.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { type EventList, getEvents, mySignups, signupPath } from '../../lib/events.ts';
import { formatDateTime } from '../../lib/format.ts';
import { getPlaces } from '../../lib/places.ts';
import { placeName, t } from '../../lib/prefs.ts';
import type { PlaceQuery } from '../../lib/scope.ts';
import { EventCard } from './event-card.tsx';
import { SubscribeBox } from './subscribe.tsx';
import { WeekView } from './week-view.tsx';

type When = 'upcoming' | 'past';

/** A place's events: the week ahead and later, or the past ones with their summaries. */
function PlaceEvents(props: { place: PlaceQuery; when: When }) {
  const data = createAsync(() => getEvents(props.place, props.when));
  const location = useLocation();
  // The tabs keep the place words of the address and change only `when`.
  const query = (when: When) => {
    const search = new URLSearchParams(location.search);
    if (when === 'past') search.set('when', when);
    else search.delete('when');
    const words = search.toString();
    return words ? `/events?${words}` : '/events';
  };
  const name = (d: EventList) =>
    d.community ? placeName(d.community) : d.subdistrict ? placeName(d.subdistrict) : t('districtWide');
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => (
            <>
              <ShownAsOf data={d()} />
              <p class="place-line">
                <strong>{name(d())}</strong>
                <Show when={d().community && d().subdistrict}>{(s) => <> · {placeName(s())}</>}</Show>
              </p>
              <nav class="tabs" aria-label={t('eventsWhenLabel')}>
                <A
                  href={query('upcoming')}
                  end
                  activeClass=""
                  classList={{ active: props.when === 'upcoming' }}
                  aria-current={props.when === 'upcoming' ? 'page' : undefined}
                >
                  {t('eventsUpcoming')}
                </A>
                <A
                  href={query('past')}
                  activeClass=""
                  classList={{ active: props.when === 'past' }}
                  aria-current={props.when === 'past' ? 'page' : undefined}
                >
                  {t('eventsPast')}
                </A>
              </nav>
              <Show
                when={d().events.length > 0}
                fallback={<p class="state">{props.when === 'past' ? t('eventsNonePast') : t('eventsNone')}</p>}
              >
                <Show
                  when={props.when === 'upcoming'}
                  fallback={
                    <ul class="plain-list">
                      <For each={d().events}>{(e) => <EventCard event={e} wide={!d().community} />}</For>
                    </ul>
                  }
                >
                  <WeekView events={d().events} wide={!d().community} />
                </Show>
              </Show>
              <Show when={!props.place.district}>
                <SubscribeBox place={props.place} name={name(d())} />
              </Show>
            </>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}

/** The sign-ups made on this phone that are still ahead, so the private links are never lost. */
function MySignups() {
  const ahead = () => mySignups.list().filter((s) => s.startsAt > Date.now() - 6 * 3600_000);
  return (
    <Show when={ahead().length > 0}>
      <section class="card">
        <h2>{t('mySignups')}</h2>
        <ul class="link-list">
          <For each={ahead()}>
            {(s) => (
              <li>
                <A href={signupPath(s)}>{s.title}</A> <span class="muted">{formatDateTime(s.startsAt)}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** Every sub-district's events, for shared links and for places without a community to pick. */
function OtherPlaces() {
  const tree = createAsync(() => getPlaces());
  return (
    <details class="card secondary">
      <summary>{t('eventsBySubdistrict')}</summary>
      <ul class="link-list">
        <li>
          <A href="/events?district=1">{t('districtWide')}</A>
        </li>
        <For each={tree()?.subdistricts}>
          {(s) => (
            <li>
              <A href={`/events?subdistrict=${s.slug}`}>{placeName(s)}</A>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}

/** Events for residents (活动): their community's, its sub-district's or the district's, and their own sign-ups. */
export default function Events() {
  const [search] = useSearchParams<{ when?: string }>();
  const when = (): When => (search.when === 'past' ? 'past' : 'upcoming');
  return (
    <>
      <h1>{t('eventsTitle')}</h1>
      <p class="lead">{t('eventsIntro')}</p>
      <MySignups />
      <ScopedPlace page="events" named>
        {(where) => <PlaceEvents place={where()} when={when()} />}
      </ScopedPlace>
      <OtherPlaces />
    </>
  );
}
