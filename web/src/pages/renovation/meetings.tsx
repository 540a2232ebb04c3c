import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDate, formatDateTime, formatDay } from '../../lib/format.ts';
import { t, tKey } from '../../lib/prefs.ts';
import type { Meeting, ProjectPage } from './queries.ts';

/** Who sat at the table: the four parties as the minutes name them. */
const partiesLine = (p: Meeting['parties']) =>
  [p.partyBranch, p.contractor, p.supervisor, p.representatives].filter(Boolean).join('、');

/** A meeting's agenda, and after it the decision on each item. */
function Agenda(props: { meeting: Meeting }) {
  return (
    <Show when={props.meeting.agenda.length > 0}>
      <h4>{t('meetingAgenda')}</h4>
      <ol class="agenda">
        <For each={props.meeting.agenda}>
          {(a) => (
            <li>
              <p>
                <span class="badge">{tKey('wishKind', a.wish.kind)}</span>{' '}
                {a.wish.number ? <a href={`#wish-${a.wish.number}`}>{a.wish.description}</a> : t('privateWish')}
              </p>
              <Show when={a.decision}>
                {(d) => (
                  <p class="decision">
                    → <strong>{tKey('decision', d())}</strong>
                    <Show when={a.item}>{(item) => <> · {t('answerItem', { item: item().title })}</>}</Show>
                    <Show when={a.deferredTo}>
                      {(day) => <> · {t('answerDeferred', { date: formatDay(day()) })}</>}
                    </Show>
                    <Show when={a.note}> · {a.note}</Show>
                  </p>
                )}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}

function MeetingCard(props: { meeting: Meeting; upcoming?: boolean }) {
  const m = () => props.meeting;
  return (
    <article class="card meeting">
      <p class="muted">{tKey('meetingType', m().type)}</p>
      <h3>{m().title}</h3>
      <p>
        <time datetime={new Date(m().startsAt).toISOString()}>{formatDateTime(m().startsAt)}</time> · {m().venue}
      </p>
      <Show when={partiesLine(m().parties)}>{(line) => <p>{t('meetingParties', { parties: line() })}</p>}</Show>
      <Agenda meeting={m()} />
      <Show when={m().minutes}>
        <p class="answer-note">{m().minutes}</p>
      </Show>
      <Show when={props.upcoming}>
        <A class="button button-secondary" href={`/events/${m().eventId}`}>
          {m().signupOpen ? t('meetingSignUp') : t('meetingDetails')}
        </A>
      </Show>
    </article>
  );
}

/** The next joint meeting first, then what earlier ones decided. */
export function Meetings(props: { meetings: ProjectPage['meetings']; completed: boolean }) {
  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('jointMeetingsTitle')}</h2>
      <Show when={props.meetings.next || !props.completed}>
        <h3>{t('nextMeeting')}</h3>
        <Show when={props.meetings.next} fallback={<p>{t('noNextMeeting')}</p>}>
          {(m) => <MeetingCard meeting={m()} upcoming />}
        </Show>
      </Show>
      <Show when={props.meetings.past.length > 0}>
        <h3>{t('pastMeetings')}</h3>
        <For each={props.meetings.past}>
          {(m) => (
            <details class="card">
              <summary>
                {formatDate(m.startsAt)} · {m.title}
              </summary>
              <MeetingCard meeting={m} />
            </details>
          )}
        </For>
      </Show>
    </section>
  );
}
