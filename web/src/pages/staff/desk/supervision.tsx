import { A, action, createAsync, query, useSubmission } from '@solidjs/router';
import { createSignal, For, Index, Show, Suspense } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ListOr, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formState } from '../../../lib/form-action.ts';
import { formatDate } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { ExtensionDecisions } from './supervision-extensions.tsx';

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
  return (
    <details class="card">
      <summary>{t('meetingTitle')}</summary>
      <Form state={state} class="stack" action={recordMeeting} method="post" reset>
        <Field name="heldAt" id="m-heldAt" label={t('meetingHeldAt')} type="datetime-local" required />
        <Field name="attendees" id="m-attendees" label={t('meetingAttendees')} required />
        <Field name="notes" id="m-notes" label={t('meetingNotes')} multiline rows="3" required />
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
              <Field name="followUp" id={`m-follow-${i}`} label={t('followUpLabel')} required />
              <Field name="newDueDate" id={`m-due-${i}`} label={t('newDueLabel')} type="date" required />
            </fieldset>
          )}
        </Index>
        <button type="button" class="button button-secondary" onClick={() => setLinks(links() + 1)}>
          {t('addLink')}
        </button>
        <SubmitRow busy={state.busy()} label={t('saveMeeting')} />
        <Show when={state.done()}>
          <p role="status">{t('sent')}</p>
        </Show>
      </Form>
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
              <ExtensionDecisions extensions={d().extensions} canDecide={canRecord()} />
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
              <h2>{t('disputesTitle')}</h2>
              <ListOr each={d().disputes} empty={<p>{t('disputesEmpty')}</p>}>
                {(dispute) => (
                  <li class="card">
                    <A href={`/staff/desk/${dispute.number}`} class="ticket-number">
                      {dispute.number}
                    </A>
                    <p>
                      <strong>{dispute.side ? tKey('side', dispute.side) : t('disputeWhole')}</strong> ·{' '}
                      {dispute.reason}
                    </p>
                    <p class="muted">
                      {t('decideByLabel')} {formatDate(dispute.decideBy)}
                      <Show when={dispute.overdue}>
                        {' '}
                        · <span class="badge badge-warn">⚠ {t('overdue')}</span>
                      </Show>
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
