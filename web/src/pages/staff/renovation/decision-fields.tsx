import { createSignal, For, Show } from 'solid-js';
import { Field, FieldError } from '../../../components/field.tsx';
import { t, tKey } from '../../../lib/prefs.ts';
import { publicLabel, type StaffMeeting, type StaffProject } from './data.ts';
import { SelectField } from './select-field.tsx';

const decisions = ['accepted', 'changed', 'not_possible', 'deferred'] as const;

/** The decision on one agenda item: what was decided and what that decision needs. */
export function DecisionFields(props: { index: number; entry: StaffMeeting['agenda'][number]; project: StaffProject }) {
  const [decision, setDecision] = createSignal('');
  const n = (name: string) => `${name}-${props.index}`;
  const w = () => props.entry.wish;
  const needsItem = () => decision() === 'accepted' || decision() === 'changed';
  return (
    <fieldset class="card decision">
      <legend>
        <span class="badge">{tKey('wishKind', w().kind)}</span> {w().number}
      </legend>
      <p>{w().description}</p>
      <div class="choices" role="radiogroup" aria-label={publicLabel('renoDecision')}>
        <For each={decisions}>
          {(d) => (
            <label class="choice">
              <input type="radio" name={n('decision')} value={d} required onChange={() => setDecision(d)} />{' '}
              {tKey('decision', d)}
            </label>
          )}
        </For>
      </div>
      <FieldError name={n('decision')} />
      <Show when={needsItem()}>
        <SelectField name={n('item')} label={publicLabel('renoDecisionItem')} required>
          <option value="">{t('renoChooseItem')}</option>
          <For each={props.project.items}>{(i) => <option value={i.id}>{i.title}</option>}</For>
        </SelectField>
      </Show>
      <Show when={decision() === 'deferred'}>
        <Field name={n('deferredTo')} label={publicLabel('renoDeferredTo')} type="date" required />
      </Show>
      <Field
        name={n('note')}
        label={publicLabel('renoDecisionNote')}
        hint={t('renoDecisionNoteHint')}
        multiline
        rows="2"
        maxLength={1000}
        required={decision() === 'changed' || decision() === 'not_possible'}
      />
    </fieldset>
  );
}
