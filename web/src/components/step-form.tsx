import { action, useSubmission } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import { formState } from '../lib/form-action.ts';
import { t } from '../lib/prefs.ts';
import { Field, SubmitRow } from './field.tsx';
import { Form } from './form.tsx';

type Sent = FormData | URLSearchParams;

/** One step a resident takes on what they filed (by its private link); the router then reloads it. */
const residentStep = action(async (_title: string, send: (form: Sent) => Promise<unknown>, form: Sent) => {
  await send(form);
  return true;
}, 'resident-step');

/**
 * A small form for one resident step (confirm, rate, add information…); once it went through,
 * it is emptied and says so. Steps on one page are told apart by their title.
 * @example <StepForm title={t('reopenTitle')} button={t('reopenButton')} send={(f) => reopen(f)}>…</StepForm>
 */
export function StepForm(props: {
  title: string;
  hint?: string;
  button: string;
  send: (form: Sent) => Promise<unknown>;
  children?: JSX.Element;
}) {
  const state = formState(useSubmission(residentStep, ([title]) => title === props.title));
  return (
    <Form state={state} class="stack card" action={residentStep.with(props.title, props.send)} method="post" reset>
      <h2>{props.title}</h2>
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
      {props.children}
      <SubmitRow busy={state.busy()} label={props.button} />
      <Show when={state.done()}>
        <p role="status">{t('sent')}</p>
      </Show>
    </Form>
  );
}

/** Five to one stars, each said in words too, and a comment; five is chosen when `preset`. */
export function Stars(props: { legend: string; preset?: boolean; id: string }) {
  return (
    <>
      <fieldset class="stars">
        <legend>{props.legend}</legend>
        <For each={[5, 4, 3, 2, 1]}>
          {(n) => (
            <label class="choice">
              <input type="radio" name="score" value={n} checked={props.preset && n === 5} /> {'★'.repeat(n)} {n}{' '}
              {t('stars')}
            </label>
          )}
        </For>
      </fieldset>
      <Field name="comment" id={`${props.id}-comment`} label={t('rateComment')} multiline rows="2" maxLength={500} />
    </>
  );
}
