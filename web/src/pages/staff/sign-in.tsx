import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ApiFailure } from '../../lib/api.ts';
import { t } from '../../lib/prefs.ts';
import { signIn } from '../../lib/staff-session.ts';

/** Why the sign-in page was opened, from `?reason=`. */
const reasons = { expired: 'sessionExpired', 'signed-out': 'signedOut' } as const;

export default function SignIn() {
  const [params] = useSearchParams<{ reason?: keyof typeof reasons; next?: string }>();
  const navigate = useNavigate();
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError('');
    try {
      await signIn(String(form.get('login')), String(form.get('password')));
      // Only our own staff pages are valid destinations.
      navigate(params.next?.startsWith('/staff') ? params.next : '/staff', { replace: true });
    } catch (err) {
      setError(err instanceof ApiFailure && err.code === 'invalid_credentials' ? t('badCredentials') : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const notice = () => (params.reason && reasons[params.reason] ? t(reasons[params.reason]) : '');
  return (
    <>
      <h1>{t('signInTitle')}</h1>
      <p class="lead">{t('signInIntro')}</p>
      <Show when={notice()}>
        <p class="notice" role="status">
          {notice()}
        </p>
      </Show>
      <form class="stack" onSubmit={submit}>
        <label for="login">{t('loginLabel')}</label>
        <input id="login" name="login" autocomplete="username" autocapitalize="none" required />
        <label for="password">{t('passwordLabel')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <button class="button" type="submit" disabled={busy()}>
          {busy() ? t('signingIn') : t('signInButton')}
        </button>
      </form>
    </>
  );
}
