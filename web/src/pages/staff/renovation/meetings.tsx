import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { formatTimeRange } from '../../../lib/event-time.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { getStaffProject, type StaffProject } from './data.ts';
import { NewMeeting } from './meeting-form.tsx';
import { ProjectHeader } from './project-tabs.tsx';
import './renovation.css';

type Meeting = StaffProject['meetings']['past'][number];

function MeetingList(props: { projectId: number; meetings: Meeting[]; title: string; empty: string }) {
  return (
    <section>
      <h2>{props.title}</h2>
      <Show when={props.meetings.length} fallback={<p>{props.empty}</p>}>
        <ul class="plain-list">
          <For each={props.meetings}>
            {(m) => (
              <li class="card">
                <A class="meeting-link" href={`/staff/renovation/${props.projectId}/meetings/${m.id}`}>
                  {m.title}
                </A>
                <p class="muted">
                  {tKey('meetingType', m.type)} · {formatTimeRange(m.startsAt, m.endsAt)} · {m.venue}
                </p>
                <p>{m.minutesAt ? t('renoMinutesRecorded') : t('renoAgendaCount', { n: m.agenda.length })}</p>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

/** The project's joint meetings: the ones to come (to build the agenda), the past ones, and a new one. */
export default function StaffMeetings() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getStaffProject(params.id));
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()?.project}>
          {(p) => (
            <>
              <ProjectHeader id={p().id} title={p().title} />
              <MeetingList
                projectId={p().id}
                meetings={p().meetings.upcoming}
                title={t('renoUpcomingMeetings')}
                empty={t('noNextMeeting')}
              />
              <NewMeeting project={p()} />
              <MeetingList
                projectId={p().id}
                meetings={p().meetings.past}
                title={t('pastMeetings')}
                empty={t('renoNoPastMeetings')}
              />
            </>
          )}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
