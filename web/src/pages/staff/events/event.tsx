import { A, action, createAsync, revalidate, useParams, useSubmission } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { ApiFailure, api, json, type PlaceTree } from '../../../lib/api.ts';
import { formatTimeRange } from '../../../lib/event-time.ts';
import { formState } from '../../../lib/form-action.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { getPlaces } from '../../../lib/places.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { EventStatusMark, VenueLine } from '../../events/event-bits.tsx';
import { getOrganiserEvent, type StaffEvent } from './data.ts';
import { CancelEvent, SummaryForm } from './event-actions.tsx';
import { EventForm, readEvent } from './event-form.tsx';
import { SeatFigures } from './list.tsx';

/** Saves this session; a version conflict reloads the event so the next try names the new version. */
const saveEvent = action(async (id: number, version: number, form: FormData | URLSearchParams) => {
  try {
    return await json(
      await api.organiser.events[':id'].$patch({ param: { id: String(id) }, json: { version, ...readEvent(form) } }),
    );
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'version_conflict') await revalidate(getOrganiserEvent.key);
    throw err;
  }
}, 'organiser-event-save');

/** Editing this session only (a series' other sessions keep their own venue and time). */
function EditEvent(props: { event: StaffEvent; tree: PlaceTree }) {
  const state = formState(
    useSubmission(saveEvent, ([id]) => id === props.event.id),
    { codes: { version_conflict: 'eventConflictReload' } },
  );
  const organiser = () => `${props.event.organiser.level}:${props.event.organiser.slug}` as const;
  return (
    <details class="card action">
      <summary>{t('editEvent')}</summary>
      <EventForm
        tree={props.tree}
        organiser={organiser()}
        event={props.event}
        state={state}
        submitLabel={t('save')}
        action={saveEvent.with(props.event.id, props.event.version)}
      />
    </details>
  );
}

/** One event for its organiser: the facts, the door list, and what can be done to it now. */
export default function StaffEventPage() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getOrganiserEvent(params.id));
  const tree = createAsync(() => getPlaces());
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => {
            const e = () => d().event;
            const started = () => e().startsAt <= Date.now();
            return (
              <>
                <h1>{e().title}</h1>
                <EventStatusMark status={e().status} />
                <section class="card">
                  <dl class="facts">
                    <dt>{t('eventWhen')}</dt>
                    <dd>{formatTimeRange(e().startsAt, e().endsAt)}</dd>
                    <dt>{t('eventWhere')}</dt>
                    <dd>
                      <VenueLine event={e()} />
                    </dd>
                    <dt>{t('eventOrganiser')}</dt>
                    <dd>
                      {placeName(e().organiser)} · {tKey('eventKind', e().kind)}
                    </dd>
                  </dl>
                  <SeatFigures event={e()} />
                  <Show when={e().cancelReason}>
                    <p>
                      {t('eventCancelledNotice')} {e().cancelReason}
                    </p>
                  </Show>
                  <Show when={e().summary}>
                    <h2>{t('eventSummary')}</h2>
                    <p class="event-topic">{e().summary}</p>
                    <p>{t('eventAttendance', { n: e().attendance ?? 0 })}</p>
                  </Show>
                  <div class="actions">
                    <A class="button" href={`/staff/events/${e().id}/door`}>
                      {t('doorList')}
                    </A>
                    <A class="button button-secondary" href={`/events/${e().id}`}>
                      {t('residentView')}
                    </A>
                  </div>
                </section>
                <Show when={e().status === 'scheduled' && tree()}>
                  <EditEvent event={e()} tree={tree()!} />
                  <CancelEvent event={e()} />
                </Show>
                <Show when={e().status !== 'cancelled' && started()}>
                  <SummaryForm event={e()} />
                </Show>
                <Show when={d().sessions.length > 1}>
                  <section class="card">
                    <h2>{t('eventSeries')}</h2>
                    <ol class="link-list">
                      <For each={d().sessions}>
                        {(s) => (
                          <li>
                            <A href={`/staff/events/${s.id}`}>
                              {formatDateTime(s.startsAt)} · {s.venue}
                            </A>
                            {s.status !== 'scheduled' ? ` (${tKey('eventStatus', s.status)})` : ''}
                          </li>
                        )}
                      </For>
                    </ol>
                  </section>
                </Show>
              </>
            );
          }}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
