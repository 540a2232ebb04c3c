import { createAsync } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { Abilities } from '../../lib/api.ts';
import { shanghaiDay } from '../../lib/dates.ts';
import type { StaffKey } from '../../lib/messages-staff.ts';
import { t } from '../../lib/prefs.ts';
import { getMe } from '../../lib/staff-session.ts';

export type ExportAsk = { format: 'csv' | 'json'; from: string; to: string };
const DAY = 86_400_000;
const span = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY + 1;

/** What is wrong with a period before it is asked for, as the server would say it (from ≤ to, ≤ 366 days). */
export function periodProblem(from: string, to: string): StaffKey | null {
  if (!from || !to) return 'exportNeedDates';
  if (span(from, to) < 1) return 'exportBackwards';
  return span(from, to) > 366 ? 'exportTooLong' : null;
}

/**
 * 导出: a period and CSV or JSON, downloaded through a plain link (the staff session's cookie goes
 * with it, and the browser saves the file under the name the server gives), shown only when the
 * policy lets the member export this list.
 */
export function ExportControl(props: { ability: keyof Abilities; title: StaffKey; href: (ask: ExportAsk) => string }) {
  const me = createAsync(() => getMe());
  const [from, setFrom] = createSignal(shanghaiDay(Date.now() - 29 * DAY));
  const [to, setTo] = createSignal(shanghaiDay(Date.now()));
  const [format, setFormat] = createSignal<ExportAsk['format']>('csv');
  const problem = () => periodProblem(from(), to());
  return (
    <Show when={me()?.abilities?.[props.ability]}>
      <details class="export-control">
        <summary>{t(props.title)}</summary>
        <p class="muted">{t('exportHint')}</p>
        <div class="date-pair">
          <label>
            {t('periodFrom')}
            <input type="date" value={from()} max={to()} onChange={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            {t('periodTo')}
            <input type="date" value={to()} min={from()} onChange={(e) => setTo(e.currentTarget.value)} />
          </label>
        </div>
        <fieldset class="export-format">
          <legend>{t('exportFormat')}</legend>
          <label class="check">
            <input type="radio" name={props.title} checked={format() === 'csv'} onChange={() => setFormat('csv')} />{' '}
            {t('exportCsv')}
          </label>
          <label class="check">
            <input type="radio" name={props.title} checked={format() === 'json'} onChange={() => setFormat('json')} />{' '}
            {t('exportJson')}
          </label>
        </fieldset>
        <Show
          when={!problem()}
          fallback={
            <p class="form-error" role="alert">
              {t(problem()!)}
            </p>
          }
        >
          <a class="button" href={props.href({ format: format(), from: from(), to: to() })} download="">
            {t('exportDownload')}
          </a>
        </Show>
      </details>
    </Show>
  );
}
