import { A, createAsync, useParams, useSubmission } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { formatTimeRange } from '../../../lib/event-time.ts';
import { formatDateTime, formatDay } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { AgendaForm } from './agenda-form.tsx';
import { getStaffMeeting, getStaffProject, type StaffMeeting } from './data.ts';
import { MinutesForm, recordMinutes } from './minutes-form.tsx';
import './renovation.css';

/** The facts of a meeting: when, where, who. */
function MeetingFacts(props: { meeting: StaffMeeting }) {
  const m = () => props.meeting;
  return (
    <section class="card">
      <dl class="facts">
        <dt>{t('renoMeetingType')}</dt>
        <dd>{tKey('meetingType', m().type)}</dd>
        <dt>{t('eventWhen')}</dt>
        <dd>{formatTimeRange(m().startsAt, m().endsAt)}</dd>
        <dt>{t('eventWhere')}</dt>
        <dd>{m().venue}</dd>
        <dt>{t('renoParties')}</dt>
        <dd>
          {[m().parties.partyBranch, m().parties.contractor, m().parties.supervisor, m().parties.representatives].join(
            '；',
          )}
        </dd>
      </dl>
      <div class="actions">
        <A class="button button-secondary" href={`/staff/events/${m().eventId}`}>
          {t('renoMeetingEvent')}
        </A>
      </div>
    </section>
  );
}

/** What the meeting decided, item by item, as residents now see it. */
function Decisions(props: { meeting: StaffMeeting }) {
  return (
    <section class="card" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('renoDecisionsTitle')}</h2>
      <p class="muted">{t('renoMinutesAt', { at: formatDateTime(props.meeting.minutesAt!) })}</p>
      <p class="event-topic">{props.meeting.minutes}</p>
      <ol class="link-list">
        <For each={props.meeting.agenda}>
          {(a) => (
            <li>
              <strong>{a.decision ? tKey('decision', a.decision) : '—'}</strong> · {a.wish.number} {a.wish.description}
              <Show when={a.item}>{(i) => <> · {t('answerItem', { item: i().title })}</>}</Show>
              <Show when={a.deferredTo}>{(d) => <> · {t('answerDeferred', { date: formatDay(d()) })}</>}</Show>
              <Show when={a.note}>
                <p class="answer-note">{a.note}</p>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

/** One joint meeting for staff: its agenda built from open wishes, then its minutes and decisions. */
export default function StaffMeetingPage() {
  const params = useParams<{ id: string; meeting: string }>();
  const data = createAsync(() => getStaffMeeting(params.meeting));
  const project = createAsync(() => getStaffProject(params.id));
  const minutes = useSubmission(recordMinutes);
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <p class="back-link">
        <A href={`/staff/renovation/${params.id}/meetings`}>{t('renoBackToMeetings')}</A>
      </p>
      <Suspense fallback={<Loading />}>
        <Show when={data()?.meeting && project()?.project}>
          <h1>{data()!.meeting.title}</h1>
          <MeetingFacts meeting={data()!.meeting} />
          <p role="status" class="form-done">
            {!minutes.pending && minutes.result ? t('renoMinutesDone') : ''}
          </p>
          <Show when={data()!.meeting.minutesAt === null} fallback={<Decisions meeting={data()!.meeting} />}>
            <AgendaForm meeting={data()!.meeting} />
            <Show when={data()!.meeting.agenda.length}>
              <MinutesForm meeting={data()!.meeting} project={project()!.project} />
            </Show>
          </Show>
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
