import { type Accessor, Show } from 'solid-js';
import { t } from '../lib/prefs.ts';
import type { UploadStatus } from '../lib/upload-photo.ts';

/** A photo on its way to the server: its own progress (or "retrying") and a large Cancel. */
export function PendingPhoto(props: { preview: string; status: Accessor<UploadStatus>; onCancel: () => void }) {
  const percent = () => {
    const status = props.status();
    return status.state === 'uploading' ? status.percent : undefined;
  };
  const words = () => (percent() === undefined ? t('uploadRetrying') : t('uploadingPercent', { percent: percent()! }));
  return (
    <li class="pending-photo">
      <img src={props.preview} alt={t('photoAlt')} width="96" height="96" />
      <div class="pending-photo-status">
        <Show when={percent() !== undefined} fallback={<p class="upload-retrying">{words()}</p>}>
          <progress max="100" value={percent()} aria-label={words()} />
          <p aria-hidden="true">{words()}</p>
        </Show>
        <button
          type="button"
          class="button button-secondary upload-cancel"
          aria-label={t('cancelUploadLabel')}
          onClick={() => props.onCancel()}
        >
          {t('cancelUpload')}
        </button>
      </div>
    </li>
  );
}
