import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ShownAsOf } from '../../components/offline-notes.tsx';
import { ReadAloud } from '../../components/read-aloud.tsx';
import { LoadError, Loading } from '../../components/states.tsx';
import { formatTimeRange } from '../../lib/event-time.ts';
import { getEvent, mySignups, type PublicEvent, signupPath } from '../../lib/events.ts';
import { formatDateTime } from '../../lib/format.ts';
import { placeName, t, tKey } from '../../lib/prefs.ts';
import { CalendarLink, EventStatusMark, SeatsLine, VenueLine } from './event-bits.tsx';
import { SignupForm } from './signup-form.tsx';

/** The facts a resident needs to decide and to find the place. */
function Facts(props: { event: PublicEvent }) {
  const e = () => props.event;
  return (
    <dl class="facts">
      <dt>{t('eventWhen')}</dt>
      <dd>{formatTimeRange(e().startsAt, e().endsAt)}</dd>
      <dt>{t('eventWhere')}</dt>
      <dd>
        <VenueLine event={e()} />
        <Show when={e().joinUrl}>
          <br />
          <a href={e().joinUrl!} rel="noopener noreferrer" target="_blank">
            {t('eventJoinOnline')}
          </a>
        </Show>
      </dd>
      <Show when={e().speaker}>
        <dt>{t('eventSpeaker')}</dt>
        <dd>{e().speaker}</dd>
      </Show>
      <dt>{t('eventOrganiser')}</dt>
      <dd>{placeName(e().organiser)}</dd>
      <dt>{t('eventKindLabel')}</dt>
      <dd>{tKey('eventKind', e().kind)}</dd>
    </dl>
  );
}

/** Why no form: the event is off, over, or needs no sign-up. */
function NoSignup(props: { event: PublicEvent }) {
  const reason = () =>
    props.event.status === 'cancelled'
      ? ''
      : props.event.status === 'completed' || props.event.startsAt <= Date.now()
        ? t('signupStarted')
        : !props.event.signupOpen
          ? t('eventNoSignupLong')
          : '';
  return (
    <Show when={reason()}>
      <p class="notice">{reason()}</p>
    </Show>
  );
}

/** One event: what, when, where, seats; sign up, add to the phone's calendar; afterwards the summary. */
export default function EventPage() {
  const params = useParams<{ id: string }>();
  const data = createAsync(() => getEvent(params.id));
  const mine = () => mySignups.list().find((s) => String(s.eventId) === params.id);
  return (
    <ErrorBoundary fallback={(err, retry) => <LoadError error={err} retry={retry} />}>
      <Suspense fallback={<Loading />}>
        <Show when={data()}>
          {(d) => {
            const e = () => d().event;
            let title: HTMLHeadingElement | undefined;
            let facts: HTMLElement | undefined;
            return (
              <>
                <ShownAsOf data={d()} />
                <h1 lang="zh-CN" ref={title}>
                  {e().title}
                </h1>
                <Show when={e().series}>
                  {(s) => <p class="lead">{t('eventSession', { n: s().sessionNumber ?? 1, of: s().sessionCount })}</p>}
                </Show>
                <EventStatusMark status={e().status} />
                <Show when={e().status === 'cancelled'}>
                  <p class="notice" role="status">
                    {t('eventCancelledNotice')} {e().cancelReason}
                  </p>
                </Show>
                <ReadAloud parts={() => [title, facts]} />
                <section class="card" ref={facts}>
                  <Facts event={e()} />
                  <Show when={e().description}>
                    <p class="event-topic" lang="zh-CN">
                      {e().description}
                    </p>
                  </Show>
                  <SeatsLine event={e()} />
                  <div class="actions">
                    <CalendarLink eventId={e().id} />
                  </div>
                </section>
                <Show when={e().status === 'completed' && e().summary}>
                  <section class="card">
                    <h2>{t('eventSummary')}</h2>
                    <p class="event-topic">{e().summary}</p>
                    <Show when={e().attendance !== null}>
                      <p>{t('eventAttendance', { n: e().attendance! })}</p>
                    </Show>
                    <Show when={e().articleId}>
                      <A href={`/news/${e().articleId}`}>{t('eventReadReport')}</A>
                    </Show>
                  </section>
                </Show>
                <Show
                  when={mine()}
                  fallback={
                    <Show when={e().canSignUp} fallback={<NoSignup event={e()} />}>
                      <SignupForm event={e()} />
                    </Show>
                  }
                >
                  {(s) => (
                    <p class="notice">
                      {t('alreadySignedUp')} <A href={signupPath(s())}>{t('viewMySignup')}</A>
                    </p>
                  )}
                </Show>
                <Show when={d().sessions.length > 1}>
                  <section class="card">
                    <h2>{t('eventSeries')}</h2>
                    <ol class="link-list">
                      <For each={d().sessions}>
                        {(s) => (
                          <li>
                            <Show
                              when={String(s.id) !== params.id}
                              fallback={
                                <strong>
                                  {formatDateTime(s.startsAt)} · {s.venue} {t('thisSession')}
                                </strong>
                              }
                            >
                              <A href={`/events/${s.id}`}>
                                {formatDateTime(s.startsAt)} · {s.venue}
                              </A>
                            </Show>
                            {s.status !== 'scheduled' ? ` (${tKey('eventStatus', s.status)})` : ''}
                          </li>
                        )}
                      </For>
                    </ol>
                  </section>
                </Show>
                <A href="/events">{t('backToEvents')}</A>
              </>
            );
          }}
        </Show>
      </Suspense>
    </ErrorBoundary>
  );
}
