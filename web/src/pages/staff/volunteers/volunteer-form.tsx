import { action, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import type { Words } from '../../../lib/errors.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { messageKey, t, tKey } from '../../../lib/prefs.ts';
import { CompoundSelect } from './compounds.tsx';
import type { RosterVolunteer } from './queries.ts';

type NewVolunteer = Parameters<typeof api.renovation.staff.volunteers.$post>[0]['json'];

export const volunteerRoles = [
  'policy_promoter',
  'information_collector',
  'action_leader',
  'quality_supervisor',
] as const;
const words: Words = {
  field: (name) => messageKey(`volunteerErr_${name}`),
};

/** Adds a volunteer to the roster, or changes one as of the version read; the roster then reloads. */
const saveVolunteer = action(async (v: RosterVolunteer | undefined, form: FormData | URLSearchParams) => {
  const body = {
    name: field(form, 'name'),
    roles: form.getAll('roles').map(String) as NewVolunteer['roles'],
    phone: field(form, 'phone'),
    publicConsent: form.get('publicConsent') === 'on',
  };
  const login = field(form, 'login');
  if (v) {
    const body_ = { ...body, version: v.version, login: login || null };
    await json(await api.renovation.staff.volunteers[':id'].$patch({ param: { id: String(v.id) }, json: body_ }));
  } else {
    const body_ = { ...body, compound: field(form, 'compound'), login: login || undefined };
    await json(await api.renovation.staff.volunteers.$post({ json: body_ }));
  }
  return 'saved' as const;
}, 'staff-volunteer-save');

/** The roster form: a new volunteer (with their compound), or one already on the roster. */
export function VolunteerForm(props: { volunteer?: RosterVolunteer }) {
  const state = formState(
    useSubmission(saveVolunteer, ([v]) => v?.id === props.volunteer?.id),
    words,
  );
  const id = (name: string) => `vol-${props.volunteer?.id ?? 'new'}-${name}`;
  const v = () => props.volunteer;
  return (
    <Form state={state} class="stack" action={saveVolunteer.with(props.volunteer)} method="post" reset={!v()}>
      <Show when={!v()}>
        <CompoundSelect id={id('compound')} />
      </Show>
      <Field name="name" id={id('name')} label={t('volunteerName')} value={v()?.name ?? ''} required maxLength={40} />
      <fieldset class="choices">
        <legend>{t('volunteerRoles')}</legend>
        <For each={volunteerRoles}>
          {(role) => (
            <label class="check">
              <input type="checkbox" name="roles" value={role} checked={v()?.roles.includes(role)} />{' '}
              {tKey('volunteerRole', role)}
            </label>
          )}
        </For>
      </fieldset>
      <FieldError name="roles" id={id('roles-error')} />
      <Field name="phone" id={id('phone')} label={t('volunteerPhone')} type="tel" value={v()?.phone ?? ''} required />
      <label class="check">
        <input type="checkbox" name="publicConsent" checked={v()?.publicConsent} /> {t('volunteerConsent')}
      </label>
      <Field
        name="login"
        id={id('login')}
        label={t('volunteerLogin')}
        hint={t('volunteerLoginHint')}
        autocapitalize="none"
        value={v()?.login ?? ''}
      />
      <SubmitRow busy={state.busy()} label={v() ? t('save') : t('volunteerAdd')} />
      <Show when={state.done()}>
        <p role="status">{t('saved')}</p>
      </Show>
    </Form>
  );
}
