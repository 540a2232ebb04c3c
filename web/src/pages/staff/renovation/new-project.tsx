import { A, action, createAsync, redirect, useSubmission } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json, type PlaceTree, type StaffView } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { getPlaces } from '../../../lib/places.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { organiserChoices } from '../events/organiser-select.tsx';
import { getStaffProjects, renoWords, write } from './data.ts';
import { ProjectFields, readProject } from './project-fields.tsx';
import './renovation.css';
import { SelectField } from './select-field.tsx';

/** Creates the project and opens its page. */
const createProject = action(async (form: FormData | URLSearchParams) => {
  const { project } = await write(async () =>
    json(
      await api.renovation.staff.projects.$post({ json: { compound: field(form, 'compound'), ...readProject(form) } }),
    ),
  );
  throw redirect(`/staff/renovation/${project.id}`, { revalidate: getStaffProjects.key });
}, 'reno-project-create');

/** The compounds of the staff member's place, by community. */
function CompoundSelect(props: { tree: PlaceTree; staff: StaffView }) {
  const communities = () => organiserChoices(props.tree, props.staff).flatMap((g) => g.communities);
  return (
    <SelectField name="compound" label={t('compoundLabel')} required>
      <option value="">{t('renoChooseCompound')}</option>
      <For each={communities()}>
        {(c) => (
          <optgroup label={placeName(c)}>
            <For each={c.compounds}>{(x) => <option value={x.slug}>{placeName(x)}</option>}</For>
          </optgroup>
        )}
      </For>
    </SelectField>
  );
}

/** A new renovation project in a compound of the staff member's place. */
export default function NewProject() {
  const tree = createAsync(() => getPlaces());
  const me = createAsync(() => getMe());
  const state = formState(useSubmission(createProject), renoWords);
  return (
    <>
      <p class="back-link">
        <A href="/staff/renovation">{t('renoAllProjects')}</A>
      </p>
      <h1>{t('renoNewProject')}</h1>
      <Suspense>
        <Show when={tree() && me()?.staff}>
          <Form state={state} class="stack card" action={createProject} method="post">
            <p class="hint">{t('renoPublicHint')}</p>
            <CompoundSelect tree={tree()!} staff={me()!.staff!} />
            <ProjectFields />
            <SubmitRow busy={state.busy()} label={t('renoCreateProject')} />
          </Form>
        </Show>
      </Suspense>
    </>
  );
}
