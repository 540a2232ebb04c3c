import { action, revalidate, useSubmission, useSubmissions } from '@solidjs/router';
import { createEffect, For, type JSX, on, Show } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ApiFailure, api, json } from '../../../lib/api.ts';
import type { Words } from '../../../lib/errors.ts';
import { formState } from '../../../lib/form-action.ts';
import { messageKey, t, tKey } from '../../../lib/prefs.ts';
import { flatFields } from '../../home-visits/queries.ts';
import { getStaffVisit, type VisitActionBody, type VisitActionName } from './queries.ts';

export type Sent = FormData | URLSearchParams;

/** One staff action on a visit; a version conflict reloads the visit so the next try names the new version. */
const runVisitAction = action(
  async (number: string, _name: VisitActionName, build: (form: Sent) => VisitActionBody, form: Sent) => {
    try {
      return await json(
        await api.desk['home-visits'][':number'].actions.$post({ param: { number }, json: build(form) }),
      );
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'version_conflict') await revalidate(getStaffVisit.key);
      throw flatFields(err);
    }
  },
  'home-visit-staff-action',
);

const words: Words = {
  codes: { version_conflict: 'hvConflictReload' },
  field: (name) => messageKey(`visitActErr_${name}`),
};

/**
 * One action as a small form that opens on a tap. Once it went through, the form is emptied and
 * closed, so a second tap cannot send the same text again; `ActionDone` says what was done.
 */
export function ActionForm(props: {
  number: string;
  action: VisitActionName;
  build: (form: Sent) => VisitActionBody;
  children?: JSX.Element;
}) {
  const submission = useSubmission(runVisitAction, ([n, name]) => n === props.number && name === props.action);
  const state = formState(submission, words);
  let details!: HTMLDetailsElement;
  createEffect(
    on(state.done, (done) => {
      if (done) details.open = false;
    }),
  );
  return (
    <details class="card action" ref={details}>
      <summary>{tKey('hvAct', props.action)}</summary>
      <Form
        state={state}
        class="stack"
        action={runVisitAction.with(props.number, props.action, props.build)}
        method="post"
        reset
      >
        {props.children}
        <SubmitRow busy={state.busy()} label={tKey('hvAct', props.action)} />
      </Form>
    </details>
  );
}

/** What the last action on this visit did, said where the staff member is looking. */
export function ActionDone(props: { number: string }) {
  const submissions = useSubmissions(runVisitAction, ([n]) => n === props.number);
  const last = () => {
    const latest = submissions.at(-1);
    return latest && !latest.pending && latest.result !== undefined && latest.error === undefined
      ? latest.input[1]
      : undefined;
  };
  return (
    <p role="status" class="form-done">
      <Show when={last()}>{(name) => t('actionDone', { action: tKey('hvAct', name()) })}</Show>
    </p>
  );
}

export const text = (f: Sent, name: string) => String(f.get(name) ?? '').trim();
/** An optional field: its text, or undefined when left empty. */
export const optional = (f: Sent, name: string) => text(f, name) || undefined;

/** A labelled textarea; ids carry the action, since several forms are on the page at once. */
export function TextArea(props: { action: string; name: string; label: string; required?: boolean; max?: number }) {
  return (
    <Field
      name={props.name}
      id={`act-${props.action}-${props.name}`}
      label={props.label}
      multiline
      rows="3"
      required={props.required ?? true}
      maxLength={props.max ?? 2000}
    />
  );
}

/** A set of radio choices named `name`, the first one chosen. */
export function Choices(props: { name: string; legend: string; values: string[]; prefix: string }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <For each={props.values}>
        {(v, i) => (
          <label class="check">
            <input type="radio" name={props.name} value={v} checked={i() === 0} /> {tKey(props.prefix, v)}
          </label>
        )}
      </For>
    </fieldset>
  );
}
