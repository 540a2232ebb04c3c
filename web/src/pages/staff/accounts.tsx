import { action, createAsync, query, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, For, on, Show, Suspense } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { api, json, type StaffView } from '../../lib/api.ts';
import { formState, useQuietAction } from '../../lib/form-action.ts';
import { placeName, t } from '../../lib/prefs.ts';
import { CreateAccount } from './create-account.tsx';
import { roleKey } from './layout.tsx';

const getStaff = query(async () => (await json(await api.staff.$get())).staff, 'staff-list');

/** Disables or enables an account; the router then reloads the list. */
const toggleAccount = action(async (id: number, disabled: boolean) => {
  await json(await api.staff[':id'][disabled ? 'enable' : 'disable'].$post({ param: { id: String(id) } }));
  return 'toggled' as const;
}, 'staff-account-toggle');
/** Sets a new password for an account. */
const resetPassword = action(async (id: number, form: FormData | URLSearchParams) => {
  await json(
    await api.staff[':id'].password.$post({
      param: { id: String(id) },
      json: { password: String(form.get('password')) },
    }),
  );
  return 'reset' as const;
}, 'staff-password-reset');

/** One account: who it is, and disable/enable and password reset for admins. */
function AccountRow(props: { account: StaffView }) {
  const [resetting, setResetting] = createSignal(false);
  const toggled = formState(useSubmission(toggleAccount, ([id]) => id === props.account.id));
  const reset = formState(useSubmission(resetPassword, ([id]) => id === props.account.id));
  const toggle = useQuietAction(toggleAccount);
  createEffect(on(reset.done, (done) => done && setResetting(false), { defer: true }));
  const message = () =>
    toggled.message() ? t('saveFailed') + toggled.message() : reset.done() ? t('passwordReset') : '';

  return (
    <li class="card account" classList={{ 'is-disabled': props.account.disabled }}>
      <p class="account-name">
        {props.account.displayName} <span class="muted">({props.account.login})</span>
      </p>
      <p class="muted">
        {t(roleKey(props.account.role))} · {props.account.place ? placeName(props.account.place) : t('wholeDistrict')}
        <Show when={props.account.disabled}>
          {' '}
          · <strong>{t('disabled')}</strong>
        </Show>
      </p>
      <div class="actions">
        <button
          type="button"
          class="button button-secondary"
          onClick={() => toggle(props.account.id, props.account.disabled)}
        >
          {props.account.disabled ? t('enable') : t('disable')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          aria-expanded={resetting()}
          onClick={() => setResetting(!resetting())}
        >
          {t('resetPassword')}
        </button>
      </div>
      <Show when={resetting()}>
        <Form state={reset} class="stack" action={resetPassword.with(props.account.id)} method="post" reset>
          <Field
            name="password"
            id={`pw-${props.account.id}`}
            label={t('newPassword')}
            type="password"
            autocomplete="new-password"
            minlength="10"
            required
          />
          <SubmitRow busy={reset.busy()} label={t('save')} />
        </Form>
      </Show>
      <Show when={message()}>
        <p role="status">{message()}</p>
      </Show>
    </li>
  );
}

export default function Accounts() {
  const staff = createAsync(() => getStaff());
  return (
    <>
      <h1>{t('accountsTitle')}</h1>
      <CreateAccount />
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <ul class="plain-list">
            <For each={staff()}>{(account) => <AccountRow account={account} />}</For>
          </ul>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
