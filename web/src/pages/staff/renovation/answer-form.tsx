import { action, useSubmission } from '@solidjs/router';
import { createEffect, createRenderEffect, createSignal, For, on, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { formatDate } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { type AnswerBody, orNull, publicLabel, renoWords, type StaffProject, type StaffWish, write } from './data.ts';
import { SelectField } from './select-field.tsx';

type Sent = FormData | URLSearchParams;
type Outcome = AnswerBody['outcome'];
const outcomes: Outcome[] = ['under_consideration', 'on_agenda', 'in_plan', 'came_true', 'not_possible', 'merged'];
const number = (f: Sent, name: string) => (field(f, name) ? Number(field(f, name)) : null);

const answerWish = action(
  (wish: string, version: number, f: Sent) =>
    write(async () =>
      json(
        await api.renovation.staff.wishes[':number'].answer.$post({
          param: { number: wish },
          json: {
            version,
            outcome: field(f, 'outcome') as Outcome,
            note: orNull(f, 'note'),
            item: number(f, 'item'),
            meeting: number(f, 'meeting'),
            mergedInto: orNull(f, 'mergedInto')?.toUpperCase() ?? null,
            expectedOn: orNull(f, 'expectedOn'),
            listed: f.get('listed') === 'on',
          },
        }),
      ),
    ),
  'reno-wish-answer',
);

/** What the chosen outcome needs: an item, a date, a meeting, the wish it joins. */
function OutcomeLinks(props: { outcome: string; project: StaffProject }) {
  const needsItem = () => props.outcome === 'in_plan' || props.outcome === 'came_true';
  return (
    <>
      <Show when={needsItem()}>
        <SelectField name="item" label={publicLabel('renoAnswerItem')} required>
          <option value="">{t('renoChooseItem')}</option>
          <For each={props.project.items}>
            {(i) => <option value={i.id}>{`${i.title}（${tKey('itemStatus', i.status)}）`}</option>}
          </For>
        </SelectField>
      </Show>
      <Show when={props.outcome === 'in_plan'}>
        <Field name="expectedOn" label={publicLabel('renoItemExpectedOn')} type="date" />
      </Show>
      <Show when={props.outcome === 'on_agenda'}>
        <SelectField name="meeting" label={publicLabel('renoAnswerMeeting')} required>
          <option value="">{t('renoChooseMeeting')}</option>
          <For each={props.project.meetings.upcoming}>
            {(m) => <option value={m.id}>{`${m.title}（${formatDate(m.startsAt)}）`}</option>}
          </For>
        </SelectField>
      </Show>
      <Show when={props.outcome === 'merged'}>
        <Field name="mergedInto" label={publicLabel('renoMergedInto')} hint={t('renoMergedIntoHint')} required />
      </Show>
    </>
  );
}

/** Staff answer a wish: the outcome and what it needs; the resident sees it on their page at once. */
export function AnswerForm(props: { wish: StaffWish; project: StaffProject }) {
  const state = formState(useSubmission(answerWish), renoWords);
  const [outcome, setOutcome] = createSignal('');
  const [said, setSaid] = createSignal('');
  createEffect(
    on(
      state.done,
      (done) => {
        if (!done) return;
        setSaid(outcome());
        setOutcome('');
      },
      { defer: true },
    ),
  );
  return (
    <section class="card" aria-labelledby="answer-title">
      <h2 id="answer-title">{t('renoAnswerTitle')}</h2>
      <Form
        state={state}
        class="stack"
        action={answerWish.with(props.wish.number, props.wish.version)}
        method="post"
        reset
      >
        <fieldset class="choices">
          <legend>{publicLabel('renoAnswerOutcome')}</legend>
          <For each={outcomes}>
            {(o) => (
              <label class="choice">
                <input
                  type="radio"
                  name="outcome"
                  value={o}
                  required
                  checked={outcome() === o}
                  onChange={() => setOutcome(o)}
                />{' '}
                {tKey('outcome', o)}
              </label>
            )}
          </For>
          <FieldError name="outcome" />
        </fieldset>
        <OutcomeLinks outcome={outcome()} project={props.project} />
        <Field
          name="note"
          label={publicLabel('renoAnswerNote')}
          hint={t('renoAnswerNoteHint')}
          multiline
          rows="3"
          maxLength={1000}
          required={outcome() === 'not_possible'}
        />
        <label class="check">
          {/* The default too, not only the state: emptying the form after an answer keeps the current choice. */}
          <input
            type="checkbox"
            name="listed"
            ref={(el) =>
              createRenderEffect(() => {
                el.defaultChecked = props.wish.listed;
                el.checked = props.wish.listed;
              })
            }
          />{' '}
          {t('renoListed')}
        </label>
        <SubmitRow busy={state.busy()} label={t('renoSendAnswer')} />
        <p role="status" class="form-done">
          {state.done() && said() ? t('renoAnswered', { outcome: tKey('outcome', said()) }) : ''}
        </p>
      </Form>
    </section>
  );
}
