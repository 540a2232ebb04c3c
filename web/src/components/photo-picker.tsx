import { type Accessor, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { ApiFailure } from '../lib/api.ts';
import { t } from '../lib/prefs.ts';
import { shrinkPhoto } from '../lib/shrink-photo.ts';
import { type UploadStatus, uploadPhoto } from '../lib/upload-photo.ts';
import { useFormErrors } from './form.tsx';
import { PendingPhoto } from './pending-photo.tsx';

/** An uploaded photo (its key), or one kept on the phone (its file) because the form was sent offline. */
export type PickedPhoto =
  | { key: string; blob?: undefined; preview: string }
  | { key?: undefined; blob: Blob; preview: string };
type Pending = {
  preview: string;
  status: Accessor<UploadStatus>;
  cancel: () => void;
  controller: AbortController;
  /** The shrunk file, once it is ready to upload. */
  blob?: Blob;
};

/** The keys of the uploaded photos, for the post's body. */
export const photoKeys = (photos: PickedPhoto[]) => photos.flatMap((p) => (p.key ? [p.key] : []));
/** The files kept on the phone, for the outbox (lib/outbox.ts uploads them before the post). */
export const keptPhotos = (photos: PickedPhoto[]) => photos.flatMap((p) => (p.blob ? [p.blob] : []));

const failureWords = (err: unknown) => {
  const code = err instanceof ApiFailure ? err.code : '';
  if (code === 'too_large' || code === 'payload_too_large') return t('photoTooLarge');
  if (code === 'unsupported_type' || code === 'malformed') return t('photoWrongType');
  return code === 'too_many_pixels' ? t('photoTooManyPixels') : t('photoFailed');
};

/** What a screen reader hears, politely: each photo's progress in quarters, or that it retries. */
const announced = (pending: Pending[]) =>
  pending
    .map(({ status }) => {
      const s = status();
      return s.state === 'retrying'
        ? t('uploadRetrying')
        : t('uploadingPercent', { percent: Math.floor(s.percent / 25) * 25 });
    })
    .join(' ');

/**
 * Up to four photos (or `max`), shrunk on the phone and uploaded as soon as they are picked, each
 * with its progress and a Cancel, retried by itself after a dropped line. The form around it is
 * not sent while a photo is still on its way: it is sent by itself once they are all up. The
 * form's error for `name` (default `photos`) shows here.
 */
export function PhotoPicker(props: {
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  name?: string;
  max?: number;
  label?: string;
  /** Sent offline, the photos still uploading stay on the phone with the post (forms with an outbox). */
  keepOffline?: boolean;
}) {
  const form = useFormErrors();
  const name = props.name ?? 'photos';
  form.claim(name);
  const error = () => form.error(name);
  const max = () => props.max ?? 4;
  const [pending, setPending] = createSignal<Pending[]>([]);
  const [failure, setFailure] = createSignal('');
  // A send pressed while photos were on their way: it goes once the last one is up.
  const [waiting, setWaiting] = createSignal(false);
  let fieldset!: HTMLFieldSetElement;

  const settle = (item: Pending, photo?: PickedPhoto) => {
    if (!pending().includes(item)) return;
    setPending((list) => list.filter((p) => p !== item));
    if (photo) props.onChange([...props.photos, photo]);
    else URL.revokeObjectURL(item.preview);
    if (!photo) setWaiting(false);
    else if (waiting() && !pending().length) {
      setWaiting(false);
      fieldset.closest('form')?.requestSubmit();
    }
  };

  const upload = async (file: File) => {
    const controller = new AbortController();
    const [status, setStatus] = createSignal<UploadStatus>({ state: 'uploading', percent: 0 });
    const item: Pending = {
      preview: URL.createObjectURL(file),
      status,
      cancel: () => {
        controller.abort();
        settle(item);
      },
      controller,
    };
    setPending((list) => [...list, item]);
    try {
      const blob = await shrinkPhoto(file);
      item.blob = blob;
      const key = await uploadPhoto(blob, setStatus, controller.signal);
      URL.revokeObjectURL(item.preview);
      settle(item, { key, preview: URL.createObjectURL(blob) });
    } catch (err) {
      if (!controller.signal.aborted) setFailure(failureWords(err));
      settle(item);
    }
  };

  /** Stops the uploads waiting for a network and hands their files to the form, thumbnails and all. */
  const keepOnPhone = () => {
    const items = pending();
    setPending([]);
    props.onChange([...props.photos, ...items.map((i) => ({ blob: i.blob!, preview: i.preview }))]);
    for (const item of items) item.controller.abort();
  };

  const add = (files: FileList | null) => {
    if (!files) return;
    setFailure('');
    for (const file of [...files].slice(0, max() - props.photos.length - pending().length)) void upload(file);
  };

  onMount(() => {
    const owner = fieldset.closest('form');
    // Runs before the router's own listener on the document, so preventing here keeps it from sending.
    const hold = (e: SubmitEvent) => {
      if (!pending().length || e.defaultPrevented) return;
      // Offline, the photos stay on the phone with the post and go up with it when the network returns.
      if (props.keepOffline && !navigator.onLine && pending().every((p) => p.blob)) return keepOnPhone();
      e.preventDefault();
      setWaiting(true);
    };
    owner?.addEventListener('submit', hold);
    onCleanup(() => {
      owner?.removeEventListener('submit', hold);
      for (const item of pending()) item.cancel();
    });
  });

  return (
    <fieldset class="photos" ref={fieldset}>
      <legend>{props.label ?? t('photosLabel')}</legend>
      <ul class="thumbs">
        <For each={props.photos}>
          {(photo) => (
            <li>
              <img src={photo.preview} alt={t('photoAlt')} width="96" height="96" />
              <Show when={photo.blob}>
                <span class="badge">{t('photoKeptOnPhone')}</span>
              </Show>
              <button
                type="button"
                class="chip"
                aria-label={t('removePhoto')}
                onClick={() => props.onChange(props.photos.filter((p) => p !== photo))}
              >
                ×
              </button>
            </li>
          )}
        </For>
        <For each={pending()}>
          {(item) => <PendingPhoto preview={item.preview} status={item.status} onCancel={item.cancel} />}
        </For>
      </ul>
      <p class="visually-hidden" aria-live="polite">
        {announced(pending())}
      </p>
      <Show when={props.photos.length + pending().length < max()}>
        <label class="button button-secondary file-button">
          {t('addPhotos')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple={max() > 1}
            onChange={(e) => {
              add(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </Show>
      <Show when={waiting() && pending().length}>
        <p class="hint" role="status">
          {t('photosStillUploading')}
        </p>
      </Show>
      <Show when={failure() || error()}>
        <p class="form-error" role="alert">
          {failure() || error()}
        </p>
      </Show>
    </fieldset>
  );
}
