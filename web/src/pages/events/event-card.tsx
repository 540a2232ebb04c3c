import { Show } from 'solid-js';
import { formatTime, formatTimeRange } from '../../lib/event-time.ts';
import type { PublicEvent } from '../../lib/events.ts';
import { placeName, t, tKey } from '../../lib/prefs.ts';
import { EventStatusMark, SeatsLine, VenueLine } from './event-bits.tsx';

/**
 * One event in a list: the whole card's title is the link, large enough for a thumb. A list
 * wider than one community (`wide`) names every organiser, not only a sub-district.
 */
export function EventCard(props: { event: PublicEvent; timeOnly?: boolean; wide?: boolean }) {
  const e = () => props.event;
  return (
    <li class="card event-card" classList={{ 'is-cancelled': e().status === 'cancelled' }}>
      {/* A plain link: the router still opens it in place, without a router link's upkeep per card. */}
      <a href={`/events/${e().id}`} class="event-link">
        <span class="event-time">
          {props.timeOnly
            ? `${formatTime(e().startsAt)} – ${formatTime(e().endsAt)}`
            : formatTimeRange(e().startsAt, e().endsAt)}
        </span>
        <span class="event-title">
          {e().title}
          <Show when={e().series}>
            {(s) => (
              <span class="muted"> · {t('eventSession', { n: s().sessionNumber ?? 1, of: s().sessionCount })}</span>
            )}
          </Show>
        </span>
      </a>
      <EventStatusMark status={e().status} />
      <p class="muted">
        {tKey('eventKind', e().kind)}
        <Show when={e().speaker}> · {t('eventSpeakerShort', { name: e().speaker! })}</Show>
        {props.wide || e().organiser.level === 'subdistrict' ? ` · ${placeName(e().organiser)}` : ''}
      </p>
      <p class="event-venue">
        <VenueLine event={e()} />
      </p>
      <Show when={e().description && e().status !== 'cancelled'}>
        <p class="event-topic">{e().description}</p>
      </Show>
      <Show when={e().status === 'cancelled' && e().cancelReason}>
        <p>{e().cancelReason}</p>
      </Show>
      <Show when={e().status === 'completed' && e().attendance !== null}>
        <p>{t('eventAttendance', { n: e().attendance! })}</p>
      </Show>
      <SeatsLine event={e()} />
    </li>
  );
}
