import { A, action, createAsync, useParams, useSubmission } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { formState } from '../../../lib/form-action.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getStaffProject, renoWords, type StaffProject, write } from './data.ts';
import { AddItem, StaffPlanItems } from './items.tsx';
import { ProjectFields, readProject } from './project-fields.tsx';
import { ProjectHeader } from './project-tabs.tsx';
import './renovation.css';
import { StatsBlock } from './stats.tsx';

/** Saves the project as of the version read; a conflict reloads it and says so. */
const saveProject = action(
  (id: number, version: number, form: FormData | URLSearchParams) =>
    write(async () =>
      json(
        await api.renovation.staff.projects[':id'].$patch({
          param: { id: String(id) },
          json: { version, ...readProject(form) },
        }),
      ),
    ),
  'reno-project-save',
);

function EditProject(props: { project: StaffProject }) {
  const state = formState(useSubmission(saveProject), renoWords);
  return (
    <details class="card action">
      <summary>{t('renoEditProject')}</summary>
      <Form
        state={state}
        class="stack"
        action={saveProject.with(props.project.id, props.project.version)}
        method="post"
      >
        <p class="hint">{t('renoPublicHint')}</p>
        <ProjectFields project={props.project} />
        <SubmitRow busy={state.busy()} label={t('save')} />
        <p role="status" class="form-done">
          {state.done() ? t('renoProjectSaved') : ''}
        </p>
      </Form>
    </details>
  );
}

/** One project for staff: its figures, its facts and editor, and its plan items. */
export default function StaffProjectPage() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getStaffProject(params.id));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()?.project}>
          {(p) => (
            <>
              <ProjectHeader id={p().id} title={p().title} />
              <p>
                <span class="badge">{tKey('projectStatus', p().status)}</span> {placeName(p().compound)} ·{' '}
                {placeName(p().community)}
              </p>
              <div class="actions">
                <A class="button button-secondary" href={`/renovation/${p().id}`}>
                  {t('residentView')}
                </A>
              </div>
              <StatsBlock stats={p().stats} headingId="project-stats" />
              <EditProject project={p()} />
              <StaffPlanItems project={p()} />
              <AddItem project={p()} />
            </>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
