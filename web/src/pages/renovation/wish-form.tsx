import { action, redirect, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Field, FieldError, SubmitRow } from '../../components/field.tsx';
import { Form } from '../../components/form.tsx';
import { keptPhotos, PhotoPicker, type PickedPhoto, photoKeys } from '../../components/photo-picker.tsx';
import { PhotosNeedNetwork, SavedOnPhone } from '../../components/saved-on-phone.tsx';
import { api, json } from '../../lib/api.ts';
import type { Words } from '../../lib/errors.ts';
import { field, formState, untilHandled } from '../../lib/form-action.ts';
import { myWishes } from '../../lib/my-tickets.ts';
import { addressed, keep, offlineOnly } from '../../lib/outbox.ts';
import { type OutboxEntry, summarize } from '../../lib/outbox-rules.ts';
import { messageKey, t, tKey } from '../../lib/prefs.ts';
import { type ProjectPage, wishPath } from './queries.ts';

type NewWish = Parameters<(typeof api.renovation.projects)[':id']['wishes']['$post']>[0]['json'];

/** The wish form's own words, per field, and for a phone that sent too many today. */
const words: Words = {
  codes: { too_many_writes: 'wishTooMany' },
  field: (name) => messageKey(`wishErr_${name}`),
};

/** Files the wish and opens its private tracking page. */
const fileWish = action(
  async (project: number, photos: () => PickedPhoto[], idempotencyKey: string, form: FormData | URLSearchParams) => {
    const item = field(form, 'item');
    const input: NewWish = {
      kind: field(form, 'kind') as NewWish['kind'],
      description: field(form, 'description'),
      item: item ? Number(item) : undefined,
      location: field(form, 'location') || undefined,
      name: field(form, 'name') || undefined,
      phone: field(form, 'phone'),
      consent: (form.get('consent') === 'on') as true,
      photos: photoKeys(photos()),
      photosPublic: form.get('photosPublic') === 'on',
      notifySms: form.get('notifySms') === 'on',
    };
    const param = { id: String(project) };
    const url = addressed.renovation.projects[':id'].wishes.$url({ param }).pathname;
    const summary = summarize(input.description);
    // Photos kept on the phone (picked offline) go with the post from the outbox, never without it.
    const kept = keptPhotos(photos());
    if (kept.length) return keep({ kind: 'wish', url, body: input, idempotencyKey, summary, photos: kept });
    const filed = await untilHandled(async () =>
      json(
        await api.renovation.projects[':id'].wishes.$post(
          { param, json: input },
          { headers: { 'Idempotency-Key': idempotencyKey } },
        ),
      ),
    ).catch(offlineOnly);
    // No network: kept on this phone and sent when it returns (components/outbox-notice.tsx).
    if (!filed) return keep({ kind: 'wish', url, body: input, idempotencyKey, summary });
    myWishes.remember({ ...filed, at: Date.now() });
    throw redirect(wishPath(filed));
  },
  'renovation-wish-file',
);

/** A resident's wish (小心愿) or objection (异议) on the project, optionally about one plan item. */
export function WishForm(props: { project: ProjectPage; retentionDays: number }) {
  const submission = useSubmission(fileWish);
  const state = formState(submission, words);
  const kept = () => submission.result as OutboxEntry | undefined;
  const [photos, setPhotos] = createSignal<PickedPhoto[]>([]);
  // One key per filled-in form: pressing Submit again on a bad network never files twice.
  const idempotencyKey = crypto.randomUUID();
  const open = () => props.project.items.filter((i) => i.status !== 'dropped');
  return (
    <Show when={!kept()} fallback={<SavedOnPhone entry={kept()!} />}>
      <Form
        state={state}
        class="stack card"
        id="wish-form"
        action={fileWish.with(props.project.id, photos, idempotencyKey)}
        method="post"
        aria-labelledby="wish-form-title"
      >
        <h2 id="wish-form-title">{t('wishFormTitle')}</h2>
        <fieldset class="choices">
          <legend>{t('wishKindLabel')}</legend>
          <For each={['wish', 'objection'] as const}>
            {(kind) => (
              <label class="choice">
                <input type="radio" name="kind" value={kind} checked={kind === 'wish'} />
                <span>
                  <strong>{tKey('wishKind', kind)}</strong>
                  <span class="hint">{t(`wishKindHint_${kind}`)}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <FieldError name="kind" />
        <Show when={open().length > 0}>
          <label for="field-item">{t('wishItemLabel')}</label>
          <select id="field-item" name="item">
            <option value="">{t('wishItemNone')}</option>
            <For each={open()}>{(i) => <option value={i.id}>{i.title}</option>}</For>
          </select>
          <FieldError name="item" />
        </Show>
        <Field
          name="description"
          label={t('wishDescriptionLabel')}
          hint={t('wishDescriptionHint')}
          multiline
          required
          maxLength={2000}
        />
        <Field name="location" label={t('wishLocationLabel')} maxLength={200} />
        <Field name="name" label={t('nameLabel')} autocomplete="name" maxLength={40} />
        <Field name="phone" label={t('phoneLabel')} type="tel" inputMode="tel" autocomplete="tel" required />
        <PhotoPicker keepOffline photos={photos()} onChange={setPhotos} />
        <PhotosNeedNetwork />
        <Show when={photos().length > 0}>
          <label class="check">
            <input type="checkbox" name="photosPublic" /> {t('wishPhotosPublic')}
          </label>
        </Show>
        <label class="check">
          <input type="checkbox" name="notifySms" /> {t('notifySmsWishLabel')}
        </label>
        <label class="check">
          <input type="checkbox" name="consent" required aria-describedby="field-consent-error" />{' '}
          {t('wishConsent', { days: props.retentionDays })}
        </label>
        <FieldError name="consent" />
        <SubmitRow busy={state.busy()} label={t('submitWish')} />
      </Form>
    </Show>
  );
}
