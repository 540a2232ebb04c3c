import { action, useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { api, json } from '../../lib/api.ts';
import { formState } from '../../lib/form-action.ts';
import { t } from '../../lib/prefs.ts';
import { roleKey } from './layout.tsx';

const roles = ['admin', 'subdistrict', 'community', 'property', 'correspondent', 'volunteer'] as const;

type Sent = FormData | URLSearchParams;

/** Creates the account; the router then reloads the list of accounts. */
const createAccount = action(async (form: Sent) => {
  const value = (name: string) => String(form.get(name) ?? '');
  const { staff } = await json(
    await api.staff.$post({
      json: {
        login: value('login'),
        displayName: value('displayName'),
        role: value('role') as (typeof roles)[number],
        place: value('place') || undefined,
        password: value('password'),
      },
    }),
  );
  return staff;
}, 'staff-account-create');

/** The admin's form for a new staff account; each field at fault is named in the reader's words. */
export function CreateAccount() {
  const submission = useSubmission(createAccount);
  const state = formState(submission);

  return (
    <details class="card">
      <summary>{t('createAccount')}</summary>
      <Form state={state} class="stack" action={createAccount} method="post" reset>
        <Field name="login" id="new-login" label={t('loginLabel')} autocapitalize="none" required />
        <Field name="displayName" id="new-displayName" label={t('displayNameLabel')} required />
        <label for="new-role">{t('roleLabel')}</label>
        <select id="new-role" name="role">
          <For each={roles}>{(role) => <option value={role}>{t(roleKey(role))}</option>}</For>
        </select>
        <Field name="place" id="new-place" label={t('placeLabel')} autocapitalize="none" />
        <Field
          name="password"
          id="new-password"
          label={t('newPassword')}
          type="password"
          autocomplete="new-password"
          required
        />
        <SubmitRow busy={state.busy()} label={t('create')} />
        <Show when={state.done()}>
          <p role="status">{t('created') + (submission.result?.login ?? '')}</p>
        </Show>
      </Form>
    </details>
  );
}
