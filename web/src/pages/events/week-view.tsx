import { For } from 'solid-js';
import { daysFromToday, formatDayHeading, groupByWeek } from '../../lib/event-time.ts';
import type { PublicEvent } from '../../lib/events.ts';
import { t } from '../../lib/prefs.ts';
import { EventCard } from './event-card.tsx';

/** "Today · 26 November, Thursday": residents think in days, not dates. */
function heading(key: string, first: number) {
  if (key === 'later') return t('eventsLater');
  const day = daysFromToday(first);
  const name = day === 0 ? t('today') : day === 1 ? t('tomorrow') : day === 2 ? t('dayAfterTomorrow') : '';
  return name ? `${name} · ${formatDayHeading(first)}` : formatDayHeading(first);
}

/** The coming seven days, one heading per day that has events, then everything later. */
export function WeekView(props: { events: PublicEvent[]; wide?: boolean }) {
  return (
    <For each={groupByWeek(props.events)}>
      {(group) => (
        <section class="event-day" aria-labelledby={`day-${group.key}`}>
          <h2 id={`day-${group.key}`} class="day-heading">
            {heading(group.key, group.first)}
          </h2>
          <ul class="plain-list">
            <For each={group.items}>
              {(event) => <EventCard event={event} timeOnly={group.key !== 'later'} wide={props.wide} />}
            </For>
          </ul>
        </section>
      )}
    </For>
  );
}
