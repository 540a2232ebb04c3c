import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../components/states.tsx';
import { api, json, type StaffView } from '../../lib/api.ts';
import { placeName, t } from '../../lib/prefs.ts';
import { CreateAccount } from './create-account.tsx';
import { roleKey } from './layout.tsx';

const getStaff = query(async () => (await json(await api.staff.$get())).staff, 'staff-list');

/** One account: who it is, and disable/enable and password reset for admins. */
function AccountRow(props: { account: StaffView }) {
  const [resetting, setResetting] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const param = () => ({ id: String(props.account.id) });

  const toggle = async () => {
    setMessage('');
    try {
      const route = api.staff[':id'][props.account.disabled ? 'enable' : 'disable'];
      await json(await route.$post({ param: param() }));
      await revalidate(getStaff.key);
    } catch (err) {
      setMessage(t('saveFailed') + (err as Error).message);
    }
  };
  const reset = async (e: SubmitEvent) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget as HTMLFormElement).get('password'));
    try {
      await json(await api.staff[':id'].password.$post({ param: param(), json: { password } }));
      setResetting(false);
      setMessage(t('passwordReset'));
    } catch (err) {
      setMessage(t('saveFailed') + (err as Error).message);
    }
  };

  return (
    <li class="card account" classList={{ 'is-disabled': props.account.disabled }}>
      <p class="account-name">
        {props.account.displayName} <span class="muted">({props.account.login})</span>
      </p>
      <p class="muted">
        {t(roleKey(props.account.role))} · {props.account.place ? placeName(props.account.place) : t('wholeDistrict')}
        <Show when={props.account.disabled}> · <strong>{t('disabled')}</strong></Show>
      </p>
      <div class="actions">
        <button type="button" class="button button-secondary" onClick={toggle}>
          {props.account.disabled ? t('enable') : t('disable')}
        </button>
        <button type="button" class="button button-secondary" aria-expanded={resetting()} onClick={() => setResetting(!resetting())}>
          {t('resetPassword')}
        </button>
      </div>
      <Show when={resetting()}>
        <form class="stack" onSubmit={reset}>
          <label for={`pw-${props.account.id}`}>{t('newPassword')}</label>
          <input id={`pw-${props.account.id}`} name="password" type="password" autocomplete="new-password" minlength="10" required />
          <button class="button" type="submit">{t('save')}</button>
        </form>
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
      <CreateAccount onCreated={() => revalidate(getStaff.key)} />
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
