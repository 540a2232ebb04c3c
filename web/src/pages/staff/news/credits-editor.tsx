import { For } from 'solid-js';
import { t, tKey } from '../../../lib/prefs.ts';

export type CreditRow = { name: string; role: 'reporter' | 'correspondent'; contribution: 'text' | 'photo' | 'both' };

/** The credit rows of a report: name, reporter or correspondent, and text/photos/both. */
export function CreditsEditor(props: { credits: CreditRow[]; onChange: (credits: CreditRow[]) => void }) {
  const update = (i: number, patch: Partial<CreditRow>) =>
    props.onChange(props.credits.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset class="credits-editor">
      <legend>{t('creditsLabel')}</legend>
      <For each={props.credits}>
        {(credit, i) => (
          <div class="credit-row">
            <input
              aria-label={t('creditName')}
              value={credit.name}
              onInput={(e) => update(i(), { name: e.currentTarget.value })}
              maxLength={20}
            />
            <select
              aria-label={t('creditRole')}
              value={credit.role}
              onChange={(e) => update(i(), { role: e.currentTarget.value as CreditRow['role'] })}
            >
              <For each={['reporter', 'correspondent']}>{(r) => <option value={r}>{tKey('role', r)}</option>}</For>
            </select>
            <select
              aria-label={t('creditWork')}
              value={credit.contribution}
              onChange={(e) => update(i(), { contribution: e.currentTarget.value as CreditRow['contribution'] })}
            >
              <For each={['text', 'photo', 'both']}>{(w) => <option value={w}>{tKey('work', w)}</option>}</For>
            </select>
            <button
              type="button"
              class="chip"
              aria-label={t('removeCredit')}
              onClick={() => props.onChange(props.credits.filter((_, j) => j !== i()))}
            >
              ×
            </button>
          </div>
        )}
      </For>
      <button
        type="button"
        class="button button-secondary"
        onClick={() => props.onChange([...props.credits, { name: '', role: 'correspondent', contribution: 'both' }])}
      >
        {t('addCredit')}
      </button>
    </fieldset>
  );
}
