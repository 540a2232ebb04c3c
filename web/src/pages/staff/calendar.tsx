import { action, createAsync, query, useSubmission } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { ErrorBoundary, Index, Show, Suspense, untrack } from 'solid-js';
import { SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { api, json } from '../../lib/api.ts';
import { daysText, parseDays } from '../../lib/calendar-text.ts';
import { field, formState } from '../../lib/form-action.ts';
import { formatDay } from '../../lib/format.ts';
import { t } from '../../lib/prefs.ts';
import { getMe } from '../../lib/staff-session.ts';

type Year = InferResponseType<typeof api.calendar.$get, 200>['years'][number];
const getCalendar = query(async () => json(await api.calendar.$get()), 'work-calendar');

const saveYear = action(async (form: FormData) => {
  const { days, bad } = parseDays(field(form, 'days'));
  // Lines the notice's format does not fit stay on the page, by number, and nothing is sent.
  if (bad.length) return { bad };
  await json(
    await api.calendar[':year'].$put({
      param: { year: field(form, 'year') },
      json: { status: field(form, 'status') as Year['status'], source: field(form, 'source'), days },
    }),
  );
  return { bad: [] };
}, 'calendar-save');

/** The working calendar every due date counts on; the district admin enters each year's notice. */
export default function CalendarPage() {
  const data = createAsync(() => getCalendar());
  const me = createAsync(() => getMe());
  const mayEdit = () => !!me()?.abilities?.['calendar.manage'];
  return (
    <>
      <h1>{t('calendarTitle')}</h1>
      <p class="notice">{t('calendarIntro')}</p>
      <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
        <Suspense fallback={<Loading />}>
          {/* By position, so a year's open editor stays open when the list is read again after a save. */}
          <Index each={data()?.years}>{(y) => <YearCard year={y()} editable={mayEdit()} />}</Index>
          <Show when={mayEdit()}>
            <YearForm year={(data()?.years.at(-1)?.year ?? new Date().getFullYear()) + 1} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

function YearCard(props: { year: Year; editable: boolean }) {
  const holidays = () => props.year.days.filter((d) => d.kind === 'holiday').length;
  const workdays = () => props.year.days.filter((d) => d.kind === 'workday');
  return (
    <section class="card" aria-labelledby={`year-${props.year.year}`}>
      <h2 id={`year-${props.year.year}`}>
        {props.year.year}{' '}
        <span class={props.year.status === 'published' ? 'badge' : 'badge badge-warn'}>
          {t(props.year.status === 'published' ? 'calendarPublished' : 'calendarProvisional')}
        </span>
      </h2>
      <p>{props.year.source}</p>
      <p>
        {t('calendarCounts').replace('{holidays}', String(holidays())).replace('{workdays}', String(workdays().length))}
      </p>
      <Show when={workdays().length > 0}>
        <p>
          {t('calendarWorkdays')}:{' '}
          {workdays()
            .map((d) => formatDay(d.day))
            .join('、')}
        </p>
      </Show>
      <Show when={props.editable}>
        <YearForm year={props.year.year} current={props.year} />
      </Show>
    </section>
  );
}

function YearForm(props: { year: number; current?: Year }) {
  const submission = useSubmission(saveYear, ([form]) => form.get('year') === String(props.year));
  const state = formState(submission);
  const bad = () => submission.result?.bad ?? [];
  // What the fields start with, read once: the list is read again after every save, and the
  // editor must not put back what the admin is typing.
  const start = untrack(() => ({
    status: props.current?.status ?? 'published',
    source: props.current?.source ?? '',
    days: props.current ? daysText(props.current.days) : '',
  }));
  return (
    <details class={props.current ? '' : 'card'}>
      <summary>{props.current ? t('calendarEdit') : t('calendarAdd').replace('{year}', String(props.year))}</summary>
      <Form state={state} class="stack" action={saveYear} method="post">
        <input type="hidden" name="year" value={props.year} />
        <label>
          {t('calendarStatus')}
          <select name="status" value={start.status}>
            <option value="published">{t('calendarPublished')}</option>
            <option value="provisional">{t('calendarProvisional')}</option>
          </select>
        </label>
        <label>
          {t('calendarSource')}
          <input name="source" required minlength="2" maxlength="200" value={start.source} />
        </label>
        <label>
          {t('calendarDays')}
          <textarea name="days" rows="10" value={start.days} />
        </label>
        <p class="hint">{t('calendarDaysHint')}</p>
        <SubmitRow busy={state.busy()} label={t('save')} />
        <Show when={bad().length > 0}>
          <p role="alert" class="error">
            {t('calendarBadLines').replace('{lines}', bad().join(', '))}
          </p>
        </Show>
        <Show when={state.done() && bad().length === 0}>
          <p role="status">{t('saved')}</p>
        </Show>
      </Form>
    </details>
  );
}
