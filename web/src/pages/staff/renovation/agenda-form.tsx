import { action, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { FieldError, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import { formState } from '../../../lib/form-action.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { renoWords, type StaffMeeting, write } from './data.ts';

const saveAgenda = action(
  (id: number, version: number, f: FormData | URLSearchParams) =>
    write(async () =>
      json(
        await api.renovation.staff.meetings[':id'].agenda.$put({
          param: { id: String(id) },
          json: { version, wishes: f.getAll('wishes').map(String) },
        }),
      ),
    ),
  'reno-agenda-save',
);

/** The agenda, built from the project's open wishes and objections: a tick puts one on it. */
export function AgendaForm(props: { meeting: StaffMeeting }) {
  const state = formState(useSubmission(saveAgenda), renoWords);
  const [count, setCount] = createSignal(0);
  return (
    <section class="card" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('renoAgendaTitle')}</h2>
      <p class="hint">{t('renoAgendaHint')}</p>
      <Show when={props.meeting.openWishes.length} fallback={<p>{t('renoNoOpenWishes')}</p>}>
        <Form
          state={state}
          class="stack"
          action={saveAgenda.with(props.meeting.id, props.meeting.version)}
          method="post"
          onSubmit={(e) => setCount(new FormData(e.target as HTMLFormElement).getAll('wishes').length)}
        >
          <fieldset class="agenda-choices">
            <legend>{t('renoAgendaChoose')}</legend>
            <For each={props.meeting.openWishes}>
              {(w) => (
                <label class="check agenda-choice">
                  <input type="checkbox" name="wishes" value={w.number} checked={w.onThisAgenda} />
                  <span>
                    <span class="badge">{tKey('wishKind', w.kind)}</span> {w.description}{' '}
                    <span class="muted">
                      {w.number} · {tKey('outcome', w.outcome)}
                      <Show when={w.outcome === 'on_agenda' && !w.onThisAgenda}> · {t('renoOnOtherAgenda')}</Show>
                    </span>
                  </span>
                </label>
              )}
            </For>
            <FieldError name="wishes" />
          </fieldset>
          <SubmitRow busy={state.busy()} label={t('renoSaveAgenda')} />
          <p role="status" class="form-done">
            {state.done() ? t('renoAgendaSaved', { n: count() }) : ''}
          </p>
        </Form>
      </Show>
    </section>
  );
}
