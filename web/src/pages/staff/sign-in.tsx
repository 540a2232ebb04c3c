import { action, json, type Navigator, useNavigate, useSearchParams, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { formState } from '../../lib/form-action.ts';
import { t } from '../../lib/prefs.ts';
import { signIn } from '../../lib/staff-session.ts';

/** Why the sign-in page was opened, from `?reason=`. */
const reasons = { expired: 'sessionExpired', 'signed-out': 'signedOut' } as const;

/** Signs in, then opens the page asked for; only our own staff pages are valid destinations. */
const signInAction = action(async (navigate: Navigator, next: string | undefined, form: FormData | URLSearchParams) => {
  await signIn(String(form.get('login')), String(form.get('password')));
  navigate(next?.startsWith('/staff') ? next : '/staff', { replace: true });
  // signIn() has reloaded who is signed in; reloading every query again would only race the next page.
  return json(true, { revalidate: [] });
}, 'staff-sign-in');

export default function SignIn() {
  const [params] = useSearchParams<{ reason?: keyof typeof reasons; next?: string }>();
  const navigate = useNavigate();
  const state = formState(useSubmission(signInAction));

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
      <Form state={state} class="stack" action={signInAction.with(navigate, params.next)} method="post">
        <Field name="login" id="login" label={t('loginLabel')} autocomplete="username" autocapitalize="none" required />
        <Field
          name="password"
          id="password"
          label={t('passwordLabel')}
          type="password"
          autocomplete="current-password"
          required
        />
        <SubmitRow busy={state.busy()} label={t('signInButton')} busyLabel={t('signingIn')} />
      </Form>
    </>
  );
}
