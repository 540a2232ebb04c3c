import { For, Show } from 'solid-js';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { t, tKey } from '../../../lib/prefs.ts';
import type { DeskTicket } from './ticket.tsx';

type Ticket = DeskTicket['ticket'];

/** The ticket's clocks for staff: the pause, the first response, the follow-up call and requests for more time. */
export function ClockFacts(props: { ticket: Ticket }) {
  const tk = () => props.ticket;
  const amount = (n: number) =>
    tk().clock === 'hours' ? t('extensionAmountHours', { amount: n }) : t('extensionAmount', { amount: n });
  return (
    <>
      <Show when={tk().pause}>
        {(p) => (
          <section class="card notice" aria-live="polite">
            <p>
              <strong>{t('pausedSince', { reason: tKey('pause', p().reason), since: formatDate(p().since) })}</strong>
            </p>
            <p>{p().note}</p>
          </section>
        )}
      </Show>
      <dl class="facts">
        <dt>{t('firstResponseLabel')}</dt>
        <dd>
          {tk().firstResponseAt
            ? t('firstResponseDone', { at: formatDateTime(tk().firstResponseAt!) })
            : tk().firstResponseDueAt
              ? t('firstResponseDue', { due: formatDateTime(tk().firstResponseDueAt!) })
              : '—'}
        </dd>
        <Show when={tk().followUp.result || tk().followUp.dueAt}>
          <dt>{t('followUpFact')}</dt>
          <dd>
            {tk().followUp.result
              ? `${tKey('followUp', tk().followUp.result!)}${tk().followUp.comment ? ` · ${tk().followUp.comment}` : ''}`
              : t('followUpDueFact', { due: formatDate(tk().followUp.dueAt!) })}
          </dd>
        </Show>
      </dl>
      <Show when={tk().extensions.length > 0}>
        <h2>{t('extensionsTitle')}</h2>
        <ul class="plain-list">
          <For each={tk().extensions}>
            {(e) => (
              <li class="card">
                <strong>{amount(e.amount)}</strong> · {tKey('extension', e.status)} · {formatDateTime(e.requestedAt)}
                <p>{e.reason}</p>
                <Show when={e.decisionNote}>
                  <p class="muted">{e.decisionNote}</p>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
