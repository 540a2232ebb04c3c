import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { Field, SubmitRow } from '../../components/field.tsx';
import { PhotoPicker, type PickedPhoto } from '../../components/photo-picker.tsx';
import { api, ApiFailure, json, type Community } from '../../lib/api.ts';
import { myTickets, trackingPath } from '../../lib/my-tickets.ts';
import { placeName, prefs, t, tKey } from '../../lib/prefs.ts';
import type { Category } from './categories.ts';

export type NewTicket = Parameters<typeof api.tickets.$post>[0]['json'];

/** The server's answer in the resident's language: a plain sentence per field at fault. */
function explain(err: unknown): { fields: Record<string, string>; message: string } {
  if (!(err instanceof ApiFailure)) return { fields: {}, message: t('ticketNetwork') };
  if (err.code === 'too_many_writes') return { fields: {}, message: t('ticketTooMany') };
  // "photos.2" is still about the photos.
  const fields = Object.fromEntries(Object.keys(err.fields).map((path) => path.split('.')[0]!).map((name) => [name, tKey('ticketErr', name)]));
  return { fields, message: Object.keys(fields).length ? t('fixFields') : err.message };
}

/**
 * The resident's report: category in plain words, what and where, a phone for the call-back.
 * Staff filing for a walk-in or a caller pass `onFile` (and their own fields as children).
 */
export function TicketForm(props: {
  community: Community;
  categories: Category[];
  retentionDays: number;
  onFile?: (input: NewTicket, form: FormData) => Promise<void>;
  children?: JSX.Element;
}) {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [photos, setPhotos] = createSignal<PickedPhoto[]>([]);
  // One key per filled-in form: pressing Submit again on a bad network never files twice.
  const idempotencyKey = crypto.randomUUID();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    setErrors({});
    setMessage('');
    try {
      const input: NewTicket = {
        community: props.community.slug,
        category: text('category'),
        description: text('description'),
        compound: text('compound') || undefined,
        location: text('location'),
        name: text('name') || undefined,
        phone: text('phone'),
        consent: (form.get('consent') === 'on') as true,
        photos: photos().map((p) => p.key),
        photosPublic: form.get('photosPublic') === 'on',
      };
      if (props.onFile) return await props.onFile(input, form);
      const filed = await json(await api.tickets.$post({ json: input }, { headers: { 'Idempotency-Key': idempotencyKey } }));
      myTickets.remember({ ...filed, at: Date.now() });
      navigate(trackingPath(filed));
    } catch (err) {
      const failure = explain(err);
      setErrors(failure.fields);
      setMessage(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack card" onSubmit={submit} novalidate>
      <h2>{t('fileTitle')}</h2>
      {props.children}
      <fieldset class="choices">
        <legend>{t('categoryLabel')}</legend>
        <For each={props.categories}>
          {(c, i) => (
            <label class="choice">
              {/* "Not sure" is the safe default: staff settle the owner on the spot. */}
              <input type="radio" name="category" value={c.code} checked={c.code === 'not-sure' || (i() === props.categories.length - 1 && !props.categories.some((x) => x.code === 'not-sure'))} />
              <span>
                <strong>{placeName(c)}</strong>
                <span class="hint">{prefs.locale() === 'en' ? c.examplesEn : c.examples}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Field name="description" label={t('descriptionLabel')} hint={t('descriptionHint')} error={errors().description} multiline required maxLength={2000} />
      <Show when={props.community.compounds.length > 0}>
        <label for="field-compound">{t('compoundLabel')}</label>
        <select id="field-compound" name="compound">
          <option value="">{t('noCompound')}</option>
          <For each={props.community.compounds}>{(c) => <option value={c.slug}>{placeName(c)}</option>}</For>
        </select>
      </Show>
      <Field name="location" label={t('locationLabel')} hint={t('locationHint')} error={errors().location} required maxLength={200} />
      <Field name="name" label={t('nameLabel')} error={errors().name} autocomplete="name" maxLength={40} />
      <Field name="phone" label={t('phoneLabel')} error={errors().phone} type="tel" inputMode="tel" autocomplete="tel" required />
      <PhotoPicker photos={photos()} onChange={setPhotos} error={errors().photos} />
      <Show when={photos().length > 0}>
        <label class="check">
          <input type="checkbox" name="photosPublic" /> {t('photosPublicLabel')}
        </label>
      </Show>
      <label class="check">
        <input type="checkbox" name="consent" required aria-invalid={!!errors().consent} /> {t('consentLabel', { days: props.retentionDays })}
      </label>
      <Show when={errors().consent}>
        <p class="form-error">{errors().consent}</p>
      </Show>
      <SubmitRow message={message()} busy={busy()} label={t('submitTicket')} />
    </form>
  );
}
