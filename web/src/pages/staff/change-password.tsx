import { action, useSubmission } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
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
  let form!: HTMLFormElement;
  createEffect(on(state.done, (done) => done && form.reset(), { defer: true }));
  return (
    <details class="card">
      <summary>{t('changePassword')}</summary>
      <form ref={form} class="stack" action={changePassword} method="post" novalidate>
        <Field
          name="currentPassword"
          label={t('currentPassword')}
          error={state.fields().currentPassword}
          type="password"
          autocomplete="current-password"
          required
        />
        <Field
          name="password"
          label={t('newPassword')}
          error={state.fields().password}
          type="password"
          autocomplete="new-password"
          required
        />
        <SubmitRow message={state.message()} busy={state.busy()} label={t('changePassword')} />
        <Show when={state.done()}>
          <p role="status">{t('passwordChanged')}</p>
        </Show>
      </form>
    </details>
  );
}
