import { Show } from 'solid-js';
import { eventIcsPath, type PublicEvent } from '../../lib/events.ts';
import { placeName, prefs, t, tKey } from '../../lib/prefs.ts';
import './events.css';

type Seats = Pick<PublicEvent, 'status' | 'capacity' | 'seatsLeft' | 'waitlistCount' | 'signupOpen' | 'canSignUp'>;

/** Seats in words, never by colour alone: left, full with a waitlist, or no sign-up needed. */
export function SeatsLine(props: { event: Seats }) {
  const text = () => {
    const e = props.event;
    if (e.status !== 'scheduled') return '';
    if (!e.signupOpen) return t('eventNoSignup');
    if (e.capacity === null) return t('eventOpenSeats');
    if (e.seatsLeft === 0) return t('eventFull', { waiting: e.waitlistCount });
    return t('eventSeatsLeft', { left: e.seatsLeft ?? 0, capacity: e.capacity });
  };
  return (
    <Show when={text()}>
      <p class={`seats${props.event.seatsLeft === 0 ? ' seats-full' : ''}`}>{text()}</p>
    </Show>
  );
}

/** "1 person", "2 people": seats are people at the door. */
export const seatsText = (n: number) => (n === 1 ? t('seatsCountOne') : t('seatsCount', { n }));

/** Cancelled or held: a word and a symbol; scheduled events need no mark. */
export function EventStatusMark(props: { status: string }) {
  return (
    <Show when={props.status !== 'scheduled'}>
      <span class={`badge event-status-${props.status}`}>
        {props.status === 'cancelled' ? '✖ ' : '✔ '}
        {tKey('eventStatus', props.status)}
      </span>
    </Show>
  );
}

/**
 * Where: the compound and the spot (the Small-Stool Class moves), and how (on site, loudspeaker,
 * online). The venue is free text in Chinese; English readers also get the compound's English name.
 */
export function VenueLine(props: { event: Pick<PublicEvent, 'venue' | 'compound' | 'channel'> }) {
  const compound = () => props.event.compound;
  const named = () => !!compound() && props.event.venue.includes(compound()!.name);
  return (
    <>
      {compound() && !named() ? `${placeName(compound()!)} · ` : ''}
      {props.event.venue}
      {named() && prefs.locale() === 'en' ? ` (${compound()!.nameEn})` : ''}
      <span class="muted"> · {tKey('eventChannel', props.event.channel)}</span>
    </>
  );
}

/**
 * "Add to my calendar": the event's .ics, opened by the browser itself (rel="external" keeps the
 * router from taking it as a page), so iOS shows its calendar sheet and Android downloads it.
 */
export function CalendarLink(props: { eventId: number }) {
  return (
    <a class="button button-secondary" href={eventIcsPath(props.eventId)} rel="external" type="text/calendar">
      {t('addToCalendar')}
    </a>
  );
}
