import { A, createAsync } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ShownAsOf } from '../components/offline-notes.tsx';
import { PlacePicker } from '../components/place-picker.tsx';
import { ListOr, LoadError, Loading } from '../components/states.tsx';
import type { Community, PlaceTree, Subdistrict } from '../lib/api.ts';
import { formatTimeRange } from '../lib/event-time.ts';
import { getEvents } from '../lib/events.ts';
import { formatDate } from '../lib/format.ts';
import { chosenPlace, getPlaces } from '../lib/places.ts';
import { placeName, t, tKey } from '../lib/prefs.ts';
import { getVisitServices } from './home-visits/queries.ts';
import { getNews } from './news/queries.ts';
import { getProjects } from './renovation/queries.ts';

/** How many headlines and events the home page shows; the rest are a tap away. */
const FEW = 3;

/** The latest few headlines of the community's news (its own, its sub-district's, the district's). */
function LatestNews(props: { community: string }) {
  const news = createAsync(() => getNews({ community: props.community }));
  return (
    <section class="card home-section" aria-labelledby="home-news">
      <h2 id="home-news">{t('homeNewsTitle')}</h2>
      <Suspense fallback={<p class="muted">{t('loading')}</p>}>
        <ShownAsOf data={news()} />
        <ListOr each={news()?.articles.slice(0, FEW)} empty={<p>{t('newsEmpty')}</p>}>
          {(article) => (
            <li class="home-item">
              <a class="home-link" href={`/news/${article.id}`}>
                {article.headline}
              </a>
              <span class="muted">{formatDate(article.publishedAt!)}</span>
            </li>
          )}
        </ListOr>
      </Suspense>
      <A class="more-link" href="/news">
        {t('homeAllNews')}
      </A>
    </section>
  );
}

/** The community's next few events, soonest first. */
function NextEvents(props: { community: string }) {
  const events = createAsync(() => getEvents({ community: props.community }, 'upcoming'));
  return (
    <section class="card home-section" aria-labelledby="home-events">
      <h2 id="home-events">{t('homeEventsTitle')}</h2>
      <Suspense fallback={<p class="muted">{t('loading')}</p>}>
        <ListOr each={events()?.events.slice(0, FEW)} empty={<p>{t('eventsNone')}</p>}>
          {(event) => (
            <li class="home-item">
              <a class="home-link" href={`/events/${event.id}`}>
                {event.title}
              </a>
              <span class="muted">
                {formatTimeRange(event.startsAt, event.endsAt)} · {event.venue}
              </span>
            </li>
          )}
        </ListOr>
      </Suspense>
      <A class="more-link" href="/events">
        {t('homeAllEvents')}
      </A>
    </section>
  );
}

/** The community's courtyard renovations, if it has any: what stage each is at, how many wishes came true. */
function Renovations(props: { community: string }) {
  const data = createAsync(() => getProjects(props.community));
  return (
    <Show when={data()?.projects.length}>
      <section class="card home-section" aria-labelledby="home-renovation">
        <h2 id="home-renovation">{t('renovationActive')}</h2>
        <ul class="plain-list">
          <For each={data()!.projects.slice(0, FEW)}>
            {(p) => (
              <li class="home-item">
                <A class="home-link" href={`/renovation/${p.id}`}>
                  {p.title}
                </A>
                <span class="muted">
                  {tKey('projectStatus', p.status)} · {t('projectCounts', p.counts)}
                </span>
              </li>
            )}
          </For>
        </ul>
        <A class="more-link" href="/renovation">
          {t('renovationAll')}
        </A>
      </section>
    </Show>
  );
}

/** The home services the community offers, if any, and the way to ask for one. */
function HomeVisits(props: { community: string }) {
  const data = createAsync(() => getVisitServices(props.community));
  return (
    <Show when={data()?.services.length}>
      <section class="card home-section" aria-labelledby="home-visits">
        <h2 id="home-visits">{t('hvTitle')}</h2>
        <p>{t('hvHomeIntro')}</p>
        <ul>
          <For each={data()!.services}>{(s) => <li>{placeName(s)}</li>}</For>
        </ul>
        <A class="button" href="/home-visits">
          {t('hvGoRequest')}
        </A>
      </section>
    </Show>
  );
}

/** The home page of a resident who has chosen: their community's news, events and desk, and a way to change. */
function CommunityHome(props: { place: { subdistrict: Subdistrict; community: Community }; tree: PlaceTree }) {
  return (
    <>
      <h1>{placeName(props.place.community)}</h1>
      <p class="lead">{placeName(props.place.subdistrict)}</p>
      <LatestNews community={props.place.community.slug} />
      <NextEvents community={props.place.community.slug} />
      <Renovations community={props.place.community.slug} />
      <section class="card place-card" aria-labelledby="home-desk">
        <h2 id="home-desk">{t('deskTitle')}</h2>
        <div class="actions">
          <A class="button" href="/desk">
            {t('fileTitle')}
          </A>
          <A class="button button-secondary" href="/desk/board">
            {t('navBoard')}
          </A>
        </div>
      </section>
      <HomeVisits community={props.place.community.slug} />
      <details class="card change-place">
        <summary>{t('changePlace')}</summary>
        <PlacePicker subdistricts={props.tree.subdistricts} />
      </details>
    </>
  );
}

export default function Home() {
  const places = createAsync(() => getPlaces());
  return (
    <ErrorBoundary fallback={(err, reset) => <LoadError error={err} retry={reset} />}>
      <Suspense fallback={<Loading />}>
        <Show when={places()}>
          {(tree) => (
            <Show
              when={chosenPlace(tree())}
              fallback={
                <>
                  <h1>{t('homeTitle')}</h1>
                  <p class="lead">{t('homeIntro')}</p>
                  <PlacePicker subdistricts={tree().subdistricts} />
                </>
              }
              keyed
            >
              {/* Keyed: a new community is a new page, with "change community" closed again. */}
              {(place) => <CommunityHome place={place} tree={tree()} />}
            </Show>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
