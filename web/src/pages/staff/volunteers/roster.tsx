import { action, createAsync, useSubmission } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { ListOr, LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formState, useQuietAction } from '../../../lib/form-action.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import { rolesText } from '../../renovation/volunteers.tsx';
import { OpenProblems } from './problems.tsx';
import { getRoster, type RosterVolunteer } from './queries.ts';
import { VolunteerForm } from './volunteer-form.tsx';

/** Takes a volunteer off the roster; the roster then reloads. */
const removeVolunteer = action(async (id: number) => {
  await json(await api.renovation.staff.volunteers[':id'].$delete({ param: { id: String(id) } }));
  return 'removed' as const;
}, 'staff-volunteer-remove');

/** One volunteer: roles, compound, phone to call, whether shown publicly, their sign-in; edit or remove. */
function VolunteerRow(props: { volunteer: RosterVolunteer }) {
  const v = () => props.volunteer;
  const removed = formState(useSubmission(removeVolunteer, ([id]) => id === v().id));
  const remove = useQuietAction(removeVolunteer);
  return (
    <li class="card">
      <h3>{v().name}</h3>
      <p>{rolesText(v().roles)}</p>
      <p class="muted">
        {placeName(v().compound)} · <a href={`tel:${v().phone}`}>{v().phone}</a> ·{' '}
        {v().publicConsent ? t('volunteerPublic') : t('volunteerNotPublic')}
        <Show when={v().login}>{(login) => <> · {login()}</>}</Show>
      </p>
      <details>
        <summary>{t('volunteerEdit')}</summary>
        <VolunteerForm volunteer={v()} />
      </details>
      <div class="actions">
        <button type="button" class="button button-secondary" onClick={() => remove(v().id)}>
          {t('volunteerRemove')}
        </button>
      </div>
      <Show when={removed.message()}>
        <p class="form-error" role="alert">
          {removed.message()}
        </p>
      </Show>
    </li>
  );
}

/** The staff page of the four officers (四大员): the roster, and the quality problems to answer. */
export default function VolunteerRoster() {
  const roster = createAsync(() => getRoster());
  return (
    <>
      <h1>{t('rosterTitle')}</h1>
      <p class="hint">{t('rosterIntro')}</p>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <ListOr each={roster()} empty={<p>{t('rosterEmpty')}</p>}>
            {(v) => <VolunteerRow volunteer={v} />}
          </ListOr>
        </Suspense>
      </ErrorBoundary>
      <details class="card">
        <summary>{t('volunteerAdd')}</summary>
        <VolunteerForm />
      </details>
      <OpenProblems />
    </>
  );
}
