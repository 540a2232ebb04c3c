import { action, redirect, useSubmission } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { keptPhotos, PhotoPicker, type PickedPhoto, photoKeys } from '../../components/photo-picker.tsx';
import { type Position, PositionPicker } from '../../components/position-picker.tsx';
import { PhotosNeedNetwork, SavedOnPhone } from '../../components/saved-on-phone.tsx';
import { api, type Community, json } from '../../lib/api.ts';
import type { Words } from '../../lib/errors.ts';
import { field, formState, untilHandled } from '../../lib/form-action.ts';
import { myTickets, trackingPath } from '../../lib/my-tickets.ts';
import { addressed, keep, offlineOnly } from '../../lib/outbox.ts';
import { type OutboxEntry, summarize } from '../../lib/outbox-rules.ts';
import { messageKey, placeName, prefs, t } from '../../lib/prefs.ts';
import type { Category } from './categories.ts';

export type NewTicket = Parameters<typeof api.tickets.$post>[0]['json'];

type Sent = FormData | URLSearchParams;
type OnFile = (input: NewTicket, form: Sent) => Promise<void>;

/** The ticket form's own words: per field, and for a busy network or none. */
const words: Words = {
  codes: { too_many_writes: 'ticketTooMany', network: 'ticketNetwork' },
  field: (name) => messageKey(`ticketErr_${name}`),
};

/** Files the resident's ticket and opens its tracking page (staff pass `onFile` to file their way). */
const fileTicket = action(
  async (
    community: string,
    photos: () => PickedPhoto[],
    position: () => Position | null,
    idempotencyKey: string,
    onFile: OnFile | undefined,
    form: Sent,
  ) => {
    const input: NewTicket = {
      community,
      category: field(form, 'category'),
      description: field(form, 'description'),
      compound: field(form, 'compound') || undefined,
      location: field(form, 'location'),
      name: field(form, 'name') || undefined,
      phone: field(form, 'phone'),
      consent: (form.get('consent') === 'on') as true,
      photos: photoKeys(photos()),
      photosPublic: form.get('photosPublic') === 'on',
      ...(position() ?? {}),
      notifySms: form.get('notifySms') === 'on',
    };
    // Photos kept on the phone (picked offline) go with the post from the outbox, never without it.
    const kept = keptPhotos(photos());
    // Staff filing for a caller have no outbox: without a network it is the network error.
    if (onFile && kept.length) throw new TypeError('offline');
    if (onFile) return onFile(input, form);
    const url = addressed.tickets.$url().pathname;
    const summary = summarize(input.description);
    if (kept.length) return keep({ kind: 'ticket', url, body: input, idempotencyKey, summary, photos: kept });
    const filed = await untilHandled(async () =>
      json(await api.tickets.$post({ json: input }, { headers: { 'Idempotency-Key': idempotencyKey } })),
    ).catch(offlineOnly);
    // No network: kept on this phone and sent when it returns (components/outbox-notice.tsx).
    if (!filed) return keep({ kind: 'ticket', url, body: input, idempotencyKey, summary });
    myTickets.remember({ ...filed, at: Date.now() });
    throw redirect(trackingPath(filed));
  },
  'ticket-file',
);

/**
 * The resident's report: category in plain words, what and where, a phone for the call-back.
 * Staff filing for a walk-in or a caller pass `onFile` (and their own fields as children).
 */
export function TicketForm(props: {
  community: Community;
  categories: Category[];
  retentionDays: number;
  onFile?: OnFile;
  children?: JSX.Element;
}) {
  const submission = useSubmission(fileTicket);
  const state = formState(submission, words);
  const kept = () => submission.result as OutboxEntry | undefined;
  const [photos, setPhotos] = createSignal<PickedPhoto[]>([]);
  const [position, setPosition] = createSignal<Position | null>(null);
  // One key per filled-in form: pressing Submit again on a bad network never files twice.
  const idempotencyKey = crypto.randomUUID();
  // Home visits are asked for on their own form (the desk page points there), never filed as tickets.
  const categories = () => props.categories.filter((c) => !c.homeVisits);

  return (
    <Show when={!kept()} fallback={<SavedOnPhone entry={kept()!} />}>
      <Form
        state={state}
        class="stack card"
        action={fileTicket.with(props.community.slug, photos, position, idempotencyKey, props.onFile)}
        method="post"
      >
        <h2>{t('fileTitle')}</h2>
        {props.children}
        <fieldset class="choices">
          <legend>{t('categoryLabel')}</legend>
          <For each={categories()}>
            {(c, i) => (
              <label class="choice">
                {/* "Not sure" is the safe default: staff settle the owner on the spot. */}
                <input
                  type="radio"
                  name="category"
                  value={c.code}
                  checked={
                    c.code === 'not-sure' ||
                    (i() === categories().length - 1 && !categories().some((x) => x.code === 'not-sure'))
                  }
                />
                <span>
                  <strong>{placeName(c)}</strong>
                  <span class="hint">{prefs.locale() === 'en' ? c.examplesEn : c.examples}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <Field
          name="description"
          label={t('descriptionLabel')}
          hint={t('descriptionHint')}
          multiline
          required
          maxLength={2000}
        />
        <Show when={props.community.compounds.length > 0}>
          <label for="field-compound">{t('compoundLabel')}</label>
          <select id="field-compound" name="compound">
            <option value="">{t('noCompound')}</option>
            <For each={props.community.compounds}>{(c) => <option value={c.slug}>{placeName(c)}</option>}</For>
          </select>
        </Show>
        <Field name="location" label={t('locationLabel')} hint={t('locationHint')} required maxLength={200} />
        {/* Staff filing at the desk or for a caller would attach the office's position, not the problem's. */}
        <Show when={!props.onFile}>
          <PositionPicker position={position()} onChange={setPosition} />
        </Show>
        <Field name="name" label={t('nameLabel')} autocomplete="name" maxLength={40} />
        <Field name="phone" label={t('phoneLabel')} type="tel" inputMode="tel" autocomplete="tel" required />
        <PhotoPicker keepOffline photos={photos()} onChange={setPhotos} />
        <PhotosNeedNetwork />
        <Show when={photos().length > 0}>
          <label class="check">
            <input type="checkbox" name="photosPublic" /> {t('photosPublicLabel')}
          </label>
        </Show>
        <label class="check">
          <input type="checkbox" name="notifySms" /> {t('notifySmsLabel')}
        </label>
        <label class="check">
          <input type="checkbox" name="consent" required aria-describedby="field-consent-error" />{' '}
          {t('consentLabel', { days: props.retentionDays })}
        </label>
        <FieldError name="consent" />
        <SubmitRow busy={state.busy()} label={t('submitTicket')} />
      </Form>
    </Show>
  );
}
