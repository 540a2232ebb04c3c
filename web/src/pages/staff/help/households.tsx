import { A, action, createAsync, redirect, useSubmission } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { formatDay } from '../../../lib/format.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import { CompoundSelect } from '../volunteers/compounds.tsx';
import { getHouseholds, helpWords } from './queries.ts';

/** Adds a household, then opens it to record the first help. */
const addHousehold = action(async (form: FormData | URLSearchParams) => {
  const { household } = await json(
    await api.help.households.$post({
      json: {
        compound: field(form, 'compound'),
        label: field(form, 'label'),
        phone: field(form, 'phone'),
        note: field(form, 'note') || undefined,
      },
    }),
  );
  throw redirect(`/staff/help/${household.id}`);
}, 'help-household-add');

function AddHousehold() {
  const state = formState(useSubmission(addHousehold), helpWords);
  return (
    <details class="card">
      <summary>{t('helpAdd')}</summary>
      <Form state={state} class="stack" action={addHousehold} method="post">
        <CompoundSelect id="help-compound" />
        <Field name="label" id="help-label" label={t('helpLabel')} required maxLength={60} />
        <Field name="phone" id="help-phone" label={t('helpPhone')} type="tel" />
        <Field name="note" id="help-note" label={t('helpNote')} multiline maxLength={500} />
        <SubmitRow busy={state.busy()} label={t('helpAdd')} />
      </Form>
    </details>
  );
}

/** Neighbourly help (邻里帮扶): the community's households in difficulty. Private to its staff. */
export default function Households() {
  const data = createAsync(() => getHouseholds());
  return (
    <>
      <h1>{t('helpTitle')}</h1>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Show when={data()}>
            {(d) => (
              <>
                <p class="notice">{t('helpIntro', { days: d().retentionDays })}</p>
                <ListOr each={d().households} empty={<p>{t('helpEmpty')}</p>}>
                  {(h) => (
                    <li class="card">
                      <h2>
                        <A href={`/staff/help/${h.id}`}>{h.label}</A>
                      </h2>
                      <p class="muted">
                        {placeName(h.compound)} ·{' '}
                        {h.lastGivenOn ? t('helpLast', { date: formatDay(h.lastGivenOn) }) : t('helpNever')}
                      </p>
                    </li>
                  )}
                </ListOr>
              </>
            )}
          </Show>
        </Suspense>
      </ErrorBoundary>
      <AddHousehold />
    </>
  );
}
