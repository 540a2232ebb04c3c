import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { NeedPlace } from '../../components/need-place.tsx';
import { Loading } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { myTickets, trackingPath } from '../../lib/my-tickets.ts';
import { placeName, prefs, t } from '../../lib/prefs.ts';
import { type Category, getCategories } from './categories.ts';
import { MyMeToos } from './my-me-toos.tsx';
import { TicketForm } from './ticket-form.tsx';

/** A category the community handles as home visits: its own form, not a ticket. */
function HomeVisitPointer(props: { categories: Category[] }) {
  return (
    <For each={props.categories.filter((c) => c.homeVisits)}>
      {(c) => (
        <section class="card" aria-labelledby={`pointer-${c.code}`}>
          <h2 id={`pointer-${c.code}`}>{placeName(c)}</h2>
          <p class="hint">{prefs.locale() === 'en' ? c.examplesEn : c.examples}</p>
          <p>{t('hvDeskPointer')}</p>
          <A class="button" href="/home-visits">
            {t('hvGoRequest')}
          </A>
        </section>
      )}
    </For>
  );
}

/** The joint desk for residents: what it is, their earlier reports, and the form. */
export default function Desk() {
  return (
    <>
      <h1>{t('deskTitle')}</h1>
      <p class="lead">{t('deskIntro')}</p>
      <Show when={myTickets.list().length > 0}>
        <section class="card">
          <h2>{t('myTickets')}</h2>
          <ul class="link-list">
            <For each={myTickets.list()}>
              {(ticket) => (
                <li>
                  <A href={trackingPath(ticket)}>{ticket.number}</A>{' '}
                  <span class="muted">{formatDateTime(ticket.at)}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <MyMeToos />
      <NeedPlace>
        {(place) => {
          const data = createAsync(() => getCategories(place.community.slug));
          return (
            <>
              <p>
                <strong>{placeName(place.community)}</strong> · <A href="/desk/board">{t('navBoard')}</A>
              </p>
              <Suspense fallback={<Loading />}>
                <Show when={data()}>
                  {(d) => (
                    <>
                      <HomeVisitPointer categories={d().categories} />
                      <TicketForm
                        community={place.community}
                        categories={d().categories}
                        retentionDays={d().retentionDays}
                      />
                    </>
                  )}
                </Show>
              </Suspense>
            </>
          );
        }}
      </NeedPlace>
    </>
  );
}
