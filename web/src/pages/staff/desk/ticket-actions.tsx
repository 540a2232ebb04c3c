import { action, revalidate, useSubmission, useSubmissions } from '@solidjs/router';
import { createContext, createEffect, For, type JSX, on, Show, useContext } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ApiFailure, api, json } from '../../../lib/api.ts';
import { shanghaiDay } from '../../../lib/dates.ts';
import { formState } from '../../../lib/form-action.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { ClockActions } from './clock-actions.tsx';
import { type DeskTicket, getDeskTicket } from './ticket.tsx';
import { StaffSelect } from './ticket-parts.tsx';

type Ticket = DeskTicket['ticket'];
export type Name = DeskTicket['actions'][number];
export type Body = Parameters<(typeof api.desk.tickets)[':number']['actions']['$post']>[0]['json'];
export type Sent = FormData | URLSearchParams;

/** One staff action; a 409 version conflict reloads the ticket so the next try names the new version. */
export const runAction = action(async (number: string, _name: Name, build: (form: Sent) => Body, form: Sent) => {
  try {
    return await json(await api.desk.tickets[':number'].actions.$post({ param: { number }, json: build(form) }));
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'version_conflict') await revalidate(getDeskTicket.key);
    throw err;
  }
}, 'desk-ticket-action');

/** Whether the workbench's single-key shortcuts are on around these forms (their keys are then shown). */
export const ShortcutKeys = createContext(false);
const keyOf: Partial<Record<Name, string>> = { accept: 'A', note: 'N', resolve: 'R' };

/**
 * One action as a small form, with the answer to its last try in the reader's words. Once it
 * went through, the form is emptied and closed, so a second tap cannot post the same text again.
 */
export function ActionForm(props: {
  ticket: Ticket;
  action: Name;
  build: (form: Sent) => Body;
  children?: JSX.Element;
}) {
  const key = () => (useContext(ShortcutKeys) ? keyOf[props.action] : undefined);
  const submission = useSubmission(
    runAction,
    ([number, name]) => number === props.ticket.number && name === props.action,
  );
  const state = formState(submission, { codes: { version_conflict: 'conflictReload' } });
  let details!: HTMLDetailsElement;
  createEffect(
    on(state.done, (done) => {
      if (done) details.open = false;
    }),
  );
  return (
    <details class="card action" id={`action-${props.action}`} ref={details}>
      <summary aria-keyshortcuts={key()}>
        {tKey('act', props.action)}
        <Show when={key()}>
          <span class="kbd-hint" aria-hidden="true">
            <kbd>{key()}</kbd>
          </span>
        </Show>
      </summary>
      {/* The action name is bound too: it tells the router the forms on this page apart. */}
      <Form
        state={state}
        class="stack"
        action={runAction.with(props.ticket.number, props.action, props.build)}
        method="post"
        reset
      >
        {props.children}
        <SubmitRow busy={state.busy()} label={tKey('act', props.action)} />
      </Form>
    </details>
  );
}

/** What the last action on this ticket did, said where the staff member is looking. */
function LastDone(props: { ticket: Ticket }) {
  const submissions = useSubmissions(runAction, ([number]) => number === props.ticket.number);
  const last = () => {
    const latest = submissions.at(-1);
    return latest && !latest.pending && latest.result !== undefined && latest.error === undefined
      ? latest.input[1]
      : undefined;
  };
  return (
    <p role="status" class="form-done">
      {/* Inside JSX, so the words follow a change of language (Show runs its child untracked). */}
      <Show when={last()}>{(name) => <>{t('actionDone', { action: tKey('act', name()) })}</>}</Show>
    </p>
  );
}

export const field = (f: Sent, name: string) => String(f.get(name) ?? '').trim();
/** A labelled textarea; ids carry the action, since several forms are on the page at once. */
export const textarea = (action: string, name: string, label: string, required = true) => (
  <Field
    name={name}
    id={`act-${action}-${name}`}
    label={label}
    multiline
    rows="3"
    required={required}
    maxLength={2000}
  />
);

/** The actions the server offers this staff member on this ticket now (it decides, the page only shows). */
export function TicketActions(props: { ticket: Ticket; actions: Name[]; level?: number }) {
  const version = () => props.ticket.version;
  const has = (a: Name) => props.actions.includes(a);
  return (
    <section aria-label={t('actionsTitle')}>
      <Dynamic component={`h${props.level ?? 2}`}>{t('actionsTitle')}</Dynamic>
      <LastDone ticket={props.ticket} />
      <Show when={has('accept')}>
        <ActionForm
          ticket={props.ticket}
          action="accept"
          build={(f) => ({
            action: 'accept',
            version: version(),
            dueDate: field(f, 'dueDate') || undefined,
            note: field(f, 'note') || undefined,
          })}
        >
          <Field
            name="dueDate"
            id="act-dueDate"
            label={t('dueDateLabel')}
            type="date"
            value={shanghaiDay(props.ticket.dueAt)}
          />
          {textarea('accept', 'note', t('noteLabel'), false)}
        </ActionForm>
      </Show>
      <Show when={has('start')}>
        <ActionForm
          ticket={props.ticket}
          action="start"
          build={(f) => ({ action: 'start', version: version(), note: field(f, 'note') || undefined })}
        >
          {textarea('start', 'note', t('noteLabel'), false)}
        </ActionForm>
      </Show>
      <Show when={has('resolve')}>
        <ActionForm
          ticket={props.ticket}
          action="resolve"
          build={(f) => ({ action: 'resolve', version: version(), note: field(f, 'note') })}
        >
          {textarea('resolve', 'note', t('resolveNoteLabel'))}
        </ActionForm>
      </Show>
      <Show when={has('reject')}>
        <ActionForm
          ticket={props.ticket}
          action="reject"
          build={(f) => ({ action: 'reject', version: version(), reason: field(f, 'reason') })}
        >
          {textarea('reject', 'reason', t('reasonLabel'))}
        </ActionForm>
      </Show>
      <Show when={has('duplicate')}>
        <ActionForm
          ticket={props.ticket}
          action="duplicate"
          build={(f) => ({
            action: 'duplicate',
            version: version(),
            duplicateOf: field(f, 'duplicateOf').toUpperCase(),
          })}
        >
          <Field
            name="duplicateOf"
            id="act-duplicateOf"
            label={t('duplicateOfLabel')}
            required
            autocapitalize="characters"
          />
        </ActionForm>
      </Show>
      <Show when={has('reroute')}>
        <ActionForm
          ticket={props.ticket}
          action="reroute"
          build={(f) => ({
            action: 'reroute',
            version: version(),
            owner: field(f, 'owner') as 'joint',
            reason: field(f, 'reason'),
          })}
        >
          <label for="act-owner">{t('newOwnerLabel')}</label>
          <select id="act-owner" name="owner">
            <For each={['community', 'property', 'joint'].filter((o) => o !== props.ticket.owner)}>
              {(o) => <option value={o}>{tKey('owner', o)}</option>}
            </For>
          </select>
          {textarea('reroute', 'reason', t('reasonLabel'))}
        </ActionForm>
      </Show>
      <Show when={has('flag')}>
        <ActionForm
          ticket={props.ticket}
          action="flag"
          build={(f) => ({ action: 'flag', version: version(), reason: field(f, 'reason') })}
        >
          {textarea('flag', 'reason', t('internalReasonLabel'))}
        </ActionForm>
      </Show>
      <Show when={has('unflag')}>
        <ActionForm ticket={props.ticket} action="unflag" build={() => ({ action: 'unflag', version: version() })} />
      </Show>
      <Show when={has('claim')}>
        <ActionForm ticket={props.ticket} action="claim" build={() => ({ action: 'claim', version: version() })} />
      </Show>
      <Show when={has('assign')}>
        <ActionForm
          ticket={props.ticket}
          action="assign"
          build={(f) => ({
            action: 'assign',
            version: version(),
            staffId: Number(field(f, 'staffId')),
            note: field(f, 'note') || undefined,
          })}
        >
          <StaffSelect
            id="act-assign-staffId"
            people={
              props.ticket.owner === 'community' ? props.ticket.assignable.community : props.ticket.assignable.property
            }
          />
          {textarea('assign', 'note', t('handoverNoteLabel'), false)}
        </ActionForm>
      </Show>
      <Show when={has('dispute')}>
        <ActionForm
          ticket={props.ticket}
          action="dispute"
          build={(f) => ({ action: 'dispute', version: version(), reason: field(f, 'reason') })}
        >
          {textarea('dispute', 'reason', t('reasonLabel'))}
        </ActionForm>
      </Show>
      <ClockActions ticket={props.ticket} actions={props.actions} />
      <Show when={has('note')}>
        <ActionForm
          ticket={props.ticket}
          action="note"
          build={(f) => ({ action: 'note', visibility: field(f, 'visibility') as 'public', body: field(f, 'body') })}
        >
          <fieldset>
            <legend>{t('visibilityLabel')}</legend>
            <For each={['internal', 'public']}>
              {(v) => (
                <label class="check">
                  <input type="radio" name="visibility" value={v} checked={v === 'internal'} /> {tKey('visibility', v)}
                </label>
              )}
            </For>
          </fieldset>
          {textarea('note', 'body', t('act_note'))}
        </ActionForm>
      </Show>
    </section>
  );
}
