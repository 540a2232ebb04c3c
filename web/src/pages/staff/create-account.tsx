import { action, useSubmission } from '@solidjs/router';
import { createEffect, For, on, Show } from 'solid-js';
import { api, json } from '../../lib/api.ts';
import { formState } from '../../lib/form-action.ts';
import { t } from '../../lib/prefs.ts';
import { roleKey } from './layout.tsx';

const roles = ['admin', 'subdistrict', 'community', 'property', 'correspondent'] as const;

type Form = FormData | URLSearchParams;

/** Creates the account; the router then reloads the list of accounts. */
const createAccount = action(async (form: Form) => {
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
  const fields = state.fields;
  let form!: HTMLFormElement;
  createEffect(on(state.done, (done) => done && form.reset(), { defer: true }));
  const message = () =>
    state.done()
      ? t('created') + (submission.result?.login ?? '')
      : state.message() && t('saveFailed') + state.message();

  const field = (name: string, label: string, attrs: Record<string, string> = {}) => (
    <>
      <label for={`new-${name}`}>{label}</label>
      <input
        id={`new-${name}`}
        name={name}
        aria-invalid={!!fields()[name]}
        aria-describedby={`new-${name}-error`}
        {...attrs}
      />
      <Show when={fields()[name]}>
        <p class="form-error" id={`new-${name}-error`}>
          {fields()[name]}
        </p>
      </Show>
    </>
  );

  return (
    <details class="card">
      <summary>{t('createAccount')}</summary>
      <form ref={form} class="stack" action={createAccount} method="post">
        {field('login', t('loginLabel'), { autocapitalize: 'none', required: '' })}
        {field('displayName', t('displayNameLabel'), { required: '' })}
        <label for="new-role">{t('roleLabel')}</label>
        <select id="new-role" name="role">
          <For each={roles}>{(role) => <option value={role}>{t(roleKey(role))}</option>}</For>
        </select>
        {field('place', t('placeLabel'), { autocapitalize: 'none' })}
        {field('password', t('newPassword'), { type: 'password', autocomplete: 'new-password', required: '' })}
        <button class="button" type="submit">
          {t('create')}
        </button>
        <Show when={message()}>
          <p role="status">{message()}</p>
        </Show>
      </form>
    </details>
  );
}
