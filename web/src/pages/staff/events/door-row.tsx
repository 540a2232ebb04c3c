import { createSignal, Show } from 'solid-js';
import { formatTime } from '../../../lib/event-time.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import { seatsText } from '../../events/event-bits.tsx';
import type { Attendee } from './data.ts';

/**
 * One person at the door: name, full phone (to call someone who does not come), seats, and a
 * big check-in button that says what it did in words, not only colour.
 */
export function DoorRow(props: {
  attendee: Attendee;
  onCheckIn: (present: boolean) => Promise<void>;
  onCancel: () => Promise<void>;
}) {
  const a = () => props.attendee;
  const [busy, setBusy] = createSignal(false);
  const [asking, setAsking] = createSignal(false);
  const [waitConfirm, setWaitConfirm] = createSignal(false);
  // A waitlisted person has no seat yet: the organiser confirms before letting them in.
  const checkIn = () =>
    a().status === 'waitlisted' && !waitConfirm() ? setWaitConfirm(true) : run(() => props.onCheckIn(true));
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <li class="card door-row" classList={{ 'is-in': !!a().checkedInAt, 'is-cancelled': a().status === 'cancelled' }}>
      <p class="door-name">
        {a().name} <span class="muted">· {seatsText(a().seats)}</span>
      </p>
      <p class="muted">
        <a href={`tel:${a().phone}`}>{a().phone}</a> · {tKey('signupStatus', a().status)}
        <Show when={a().checkedInAt}> · ✔ {t('checkedInAt', { time: formatTime(a().checkedInAt!) })}</Show>
      </p>
      <Show when={waitConfirm() && !a().checkedInAt}>
        <p class="notice" role="alert">
          {t('checkInWaitingWarn', { name: a().name })}
        </p>
      </Show>
      <Show when={a().status !== 'cancelled'}>
        <div class="actions">
          <Show
            when={a().checkedInAt}
            fallback={
              <button
                type="button"
                class="button check-in"
                disabled={busy()}
                onClick={checkIn}
                aria-label={
                  waitConfirm() ? t('checkInWaitingYes', { name: a().name }) : t('checkInName', { name: a().name })
                }
              >
                {waitConfirm() ? t('checkInWaitingYes', { name: a().name }) : t('checkIn')}
              </button>
            }
          >
            <button
              type="button"
              class="button button-secondary"
              disabled={busy()}
              onClick={() => run(() => props.onCheckIn(false))}
              aria-label={t('undoCheckInName', { name: a().name })}
            >
              {t('undoCheckIn')}
            </button>
          </Show>
          <Show when={!a().checkedInAt}>
            <Show
              when={asking()}
              fallback={
                <button type="button" class="button button-secondary" onClick={() => setAsking(true)}>
                  {t('cancelForResident')}
                </button>
              }
            >
              <button type="button" class="button" disabled={busy()} onClick={() => run(props.onCancel)}>
                {t('cancelForResidentYes', { name: a().name })}
              </button>
            </Show>
          </Show>
        </div>
      </Show>
    </li>
  );
}
