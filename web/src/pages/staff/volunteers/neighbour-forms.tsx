import { action, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import type { Words } from '../../../lib/errors.ts';
import { field, formState, untilHandled } from '../../../lib/form-action.ts';
import { messageKey, t, tKey } from '../../../lib/prefs.ts';
import type { VolunteerProject } from './queries.ts';

type VolunteerWish = Parameters<(typeof api.renovation.volunteer.projects)[':id']['wishes']['$post']>[0]['json'];
const wishWords: Words = {
  field: (name) => messageKey(`wishErr_${name}`),
};

/** One Idempotency-Key per filled-in form: a second tap on a bad network never records twice. */
const keys = new Map<string, string>();
const keyFor = (form: string) => keys.get(form) ?? keys.set(form, crypto.randomUUID()).get(form)!;

/** Records a neighbour's wish; the answer is its number. */
const recordWish = action(async (project: number, form: FormData | URLSearchParams) => {
  const item = field(form, 'item');
  const input: VolunteerWish = {
    kind: field(form, 'kind') as VolunteerWish['kind'],
    description: field(form, 'description'),
    item: item ? Number(item) : undefined,
    location: field(form, 'location') || undefined,
    name: field(form, 'name') || undefined,
    phone: field(form, 'phone'),
    consent: (form.get('consent') === 'on') as true,
  };
  const key = keyFor(`wish-${project}`);
  const filed = await untilHandled(async () =>
    json(
      await api.renovation.volunteer.projects[':id'].wishes.$post(
        { param: { id: String(project) }, json: input },
        { headers: { 'Idempotency-Key': key } },
      ),
    ),
  );
  keys.delete(`wish-${project}`);
  return filed.number;
}, 'volunteer-wish');

const open = (p: VolunteerProject) => p.items.filter((i) => i.status !== 'dropped');

/** A wish or objection an information collector records for a neighbour who does not use a phone. */
export function NeighbourWishForm(props: { project: VolunteerProject; retentionDays: number }) {
  const sub = useSubmission(recordWish, ([id]) => id === props.project.id);
  const state = formState(sub, wishWords);
  const id = (name: string) => `wish-${props.project.id}-${name}`;
  return (
    <Form state={state} class="stack card" action={recordWish.with(props.project.id)} method="post" reset>
      <h3>{t('volunteerWishTitle')}</h3>
      <fieldset class="choices">
        <legend>{t('wishKindLabel')}</legend>
        <For each={['wish', 'objection'] as const}>
          {(kind) => (
            <label class="choice">
              <input type="radio" name="kind" value={kind} checked={kind === 'wish'} />
              <span>{tKey('wishKind', kind)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={open(props.project).length > 0}>
        <label for={id('item')}>{t('wishItemLabel')}</label>
        <select id={id('item')} name="item">
          <option value="">{t('wishItemNone')}</option>
          <For each={open(props.project)}>{(i) => <option value={i.id}>{i.title}</option>}</For>
        </select>
      </Show>
      <Field name="description" id={id('description')} label={t('wishDescriptionLabel')} multiline required />
      <Field name="location" id={id('location')} label={t('volunteerWishLocation')} maxLength={200} />
      <Field name="name" id={id('name')} label={t('volunteerWishName')} maxLength={40} />
      <Field
        name="phone"
        id={id('phone')}
        label={t('volunteerWishPhone')}
        hint={t('volunteerWishPhoneHint')}
        type="tel"
      />
      <label class="check">
        <input type="checkbox" name="consent" required aria-describedby={`${id('consent')}-error`} />{' '}
        {t('volunteerWishConsent', { days: props.retentionDays })}
      </label>
      <FieldError name="consent" id={`${id('consent')}-error`} />
      <SubmitRow busy={state.busy()} label={t('submitWish')} />
      <Show when={state.done() && sub.result}>
        {(number) => <p role="status">{t('volunteerWishDone', { number: number() })}</p>}
      </Show>
    </Form>
  );
}

/** Reports a quality problem on a plan item (quality supervisors). */
const reportProblem = action(async (project: number, form: FormData | URLSearchParams) => {
  const key = keyFor(`problem-${project}`);
  const body = { description: field(form, 'description') };
  await untilHandled(async () =>
    json(
      await api.renovation.volunteer.items[':id'].problems.$post(
        { param: { id: field(form, 'item') }, json: body },
        { headers: { 'Idempotency-Key': key } },
      ),
    ),
  );
  keys.delete(`problem-${project}`);
  return 'reported' as const;
}, 'volunteer-problem');

export function ProblemForm(props: { project: VolunteerProject }) {
  const state = formState(
    useSubmission(reportProblem, ([id]) => id === props.project.id),
    { field: (name) => (name === 'description' ? 'volunteerProblemErr_description' : undefined) },
  );
  const id = (name: string) => `problem-${props.project.id}-${name}`;
  return (
    <Form state={state} class="stack card" action={reportProblem.with(props.project.id)} method="post" reset>
      <h3>{t('volunteerProblemTitle')}</h3>
      <label for={id('item')}>{t('volunteerProblemItem')}</label>
      <select id={id('item')} name="item" required>
        <For each={open(props.project)}>{(i) => <option value={i.id}>{i.title}</option>}</For>
      </select>
      <Field
        name="description"
        id={id('description')}
        label={t('volunteerProblemDescription')}
        hint={t('volunteerProblemHint')}
        multiline
        required
        maxLength={2000}
      />
      <SubmitRow busy={state.busy()} label={t('submitWish')} />
      <Show when={state.done()}>
        <p role="status">{t('volunteerProblemDone')}</p>
      </Show>
    </Form>
  );
}
