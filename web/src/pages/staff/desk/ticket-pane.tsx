import { useSubmissions } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { LoadError, Loading } from '../../../components/states.tsx';
import { t } from '../../../lib/prefs.ts';
import { type DeskTicket, getDeskTicket } from './ticket.tsx';
import { runAction, ShortcutKeys } from './ticket-actions.tsx';
import { TicketDetail } from './ticket-detail.tsx';

/**
 * The chosen ticket beside the queue. Read into a plain signal, not createAsync: a ticket chosen
 * right after an action, while the router's transition still settles, could otherwise wait
 * forever (see events/new.tsx). So it reloads itself when an action on the desk has settled.
 */
function useDeskTicket(number: () => string | undefined) {
  const [data, setData] = createSignal<DeskTicket>();
  const [error, setError] = createSignal<unknown>();
  const [tries, setTries] = createSignal(0);
  const submissions = useSubmissions(runAction);
  const lastSettled = () => [...submissions].reverse().find((s) => !s.pending);
  createEffect(
    on([number, tries, lastSettled], ([n]) => {
      setError(undefined);
      if (data()?.ticket.number !== n) setData(undefined);
      if (!n) return;
      let live = true;
      onCleanup(() => {
        live = false;
      });
      getDeskTicket(n).then(
        (d) => live && setData(d),
        (err) => live && setError(err),
      );
    }),
  );
  return { data, error, retry: () => setTries((n) => n + 1) };
}

/** The right-hand pane of the workbench: a labelled region with the chosen ticket, or how to choose one. */
export function TicketPane(props: { number: string | undefined; said: string; ref?: (el: HTMLElement) => void }) {
  const ticket = useDeskTicket(() => props.number);
  return (
    <section class="ticket-pane" aria-label={t('paneLabel')} ref={props.ref}>
      {/* What a shortcut could not do here (a key for an action this ticket does not offer). */}
      <p role="status" class="shortcut-said">
        {props.said}
      </p>
      <Show when={props.number} fallback={<p class="pane-empty">{t('paneEmpty')}</p>}>
        <Show when={!ticket.error()} fallback={<LoadError error={ticket.error()} retry={ticket.retry} />}>
          <Show when={ticket.data()} fallback={<Loading />}>
            {(d) => (
              <ShortcutKeys.Provider value={true}>
                <TicketDetail data={d()} level={2} />
              </ShortcutKeys.Provider>
            )}
          </Show>
        </Show>
      </Show>
    </section>
  );
}
