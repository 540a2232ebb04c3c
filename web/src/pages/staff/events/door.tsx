import { A, action, createAsync, useAction, useParams, useSubmission } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formatTimeRange } from '../../../lib/event-time.ts';
import { formState } from '../../../lib/form-action.ts';
import { t } from '../../../lib/prefs.ts';
import { getDoorList } from './data.ts';
import { DoorRow } from './door-row.tsx';

const param = (id: string, signupId: number) => ({ id, signupId: String(signupId) });
const checkIn = action(
  async (id: string, signupId: number, checkedIn: boolean) =>
    json(
      await api.organiser.events[':id'].signups[':signupId']['check-in'].$post({
        param: param(id, signupId),
        json: { checkedIn },
      }),
    ),
  'door-check-in',
);
const cancelFor = action(
  async (id: string, signupId: number) =>
    json(await api.organiser.events[':id'].signups[':signupId'].cancel.$post({ param: param(id, signupId) })),
  'door-cancel',
);

/** The door list: who signed up, checked in with one tap each; the count at the top. */
export default function Door() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getDoorList(params.id));
  const checkedIn = formState(useSubmission(checkIn));
  const cancelled = formState(useSubmission(cancelFor));
  const message = () => checkedIn.message() || cancelled.message();
  // The row waits for its own tap; a failure is shown once, above the list.
  const [runCheckIn, runCancel] = [useAction(checkIn), useAction(cancelFor)];
  const quietly = (p: Promise<unknown>) =>
    p.then(
      () => {},
      () => {},
    );
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => {
            const active = () => d().signups.filter((s) => s.status !== 'cancelled');
            return (
              <>
                <h1>{t('doorList')}</h1>
                <p>
                  <A href={`/staff/events/${d().event.id}`}>{d().event.title}</A>
                  <br />
                  <span class="muted">
                    {formatTimeRange(d().event.startsAt, d().event.endsAt)} · {d().event.venue}
                  </span>
                </p>
                <p class="door-count" role="status">
                  {t('doorCount', {
                    in: d().event.checkedInSeats,
                    taken: d().event.seatsTaken,
                    waiting: d().event.seatsWaiting,
                  })}
                </p>
                <p role="alert">{message()}</p>
                <ListOr each={active()} empty={<p>{t('doorEmpty')}</p>}>
                  {(a) => (
                    <DoorRow
                      attendee={a}
                      onCheckIn={(present) => quietly(runCheckIn(params.id, a.id, present))}
                      onCancel={() => quietly(runCancel(params.id, a.id))}
                    />
                  )}
                </ListOr>
                <Show when={d().signups.length > active().length}>
                  <details class="card">
                    <summary>{t('cancelledSignups', { n: d().signups.length - active().length })}</summary>
                    <ul class="plain-list">
                      <For each={d().signups.filter((s) => s.status === 'cancelled')}>
                        {(a) => <DoorRow attendee={a} onCheckIn={async () => {}} onCancel={async () => {}} />}
                      </For>
                    </ul>
                  </details>
                </Show>
              </>
            );
          }}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
