import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { mySignups, signupPath } from '../lib/events.ts';
import { myTickets, myVisits, myWishes, trackingPath } from '../lib/my-tickets.ts';
import { flush, remove } from '../lib/outbox.ts';
import { type Filed, type OutboxEntry, refusalKey } from '../lib/outbox-rules.ts';
import { t } from '../lib/prefs.ts';
import { visitPath } from '../pages/home-visits/queries.ts';
import { wishPath } from '../pages/renovation/queries.ts';

type Sent = OutboxEntry & { filed: Filed };

/** The online path's list and page for each numbered kind. */
const numberedKinds = {
  ticket: [myTickets, trackingPath],
  wish: [myWishes, wishPath],
  home_visit: [myVisits, visitPath],
} as const;

/** Records a post that reached the server exactly as the online path does, and gives its page. */
function record(entry: Sent): string {
  const { filed } = entry;
  if (entry.kind !== 'signup') {
    const [list, path] = numberedKinds[entry.kind];
    const mine = { number: filed.number ?? '', token: filed.token, at: Date.now() };
    list.remember(mine);
    return path(mine);
  }
  const event = entry.event ?? { id: 0, title: entry.summary, startsAt: Date.now() };
  const signup = { id: filed.id ?? 0, token: filed.token };
  mySignups.remember({ ...signup, eventId: event.id, title: event.title, startsAt: event.startsAt });
  return signupPath(signup);
}

/**
 * Wherever the app starts while posts wait on this phone: sends them (now, when the network
 * returns, or when the service worker says it sent them), then tells the resident each number
 * with its link, or why one could not be sent, with a way to drop it.
 */
export default function OutboxNotice() {
  const [sent, setSent] = createSignal<{ entry: Sent; path: string }[]>([]);
  const [left, setLeft] = createSignal<OutboxEntry[]>([]);
  const run = () =>
    flush((entry) => setSent((old) => [...old, { entry, path: record(entry) }]))
      .then(setLeft)
      .catch(() => {});
  const onMessage = (e: MessageEvent) => e.data === 'outbox' && void run();
  onMount(() => {
    void run();
    addEventListener('online', run);
    navigator.serviceWorker?.addEventListener('message', onMessage);
  });
  onCleanup(() => {
    removeEventListener('online', run);
    navigator.serviceWorker?.removeEventListener('message', onMessage);
  });
  const discard = async (key: string) => {
    await remove(key);
    void run();
  };
  const waiting = () => left().filter((e) => e.state === 'pending').length;

  return (
    <div class="stack outbox-notice" role="status">
      <For each={sent()}>
        {({ entry, path }) => (
          <p class="notice">
            {entry.kind === 'signup'
              ? t('outboxSentSignup', { title: entry.event?.title ?? entry.summary })
              : t(`outboxSent_${entry.kind}`, { number: entry.filed.number ?? '' })}{' '}
            <A href={path}>{t('outboxOpen')}</A>
          </p>
        )}
      </For>
      <For each={left().filter((e) => e.state === 'refused')}>
        {(entry) => (
          <div class="notice outbox-refused">
            <p>{t('outboxRefused', { what: entry.summary, why: t(refusalKey(entry.refusal!)) })}</p>
            <button type="button" class="button button-secondary" onClick={() => void discard(entry.idempotencyKey)}>
              {t('outboxDiscard')}
            </button>
          </div>
        )}
      </For>
      <Show when={waiting() > 0}>
        <p class="notice">{t('outboxWaiting', { n: waiting() })}</p>
      </Show>
    </div>
  );
}
