import { A, action, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ListOr } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { placeName, t } from '../../../lib/prefs.ts';

type Extension = {
  id: number;
  number: string;
  amount: number;
  clock: string;
  reason: string;
  requestedAt: number;
  dueAt: number;
  community: { name: string; nameEn: string };
};

/** The sub-district's answer to one request; the router then reloads the supervision list. */
const decideExtension = action(async (number: string, id: number, f: FormData | URLSearchParams) => {
  return json(
    await api.desk.tickets[':number'].extensions[':id'].decision.$post({
      param: { number, id: String(id) },
      json: { approve: field(f, 'decision') === 'approve', note: field(f, 'note') || undefined },
    }),
  );
}, 'desk-extension-decision');

function Decision(props: { ext: Extension; canDecide: boolean }) {
  const state = formState(useSubmission(decideExtension, ([, id]) => id === props.ext.id));
  const amount = () =>
    props.ext.clock === 'hours'
      ? t('extensionAmountHours', { amount: props.ext.amount })
      : t('extensionAmount', { amount: props.ext.amount });
  return (
    <li class="card">
      <A href={`/staff/desk/${props.ext.number}`} class="ticket-number">
        {props.ext.number}
      </A>
      <p>
        <strong>{amount()}</strong> · {props.ext.reason}
      </p>
      <p class="muted">
        {placeName(props.ext.community)} · {t('dueLabel')} {formatDate(props.ext.dueAt)} ·{' '}
        {formatDateTime(props.ext.requestedAt)}
      </p>
      <Show when={props.canDecide}>
        <Form state={state} class="stack" action={decideExtension.with(props.ext.number, props.ext.id)} method="post">
          <Field name="note" id={`ext-${props.ext.id}-note`} label={t('extensionDecisionNoteLabel')} maxLength={500} />
          <p class="actions">
            <button class="button" type="submit" name="decision" value="approve" disabled={state.busy()}>
              {t('approveButton')}
            </button>{' '}
            <button
              class="button button-secondary"
              type="submit"
              name="decision"
              value="refuse"
              disabled={state.busy()}
            >
              {t('refuseButton')}
            </button>
          </p>
        </Form>
      </Show>
    </li>
  );
}

/** Requests for more time waiting for the sub-district, with its approve or refuse. */
export function ExtensionDecisions(props: { extensions: Extension[]; canDecide: boolean }) {
  return (
    <Show when={props.extensions.length > 0}>
      <section aria-labelledby="ext-title">
        <h2 id="ext-title">{t('extensionsPending')}</h2>
        <ListOr each={props.extensions} empty={null}>
          {(ext) => <Decision ext={ext} canDecide={props.canDecide} />}
        </ListOr>
      </section>
    </Show>
  );
}
