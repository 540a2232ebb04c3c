import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { NeedPlace } from '../../components/need-place.tsx';
import { Loading } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { myVisits } from '../../lib/my-tickets.ts';
import { placeName, t } from '../../lib/prefs.ts';
import { getVisitServices, visitPath } from './queries.ts';
import { VisitForm } from './visit-form.tsx';
import './home-visits.css';

/** Home visits for residents: what they are, the requests made from this phone, and the form. */
export default function HomeVisits() {
  return (
    <>
      <h1>{t('hvTitle')}</h1>
      <p class="lead">{t('hvIntro')}</p>
      <Show when={myVisits.list().length > 0}>
        <section class="card" aria-labelledby="my-visits">
          <h2 id="my-visits">{t('hvMyVisits')}</h2>
          <ul class="link-list">
            <For each={myVisits.list()}>
              {(visit) => (
                <li>
                  <A href={visitPath(visit)}>{visit.number}</A> <span class="muted">{formatDateTime(visit.at)}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <NeedPlace>
        {(place) => {
          const data = createAsync(() => getVisitServices(place.community.slug));
          return (
            <Suspense fallback={<Loading />}>
              <Show when={data()}>
                {(d) => (
                  <Show
                    when={d().services.length > 0}
                    fallback={
                      <section class="card">
                        <p>
                          <strong>{placeName(place.community)}</strong>
                        </p>
                        <p>{t('hvNone')}</p>
                        <A class="button button-secondary" href="/desk">
                          {t('deskTitle')}
                        </A>
                      </section>
                    }
                  >
                    <VisitForm community={place.community} services={d().services} retentionDays={d().retentionDays} />
                  </Show>
                )}
              </Show>
            </Suspense>
          );
        }}
      </NeedPlace>
    </>
  );
}
