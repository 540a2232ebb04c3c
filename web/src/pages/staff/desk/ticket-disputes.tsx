import { action, revalidate, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { formatDate } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { type DeskTicket, getDeskTicket } from './ticket.tsx';

type Ticket = DeskTicket['ticket'];
type Dispute = Ticket['disputes'][number];

/** The sub-district's decision on a dispute: final, so the page reloads the ticket after it. */
const decide = action(async (number: string, id: number, choice: 'side' | 'owner', f: FormData) => {
  const value = field(f, choice);
  const answer = json(
    await api.desk.tickets[':number'].disputes[':id'].decision.$post({
      param: { number, id: String(id) },
      json: { [choice]: value, note: field(f, 'note') },
    }),
  );
  await revalidate(getDeskTicket.key);
  return answer;
}, 'desk-dispute-decision');

/** One open dispute with the decision form (the part's side, or the ticket's owner). */
function DecisionForm(props: { ticket: Ticket; dispute: Dispute }) {
  const choice = () => (props.dispute.partId ? 'side' : 'owner');
  const options = () => (props.dispute.partId ? ['community', 'property'] : ['community', 'property', 'joint']);
  const state = formState(
    useSubmission(decide, ([number, id]) => number === props.ticket.number && id === props.dispute.id),
  );
  const part = () => props.ticket.parts.find((p) => p.id === props.dispute.partId);
  return (
    <li class="card">
      <h3>{part() ? tKey('side', part()!.side) : t('disputeWhole')}</h3>
      <p>{props.dispute.reason}</p>
      <p class="muted">
        {t('decideByLabel')} {formatDate(props.dispute.decideBy)}
        <Show when={props.dispute.overdue}> · ⚠ {t('overdue')}</Show>
      </p>
      <Form
        state={state}
        class="stack"
        action={decide.with(props.ticket.number, props.dispute.id, choice())}
        method="post"
      >
        <fieldset>
          <legend>{props.dispute.partId ? t('decisionSideLabel') : t('decisionOwnerLabel')}</legend>
          <For each={options()}>
            {(o, i) => (
              <label class="check">
                <input type="radio" name={choice()} value={o} checked={i() === 0} />{' '}
                {props.dispute.partId ? tKey('side', o) : tKey('owner', o)}
              </label>
            )}
          </For>
        </fieldset>
        <Field
          name="note"
          id={`decision-${props.dispute.id}-note`}
          label={t('decisionNoteLabel')}
          multiline
          rows="3"
          required
          minLength={2}
          maxLength={2000}
        />
        <SubmitRow busy={state.busy()} label={t('decideSubmit')} />
      </Form>
    </li>
  );
}

/** Open disputes on the ticket, for the sub-district (and admins) to decide. */
export function TicketDisputes(props: { ticket: Ticket }) {
  const open = () => props.ticket.disputes.filter((d) => d.decidedAt === null);
  return (
    <Show when={open().length > 0}>
      <section aria-labelledby="decision-title">
        <h2 id="decision-title">{t('decisionTitle')}</h2>
        <ul class="plain-list">
          <For each={open()}>{(d) => <DecisionForm ticket={props.ticket} dispute={d} />}</For>
        </ul>
      </section>
    </Show>
  );
}
