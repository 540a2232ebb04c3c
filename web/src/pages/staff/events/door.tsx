import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formatTimeRange } from '../../../lib/event-time.ts';
import { t } from '../../../lib/prefs.ts';
import { getDoorList } from './data.ts';
import { DoorRow } from './door-row.tsx';

/** The door list: who signed up, checked in with one tap each; the count at the top. */
export default function Door() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getDoorList(params.id));
  const [message, setMessage] = createSignal('');
  const param = (signupId: number) => ({ id: params.id, signupId: String(signupId) });
  const act = async (run: () => Promise<unknown>) => {
    setMessage('');
    try {
      await run();
      await revalidate(getDoorList.key);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
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
                  <span class="muted">{formatTimeRange(d().event.startsAt, d().event.endsAt)} · {d().event.venue}</span>
                </p>
                <p class="door-count" role="status">
                  {t('doorCount', { in: d().event.checkedInSeats, taken: d().event.seatsTaken, waiting: d().event.seatsWaiting })}
                </p>
                <p role="alert">{message()}</p>
                <ul class="plain-list">
                  <For each={active()} fallback={<p>{t('doorEmpty')}</p>}>
                    {(a) => (
                      <DoorRow
                        attendee={a}
                        onCheckIn={(present) => act(async () => json(await api.organiser.events[':id'].signups[':signupId']['check-in'].$post({ param: param(a.id), json: { checkedIn: present } })))}
                        onCancel={() => act(async () => json(await api.organiser.events[':id'].signups[':signupId'].cancel.$post({ param: param(a.id) })))}
                      />
                    )}
                  </For>
                </ul>
                <Show when={d().signups.length > active().length}>
                  <details class="card">
                    <summary>{t('cancelledSignups', { n: d().signups.length - active().length })}</summary>
                    <ul class="plain-list">
                      <For each={d().signups.filter((s) => s.status === 'cancelled')}>{(a) => <DoorRow attendee={a} onCheckIn={async () => {}} onCancel={async () => {}} />}</For>
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
