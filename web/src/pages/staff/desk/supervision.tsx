import { A, action, createAsync, query, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, For, Index, on, Show, Suspense } from 'solid-js';
import { ListOr, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formState } from '../../../lib/form-action.ts';
import { formatDate } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';

const getSupervision = query(async () => json(await api.desk.supervision.$get({ query: {} })), 'supervision');
type Item = Awaited<ReturnType<typeof getSupervision>>['items'][number];

/** Records a progress meeting; the router then reloads the supervision list. */
const recordMeeting = action(async (f: FormData | URLSearchParams) => {
  const all = (name: string) => f.getAll(name).map(String);
  return json(
    await api.desk.meetings.$post({
      json: {
        heldAt: new Date(String(f.get('heldAt'))).toISOString(),
        attendees: String(f.get('attendees')),
        notes: String(f.get('notes')),
        links: all('number')
          .map((number, i) => ({ number, followUp: all('followUp')[i]!, newDueDate: all('newDueDate')[i]! }))
          .filter((l) => l.number),
      },
    }),
  );
}, 'desk-meeting');

/** The sub-district's record of a progress meeting: who, what, and per ticket the next step and date. */
function MeetingForm(props: { items: Item[] }) {
  const [links, setLinks] = createSignal(1);
  const state = formState(useSubmission(recordMeeting));
  let form!: HTMLFormElement;
  createEffect(on(state.done, (done) => done && form.reset(), { defer: true }));
  const message = () => (state.done() ? t('sent') : state.message());
  return (
    <details class="card">
      <summary>{t('meetingTitle')}</summary>
      <form ref={form} class="stack" action={recordMeeting} method="post">
        <label for="m-heldAt">{t('meetingHeldAt')}</label>
        <input id="m-heldAt" name="heldAt" type="datetime-local" required />
        <label for="m-attendees">{t('meetingAttendees')}</label>
        <input id="m-attendees" name="attendees" required />
        <label for="m-notes">{t('meetingNotes')}</label>
        <textarea id="m-notes" name="notes" rows="3" required />
        <Index each={Array.from({ length: links() })}>
          {(_, i) => (
            <fieldset class="card">
              <legend>
                {t('meetingTicket')} {i + 1}
              </legend>
              <select name="number" aria-label={t('meetingTicket')}>
                <For each={props.items}>
                  {(item) => (
                    <option value={item.number}>
                      {item.number} · {item.description.slice(0, 20)}
                    </option>
                  )}
                </For>
              </select>
              <label for={`m-follow-${i}`}>{t('followUpLabel')}</label>
              <input id={`m-follow-${i}`} name="followUp" required />
              <label for={`m-due-${i}`}>{t('newDueLabel')}</label>
              <input id={`m-due-${i}`} name="newDueDate" type="date" required />
            </fieldset>
          )}
        </Index>
        <button type="button" class="button button-secondary" onClick={() => setLinks(links() + 1)}>
          {t('addLink')}
        </button>
        <button class="button" type="submit">
          {t('saveMeeting')}
        </button>
        <Show when={message()}>
          <p role="status">{message()}</p>
        </Show>
      </form>
    </details>
  );
}

/** The supervision list (督办清单): open tickets past due, reopened or flagged, with age and owner. */
export default function Supervision() {
  const data = createAsync(() => getSupervision());
  const me = createAsync(() => getMe());
  const canRecord = () => !!me()?.abilities?.['ticket.supervise'];
  return (
    <>
      <h1>{t('supervisionTitle')}</h1>
      <p class="lead">{t('supervisionIntro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => (
            <>
              <Show when={d().subdistrict}>
                {(s) => (
                  <p>
                    <strong>{placeName(s())}</strong>
                  </p>
                )}
              </Show>
              <Show when={canRecord() && d().items.length > 0}>
                <MeetingForm items={d().items} />
              </Show>
              <ListOr each={d().items} empty={<p>{t('supervisionEmpty')}</p>}>
                {(item) => (
                  <li class="card">
                    <A href={`/staff/desk/${item.number}`} class="ticket-number">
                      {item.number}
                    </A>
                    <p>{item.description}</p>
                    <p class="muted">
                      {placeName(item.community)} · {placeName(item.category)} · {tKey('owner', item.owner)} ·{' '}
                      {t('dueLabel')} {formatDate(item.dueAt)}
                    </p>
                    <p>
                      <For each={item.reasons}>{(r) => <span class="badge badge-warn">{tKey('reason', r)}</span>}</For>{' '}
                      {t('ageDays', { days: item.ageDays })}
                      <Show when={item.overdueDays > 0}> · {t('overdueDays', { days: item.overdueDays })}</Show>
                    </p>
                  </li>
                )}
              </ListOr>
            </>
          )}
        </Show>
      </Suspense>
    </>
  );
}
