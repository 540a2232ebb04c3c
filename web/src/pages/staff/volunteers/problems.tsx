import { action, createAsync, useSubmission } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { LoadError, Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { formatDate } from '../../../lib/format.ts';
import { t } from '../../../lib/prefs.ts';
import { getOpenProblems, type OpenProblem } from './queries.ts';

/** Answers a quality problem publicly, as of the version read; the list then reloads without it. */
const answerProblem = action(async (p: OpenProblem, form: FormData | URLSearchParams) => {
  await json(
    await api.renovation.staff.problems[':id'].answer.$post({
      param: { id: String(p.id) },
      json: { version: p.version, answer: field(form, 'answer') },
    }),
  );
  return 'answered' as const;
}, 'staff-problem-answer');

function ProblemCard(props: { problem: OpenProblem }) {
  const p = () => props.problem;
  const state = formState(
    useSubmission(answerProblem, ([x]) => x.id === p().id),
    { field: (name) => (name === 'answer' ? 'problemErr_answer' : undefined) },
  );
  return (
    <li class="card">
      <h4>{p().itemTitle}</h4>
      <p>{p().description}</p>
      <p class="muted">
        {t('problemReporter', { name: p().reporter.name, phone: p().reporter.phone })} · {formatDate(p().createdAt)}
      </p>
      <Form state={state} class="stack" action={answerProblem.with(p())} method="post">
        <Field
          name="answer"
          id={`answer-${p().id}`}
          label={t('problemAnswerLabel')}
          multiline
          required
          maxLength={2000}
        />
        <SubmitRow busy={state.busy()} label={t('problemAnswerSubmit')} />
      </Form>
    </li>
  );
}

/** Every project's open quality problems: each must be answered, and the answer shows on its item. */
export function OpenProblems() {
  const projects = createAsync(() => getOpenProblems());
  const open = () => (projects() ?? []).filter((p) => p.problems.length > 0);
  return (
    <section aria-labelledby="problems-title">
      <h2 id="problems-title">{t('problemsOpenTitle')}</h2>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Show when={open().length > 0} fallback={<p>{t('problemsNone')}</p>}>
            <For each={open()}>
              {(entry) => (
                <>
                  <h3>{entry.project.title}</h3>
                  <Show when={entry.contractors.length > 0}>
                    <p class="hint">
                      {t('problemContractors', {
                        names: entry.contractors.map((c) => `${c.name} ${c.contact}`.trim()).join(t('listSep')),
                      })}
                    </p>
                  </Show>
                  <ul class="plain-list">
                    <For each={entry.problems}>{(p) => <ProblemCard problem={p} />}</For>
                  </ul>
                </>
              )}
            </For>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
