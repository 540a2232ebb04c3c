import { createSignal, For, Show } from 'solid-js';
import { api, ApiFailure, json } from '../../lib/api.ts';
import { t } from '../../lib/prefs.ts';
import { roleKey } from './layout.tsx';

const roles = ['admin', 'subdistrict', 'community', 'property', 'correspondent'] as const;

/** The admin's form for a new staff account; the server names any field at fault. */
export function CreateAccount(props: { onCreated: () => void }) {
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal('');

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const formElement = e.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const value = (name: string) => String(form.get(name) ?? '');
    setFields({});
    setMessage('');
    try {
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
      formElement.reset();
      setMessage(t('created') + staff.login);
      props.onCreated();
    } catch (err) {
      if (err instanceof ApiFailure) setFields(err.fields);
      setMessage(t('saveFailed') + (err as Error).message);
    }
  };

  const field = (name: string, label: string, attrs: Record<string, string> = {}) => (
    <>
      <label for={`new-${name}`}>{label}</label>
      <input id={`new-${name}`} name={name} aria-invalid={!!fields()[name]} aria-describedby={`new-${name}-error`} {...attrs} />
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
      <form class="stack" onSubmit={submit}>
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
