import { createSignal, For, Show } from 'solid-js';
import { ApiFailure, api, json } from '../lib/api.ts';
import { t } from '../lib/prefs.ts';
import { shrinkPhoto } from '../lib/shrink-photo.ts';
import { useFormErrors } from './form.tsx';

export type PickedPhoto = { key: string; preview: string };

/**
 * Up to four photos (or `max`), shrunk on the phone and uploaded as soon as they are picked. The
 * form's error for `name` (default `photos`) shows here.
 */
export function PhotoPicker(props: {
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  name?: string;
  max?: number;
  label?: string;
}) {
  const form = useFormErrors();
  const name = props.name ?? 'photos';
  form.claim(name);
  const error = () => form.error(name);
  const max = () => props.max ?? 4;
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal('');

  const add = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    setFailure('');
    const added: PickedPhoto[] = [];
    try {
      for (const file of [...files].slice(0, max() - props.photos.length)) {
        const blob = await shrinkPhoto(file);
        const res = await api.photos.$post(undefined, {
          init: { body: blob, headers: { 'Content-Type': blob.type || 'application/octet-stream' } },
        });
        const { key } = await json(res);
        added.push({ key, preview: URL.createObjectURL(blob) });
      }
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : '';
      setFailure(
        code === 'too_large' || code === 'payload_too_large'
          ? t('photoTooLarge')
          : code === 'unsupported_type' || code === 'malformed'
            ? t('photoWrongType')
            : t('photoFailed'),
      );
    } finally {
      props.onChange([...props.photos, ...added]);
      setBusy(false);
    }
  };

  return (
    <fieldset class="photos">
      <legend>{props.label ?? t('photosLabel')}</legend>
      <ul class="thumbs">
        <For each={props.photos}>
          {(photo) => (
            <li>
              <img src={photo.preview} alt={t('photoAlt')} width="96" height="96" />
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
      </ul>
      <Show when={props.photos.length < max()}>
        <label class="button button-secondary file-button">
          {busy() ? t('uploading') : t('addPhotos')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple={max() > 1}
            disabled={busy()}
            onChange={(e) => add(e.currentTarget.files)}
          />
        </label>
      </Show>
      <Show when={failure() || error()}>
        <p class="form-error" role="alert">
          {failure() || error()}
        </p>
      </Show>
    </fieldset>
  );
}
