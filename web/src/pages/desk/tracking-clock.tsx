import { Show } from 'solid-js';
import { StatusBadge, Timeline } from '../../components/timeline.tsx';
import { formatDay } from '../../lib/format.ts';
import { t, tKey } from '../../lib/prefs.ts';
import type { Tracking } from './queries.ts';

const monthDay = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

/** Where the resident's clock stands: paused (why, since when, the public note) or the time left. */
export function ClockState(props: { ticket: Tracking; locale: string }) {
  const since = (ms: number) =>
    props.locale === 'en' ? formatDay(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)) : monthDay(ms);
  const left = () => {
    const tk = props.ticket;
    if (tk.workingDaysLeft !== null)
      return tk.workingDaysLeft < 0
        ? t('overdueWorkingDays', { days: -tk.workingDaysLeft })
        : t('workingDaysLeft', { n: tk.workingDaysLeft });
    if (tk.hoursLeft !== null)
      return tk.hoursLeft < 0 ? t('hoursOver', { hours: -tk.hoursLeft }) : t('hoursLeft', { hours: tk.hoursLeft });
    return null;
  };
  return (
    <>
      <Show when={props.ticket.paused}>
        {(p) => (
          <section class="card notice" aria-labelledby="paused-title">
            <p id="paused-title">
              <strong>{t('pausedSince', { reason: tKey('pause', p().reason), since: since(p().since) })}</strong>
            </p>
            <p>{p().note}</p>
            <p class="hint">{t('pausedHint')}</p>
          </section>
        )}
      </Show>
      <Show when={left()}>
        {(words) => (
          <p class="clock-left">
            <strong>{words()}</strong>
          </p>
        )}
      </Show>
    </>
  );
}

/** For a duplicate: the ticket it was merged into, its status and public timeline. */
export function Survivor(props: { ticket: Tracking }) {
  return (
    <Show when={props.ticket.survivor}>
      {(s) => (
        <section class="card" aria-labelledby="survivor-title">
          <h2 id="survivor-title">{t('survivorTitle', { number: s().number })}</h2>
          <StatusBadge status={s().status} />
          <p class="hint">{t('survivorHint')}</p>
          <Timeline entries={s().timeline} />
        </section>
      )}
    </Show>
  );
}
