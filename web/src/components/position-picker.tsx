import { createSignal, Show } from 'solid-js';
import { t } from '../lib/prefs.ts';
import { FieldError } from './field.tsx';

/** A map position in WGS-84 degrees, what the phone's geolocation gives and the desk keeps. */
export type Position = { lat: number; long: number };

/** Five decimals are about a metre: enough to find a stairwell, no more precise than that. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * "Attach my position": asks the phone once, shows what it got and lets the resident remove it.
 * Optional: the form works without it (no permission, no GPS, an old phone), and no map tiles
 * are loaded, so it works wherever the page does.
 */
export function PositionPicker(props: { position: Position | null; onChange: (p: Position | null) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<'denied' | 'unavailable' | null>(null);
  const locate = () => {
    if (!('geolocation' in navigator)) return setProblem('unavailable');
    setBusy(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setBusy(false);
        props.onChange({ lat: round(p.coords.latitude), long: round(p.coords.longitude) });
      },
      (err) => {
        setBusy(false);
        setProblem(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <div class="position-picker">
      <Show
        when={props.position}
        fallback={
          <button
            type="button"
            class="button button-secondary"
            onClick={locate}
            disabled={busy()}
            aria-describedby="position-hint"
          >
            {busy() ? t('positionLocating') : t('positionAdd')}
          </button>
        }
      >
        {(p) => (
          <p class="position-attached">
            <span role="status">{t('positionAttached', { lat: p().lat, long: p().long })}</span>{' '}
            <button type="button" class="button button-secondary" onClick={() => props.onChange(null)}>
              {t('positionRemove')}
            </button>
          </p>
        )}
      </Show>
      <p class="hint" id="position-hint">
        {t('positionHint')}
      </p>
      <Show when={problem()}>
        {(why) => (
          <p class="form-error" role="alert">
            {t(why() === 'denied' ? 'positionDenied' : 'positionUnavailable')}
          </p>
        )}
      </Show>
      <FieldError name="lat" />
      <FieldError name="long" />
    </div>
  );
}
