import { action, revalidate, useSubmission } from '@solidjs/router';
import { createEffect, For, type JSX, on, Show } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ApiFailure, api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { formatDate } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { type DeskTicket, getDeskTicket } from './ticket.tsx';

type Ticket = DeskTicket['ticket'];
type Part = Ticket['parts'][number];
type Name = Part['actions'][number];
type Body = Parameters<(typeof api.desk.tickets)[':number']['parts'][':partId']['actions']['$post']>[0]['json'];
type Sent = FormData | URLSearchParams;

/** One action on one part; the answer is the ticket's new view, so the page reloads it. */
const runPartAction = action(async (number: string, partId: number, _name: Name, body: (f: Sent) => Body, f: Sent) => {
  try {
    const answer = await json(
      await api.desk.tickets[':number'].parts[':partId'].actions.$post({
        param: { number, partId: String(partId) },
        json: body(f),
      }),
    );
    await revalidate(getDeskTicket.key);
    return answer;
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'version_conflict') await revalidate(getDeskTicket.key);
    throw err;
  }
}, 'desk-part-action');

/** A part's action as a small form (a lone button when it needs no words). */
function PartForm(props: {
  number: string;
  part: Part;
  action: Name;
  body: (f: Sent) => Body;
  children?: JSX.Element;
}) {
  const submission = useSubmission(
    runPartAction,
    ([number, partId, name]) => number === props.number && partId === props.part.id && name === props.action,
  );
  const state = formState(submission, { codes: { version_conflict: 'conflictReload' } });
  let details!: HTMLDetailsElement;
  createEffect(
    on(state.done, (done) => {
      if (done) details.open = false;
    }),
  );
  const label = () => tKey('partAct', props.action);
  return (
    <details class="card action" ref={details}>
      <summary>{label()}</summary>
      <Form
        state={state}
        class="stack"
        action={runPartAction.with(props.number, props.part.id, props.action, props.body)}
        method="post"
        reset
      >
        {props.children}
        <SubmitRow busy={state.busy()} label={label()} />
      </Form>
    </details>
  );
}

const words = (part: Part, name: string, label: string) => (
  <Field
    name={name}
    id={`part-${part.id}-${name}`}
    label={label}
    multiline
    rows="3"
    required
    minLength={2}
    maxLength={2000}
  />
);

/** The choices for handing a part over: active staff of its side. */
export function StaffSelect(props: { id: string; people: { id: number; name: string }[] }) {
  return (
    <>
      <label for={props.id}>{t('assignToLabel')}</label>
      <select id={props.id} name="staffId" required>
        <For each={props.people}>{(p) => <option value={p.id}>{p.name}</option>}</For>
      </select>
    </>
  );
}

/** One part: its side, task, state, person and due date, and what this staff member may do to it. */
function PartCard(props: { ticket: Ticket; part: Part }) {
  const p = () => props.part;
  const has = (a: Name) => p().actions.includes(a);
  const v = () => p().version;
  const form = (a: Name, body: (f: Sent) => Body, children?: JSX.Element) => (
    <Show when={has(a)}>
      <PartForm number={props.ticket.number} part={p()} action={a} body={body}>
        {children}
      </PartForm>
    </Show>
  );
  return (
    <li class="card part" aria-label={tKey('side', p().side)}>
      <h3>
        {tKey('side', p().side)} ·{' '}
        <span class={`part-status part-${p().status}`}>{tKey('partStatus', p().status)}</span>
      </h3>
      <dl class="facts">
        <Show when={p().task}>
          <dt>{t('taskLabel')}</dt>
          <dd>{p().task}</dd>
        </Show>
        <dt>{t('assigneeLabel')}</dt>
        <dd>{p().assignee?.name ?? t('nobodyAssigned')}</dd>
        <dt>{t('dueLabel')}</dt>
        <dd>{formatDate(p().dueAt)}</dd>
        <Show when={p().doneNote}>
          <dt>{t('doneNoteLabel')}</dt>
          <dd>{p().doneNote}</dd>
        </Show>
      </dl>
      <Show when={p().refusals > 0}>
        <p class="muted">{t('refusalsCount', { n: p().refusals })}</p>
      </Show>
      <Show when={p().decided}>
        <p class="muted">{t('decidedMark')}</p>
      </Show>
      <Show when={has('claim')}>
        <PartForm
          number={props.ticket.number}
          part={p()}
          action="claim"
          body={() => ({ action: 'claim', version: v() })}
        />
      </Show>
      {form('accept', () => ({ action: 'accept', version: v() }))}
      {form(
        'task',
        (f) => ({ action: 'task', version: v(), task: field(f, 'task') }),
        <Field
          name="task"
          id={`part-${p().id}-task`}
          label={t('taskLabel')}
          required
          minLength={2}
          maxLength={200}
          value={p().task}
        />,
      )}
      {form(
        'done',
        (f) => ({ action: 'done', version: v(), note: field(f, 'note') }),
        words(p(), 'note', t('doneNoteLabel')),
      )}
      {form(
        'assign',
        (f) => ({
          action: 'assign',
          version: v(),
          staffId: Number(field(f, 'staffId')),
          note: field(f, 'note') || undefined,
        }),
        <>
          <StaffSelect id={`part-${p().id}-staffId`} people={props.ticket.assignable[p().side]} />
          <Field
            name="note"
            id={`part-${p().id}-handover`}
            label={t('handoverNoteLabel')}
            multiline
            rows="2"
            maxLength={2000}
          />
        </>,
      )}
      {form(
        'refuse',
        (f) => ({ action: 'refuse', version: v(), reason: field(f, 'reason') }),
        words(p(), 'reason', t('reasonLabel')),
      )}
      {form(
        'dispute',
        (f) => ({ action: 'dispute', version: v(), reason: field(f, 'reason') }),
        words(p(), 'reason', t('reasonLabel')),
      )}
    </li>
  );
}

/** A joint ticket's parts, one card per side. */
export function TicketParts(props: { ticket: Ticket }) {
  return (
    <section aria-labelledby="parts-title">
      <h2 id="parts-title">{t('partsTitle')}</h2>
      <ul class="plain-list">
        <For each={props.ticket.parts}>{(part) => <PartCard ticket={props.ticket} part={part} />}</For>
      </ul>
    </section>
  );
}
