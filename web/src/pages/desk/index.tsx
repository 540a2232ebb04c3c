import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { NeedPlace } from '../../components/need-place.tsx';
import { Loading } from '../../components/states.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { myTickets, trackingPath } from '../../lib/my-tickets.ts';
import { placeName, t } from '../../lib/prefs.ts';
import { getCategories } from './categories.ts';
import { TicketForm } from './ticket-form.tsx';

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
                    <TicketForm
                      community={place.community}
                      categories={d().categories}
                      retentionDays={d().retentionDays}
                    />
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
