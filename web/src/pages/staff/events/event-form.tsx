import type { Action } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import type { PlaceTree } from '../../../lib/api.ts';
import type { FormState } from '../../../lib/form-action.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import '../../events/events.css';
import { localParts, type StaffEvent, shanghaiInstant } from './data.ts';
import { compoundsOf, type OrganiserKey } from './organiser-select.tsx';

export type EventFields = {
  title: string;
  kind: 'lecture' | 'party_day' | 'joint_meeting' | 'outreach' | 'other';
  speaker: string | null;
  description: string;
  channel: 'onsite' | 'loudspeaker' | 'online';
  joinUrl: string | null;
  venue: string;
  compound: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  signupOpen: boolean;
};

const kinds = ['lecture', 'party_day', 'joint_meeting', 'outreach', 'other'] as const;
const channels = ['onsite', 'loudspeaker', 'online'] as const;

/** Reads the submitted form into the API's fields; times are typed in Zhengzhou time. */
export function readEvent(f: FormData | URLSearchParams): EventFields {
  const text = (name: string) => String(f.get(name) ?? '').trim();
  const date = text('date');
  return {
    title: text('title'),
    kind: text('kind') as EventFields['kind'],
    speaker: text('speaker') || null,
    description: text('description'),
    channel: (text('channel') || 'onsite') as EventFields['channel'],
    joinUrl: text('joinUrl') || null,
    venue: text('venue'),
    compound: text('compound') || null,
    startsAt: date && text('start') ? shanghaiInstant(date, text('start')) : '',
    endsAt: date && text('end') ? shanghaiInstant(date, text('end')) : '',
    capacity: text('capacity') ? Number(text('capacity')) : null,
    signupOpen: f.get('signupOpen') === 'on',
  };
}

/** The server checks instants; the form asks for a day and two times. */
const aliases = { startsAt: 'date', endsAt: 'end' };

/**
 * The fields of an event, for creating and for editing one session. `before` holds what only
 * creating asks (the organiser), `after` the series option; the parent sends.
 */
export function EventForm(props: {
  tree: PlaceTree;
  organiser: OrganiserKey;
  event?: StaffEvent;
  state: FormState;
  submitLabel: string;
  /** The parent's action, bound to what it needs besides the form. */
  action: Action<[FormData | URLSearchParams], unknown>;
  before?: JSX.Element;
  after?: JSX.Element;
}) {
  const e = props.event;
  const start = e ? localParts(e.startsAt) : { date: '', time: '09:30' };
  const [channel, setChannel] = createSignal<string>(e?.channel ?? 'onsite');
  return (
    <Form state={props.state} class="stack" action={props.action} method="post" aliases={aliases}>
      <p class="hint">{t('publicFormHint')}</p>
      {props.before}
      <Field name="title" label={t('eventTitleLabel')} value={e?.title ?? ''} required maxLength={100} />
      <label for="ev-kind">{t('eventKindLabel')}</label>
      <select id="ev-kind" name="kind" value={e?.kind ?? 'lecture'}>
        <For each={kinds}>{(k) => <option value={k}>{tKey('eventKind', k)}</option>}</For>
      </select>
      <Field name="speaker" label={t('eventSpeakerOptional')} value={e?.speaker ?? ''} maxLength={60} />
      <Field name="description" label={t('eventTopicLabel')} value={e?.description ?? ''} multiline maxLength={4000} />
      <fieldset class="choices">
        <legend>{t('eventChannelLabel')}</legend>
        <For each={channels}>
          {(c) => (
            <label class="choice">
              <input type="radio" name="channel" value={c} checked={channel() === c} onChange={() => setChannel(c)} />{' '}
              {tKey('eventChannel', c)}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={channel() === 'online'}>
        <Field name="joinUrl" label={t('eventJoinUrlLabel')} value={e?.joinUrl ?? ''} type="url" inputMode="url" />
      </Show>
      <Field
        name="venue"
        label={t('eventVenueLabel')}
        hint={t('eventVenueHint')}
        value={e?.venue ?? ''}
        required
        maxLength={200}
      />
      <label for="ev-compound">{t('compoundLabel')}</label>
      <select id="ev-compound" name="compound" value={e?.compound?.slug ?? ''}>
        <option value="">{t('noCompound')}</option>
        <For each={compoundsOf(props.tree, props.organiser)}>
          {(c) => <option value={c.slug}>{placeName(c)}</option>}
        </For>
      </select>
      <Field name="date" label={t('eventDateLabel')} type="date" value={start.date} required />
      <div class="time-pair">
        <div class="stack">
          <Field name="start" label={t('eventStartLabel')} type="time" value={start.time} required />
        </div>
        <div class="stack">
          <Field
            name="end"
            label={t('eventEndLabel')}
            type="time"
            value={e ? localParts(e.endsAt).time : '10:30'}
            required
          />
        </div>
      </div>
      <Field
        name="capacity"
        label={t('eventCapacityLabel')}
        hint={t('eventCapacityHint')}
        type="number"
        inputMode="numeric"
        min="1"
        value={e?.capacity ?? ''}
      />
      <label class="check">
        <input type="checkbox" name="signupOpen" checked={e?.signupOpen ?? true} /> {t('eventSignupOpenLabel')}
      </label>
      {props.after}
      <SubmitRow busy={props.state.busy()} label={props.submitLabel} />
      <p role="status">{props.state.done() ? t('sent') : ''}</p>
    </Form>
  );
}
