import { A, createAsync, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api } from '../../../lib/api.ts';
import { formatTimeRange } from '../../../lib/event-time.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { EventStatusMark } from '../../events/event-bits.tsx';
import { ExportControl } from '../export-control.tsx';
import { getOrganiserEvents, type StaffEvent } from './data.ts';

/** Seats as the organiser counts them: confirmed of capacity, waiting, checked in. */
export function SeatFigures(props: {
  event: Pick<StaffEvent, 'seatsTaken' | 'capacity' | 'seatsWaiting' | 'checkedInSeats'>;
}) {
  return (
    <p class="muted seat-figures">
      {t('staffSeats', { taken: props.event.seatsTaken, capacity: props.event.capacity ?? '∞' })}
      <Show when={props.event.seatsWaiting > 0}> · {t('staffWaiting', { n: props.event.seatsWaiting })}</Show>
      <Show when={props.event.checkedInSeats > 0}> · {t('staffCheckedIn', { n: props.event.checkedInSeats })}</Show>
    </p>
  );
}

/** The organiser's events: upcoming (with the door list a tap away) or past (to write the summary). */
export default function StaffEvents() {
  const [params, setParams] = useSearchParams<{ when?: string }>();
  const when = () => (params.when === 'past' ? 'past' : 'upcoming');
  const data = createAsync(() => getOrganiserEvents(when()));
  return (
    <>
      <h1>{t('staffEventsTitle')}</h1>
      <div class="actions">
        <A class="button" href="/staff/events/new">
          {t('newEventTitle')}
        </A>
      </div>
      <ExportControl
        ability="event.export"
        title="exportSignups"
        href={(query) => `/api${api.events.signups.export.$path({ query })}`}
      />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('eventsWhenLabel')}
          <select
            value={when()}
            onChange={(e) => setParams({ when: e.currentTarget.value === 'past' ? 'past' : undefined })}
          >
            <option value="upcoming">{t('eventsUpcoming')}</option>
            <option value="past">{t('eventsPast')}</option>
          </select>
        </label>
      </form>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <ul class="plain-list">
            <For
              each={data()?.events}
              fallback={
                <Show when={data()}>
                  <p>{t('eventsNone')}</p>
                </Show>
              }
            >
              {(e) => (
                <li class="card">
                  <A href={`/staff/events/${e.id}`} class="event-link">
                    <span class="event-time">{formatTimeRange(e.startsAt, e.endsAt)}</span>
                    <span class="event-title">{e.title}</span>
                  </A>
                  <EventStatusMark status={e.status} />
                  <p class="muted">
                    {placeName(e.organiser)} · {tKey('eventKind', e.kind)} · {e.venue}
                  </p>
                  <SeatFigures event={e} />
                  <Show when={e.status !== 'cancelled'}>
                    <A class="button button-secondary" href={`/staff/events/${e.id}/door`}>
                      {t('doorList')}
                    </A>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
