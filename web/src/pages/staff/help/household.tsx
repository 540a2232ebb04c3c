import { A, action, createAsync, redirect, useParams, useSubmission } from '@solidjs/router';
import { createEffect, ErrorBoundary, For, on, Show, Suspense } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState, useQuietAction } from '../../../lib/form-action.ts';
import { formatDay } from '../../../lib/format.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getHousehold, type Household, helpWords } from './queries.ts';

const kinds = ['necessities', 'visit', 'other'] as const;
/** Today in Zhengzhou, YYYY-MM-DD, the form's first choice. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Records help given to the household; the page then reloads it. */
const addEntry = action(async (id: number, form: FormData | URLSearchParams) => {
  await json(
    await api.help.households[':id'].entries.$post({
      param: { id: String(id) },
      json: {
        givenOn: field(form, 'givenOn'),
        kind: field(form, 'kind') as (typeof kinds)[number],
        note: field(form, 'note') || undefined,
      },
    }),
  );
  return 'added' as const;
}, 'help-entry-add');

/** Deletes the household and its help once it is over. */
const removeHousehold = action(async (id: number) => {
  await json(await api.help.households[':id'].$delete({ param: { id: String(id) } }));
  throw redirect('/staff/help');
}, 'help-household-remove');

function AddEntry(props: { household: Household }) {
  const state = formState(useSubmission(addEntry), helpWords);
  let day: HTMLInputElement | undefined;
  // The form empties itself after a record; the day goes back to today, not to blank.
  const resetDay = () => {
    if (day) day.value = today();
  };
  createEffect(on(state.done, (done) => done && setTimeout(resetDay), { defer: true }));
  return (
    <Form state={state} class="stack card" action={addEntry.with(props.household.id)} method="post" reset>
      <h2>{t('helpEntryAdd')}</h2>
      <Field
        name="givenOn"
        id="entry-day"
        label={t('helpGivenOn')}
        type="date"
        value={today()}
        max={today()}
        required
      />
      <label for="entry-kind">{t('helpKind')}</label>
      <select id="entry-kind" name="kind">
        <For each={kinds}>{(k) => <option value={k}>{tKey('helpKind', k)}</option>}</For>
      </select>
      <Field name="note" id="entry-note" label={t('helpEntryNote')} multiline maxLength={500} />
      <SubmitRow busy={state.busy()} label={t('helpEntryAdd')} />
    </Form>
  );
}

/** One household in difficulty: who, how to reach them, and every help given. Private to the community's staff. */
export default function HouseholdPage() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getHousehold(params.id));
  const remove = useQuietAction(removeHousehold);
  return (
    <ErrorBoundary
      fallback={(err, retry) => <LoadError error={err} retry={retry} badLink={() => <p>{t('errNotFound')}</p>} />}
    >
      <Suspense fallback={<Loading />}>
        <Show when={data()?.household}>
          {(h) => (
            <>
              <p>
                <A href="/staff/help">← {t('helpBack')}</A>
              </p>
              <h1>{h().label}</h1>
              <p class="muted">
                {placeName(h().compound)}
                <Show when={h().phone}>
                  {(p) => (
                    <>
                      {' '}
                      · <a href={`tel:${p()}`}>{p()}</a>
                    </>
                  )}
                </Show>
              </p>
              <Show when={h().note}>
                <p>{h().note}</p>
              </Show>
              <AddEntry household={h()} />
              <h2>{t('helpEntries')}</h2>
              <ListOr each={h().entries} empty={<p>{t('helpNever')}</p>}>
                {(e) => (
                  <li class="card">
                    <p>
                      <strong>{formatDay(e.givenOn)}</strong> · {tKey('helpKind', e.kind)}
                    </p>
                    <Show when={e.note}>
                      <p>{e.note}</p>
                    </Show>
                    <Show when={e.staff}>
                      <p class="muted">{t('helpBy', { staff: e.staff! })}</p>
                    </Show>
                  </li>
                )}
              </ListOr>
              <div class="actions">
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() => confirm(`${t('helpRemove')}？`) && remove(h().id)}
                >
                  {t('helpRemove')}
                </button>
              </div>
            </>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
