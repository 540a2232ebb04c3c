import { For, Show } from 'solid-js';
import { Field } from '../../../components/field.tsx';
import { t, tKey } from '../../../lib/prefs.ts';
import type { DeskTicket } from './ticket.tsx';
import { ActionForm, field, type Name, textarea } from './ticket-actions.tsx';

type Ticket = DeskTicket['ticket'];

const pauseReasons = ['waiting_resident', 'waiting_meeting', 'waiting_funds'] as const;
const followUpResults = ['satisfied', 'partly', 'not_satisfied'] as const;

/** Large radio choices, one a line, the first chosen. */
function Choices(props: { legend: string; name: string; prefix: string; values: readonly string[] }) {
  return (
    <fieldset class="stars">
      <legend>{props.legend}</legend>
      <For each={props.values}>
        {(v, i) => (
          <label class="choice">
            <input type="radio" name={props.name} value={v} checked={i() === 0} /> {tKey(props.prefix, v)}
          </label>
        )}
      </For>
    </fieldset>
  );
}

/** The clock's actions: pause with a public reason, resume, ask for more time, record the follow-up call. */
export function ClockActions(props: { ticket: Ticket; actions: Name[] }) {
  const version = () => props.ticket.version;
  const has = (a: Name) => props.actions.includes(a);
  return (
    <>
      <Show when={has('pause')}>
        <ActionForm
          ticket={props.ticket}
          action="pause"
          build={(f) => ({
            action: 'pause',
            version: version(),
            reason: field(f, 'reason') as 'waiting_resident',
            note: field(f, 'note'),
          })}
        >
          <Choices legend={t('pauseReasonLabel')} name="reason" prefix="pause" values={pauseReasons} />
          {textarea('pause', 'note', t('pauseNoteLabel'))}
        </ActionForm>
      </Show>
      <Show when={has('resume')}>
        <ActionForm
          ticket={props.ticket}
          action="resume"
          build={(f) => ({ action: 'resume', version: version(), note: field(f, 'note') || undefined })}
        >
          {textarea('resume', 'note', t('noteLabel'), false)}
        </ActionForm>
      </Show>
      <Show when={has('extend')}>
        <ActionForm
          ticket={props.ticket}
          action="extend"
          build={(f) => ({
            action: 'extend',
            version: version(),
            amount: Number(field(f, 'amount')),
            reason: field(f, 'reason'),
          })}
        >
          <Field
            name="amount"
            id="act-extend-amount"
            label={props.ticket.clock === 'hours' ? t('extendAmountHours') : t('extendAmountDays')}
            type="number"
            min="1"
            max="30"
            inputmode="numeric"
            required
          />
          {textarea('extend', 'reason', t('extendReasonLabel'))}
        </ActionForm>
      </Show>
      <Show when={has('follow_up')}>
        <ActionForm
          ticket={props.ticket}
          action="follow_up"
          build={(f) => ({
            action: 'follow_up',
            version: version(),
            result: field(f, 'result') as 'satisfied',
            comment: field(f, 'comment') || undefined,
          })}
        >
          <Choices legend={t('followUpResultLabel')} name="result" prefix="followUp" values={followUpResults} />
          {textarea('follow_up', 'comment', t('followUpCommentLabel'), false)}
        </ActionForm>
      </Show>
    </>
  );
}
