import { action, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { api, json } from '../../lib/api.ts';
import { field, formState } from '../../lib/form-action.ts';
import { t } from '../../lib/prefs.ts';

/** The signed-in staff member's new password; this phone stays signed in, every other one is signed out. */
const changePassword = action(async (form: FormData | URLSearchParams) => {
  await json(
    await api.auth.password.$post({
      json: { currentPassword: String(form.get('currentPassword') ?? ''), password: field(form, 'password') },
    }),
  );
  return true;
}, 'staff-password-change');

/** Changing one's own password proves the current one first (a session left open is not enough). */
export function ChangePassword() {
  const state = formState(useSubmission(changePassword));
  return (
    <details class="card">
      <summary>{t('changePassword')}</summary>
      <Form state={state} class="stack" action={changePassword} method="post" reset>
        <Field
          name="currentPassword"
          label={t('currentPassword')}
          type="password"
          autocomplete="current-password"
          required
        />
        <Field name="password" label={t('newPassword')} type="password" autocomplete="new-password" required />
        <SubmitRow busy={state.busy()} label={t('changePassword')} />
        <Show when={state.done()}>
          <p role="status">{t('passwordChanged')}</p>
        </Show>
      </Form>
    </details>
  );
}
