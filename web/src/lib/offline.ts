import { createSignal } from 'solid-js';

/**
 * The page's side of the service worker (web/src/sw.ts): registering it, knowing when an answer
 * was one the phone kept (read offline), and switching to a new version between pages.
 */

/** The service worker stamps kept answers with the time they were fetched (ms). */
const FETCHED_AT = 'x-linli-fetched-at';
const keptAt = Symbol('kept at');

/**
 * Marks a JSON body that the service worker answered from what it kept, with when it was fetched.
 * @example return stampKept(res, await res.json())
 */
export function stampKept<T>(res: Response, body: T): T {
  const at = Number(res.headers.get(FETCHED_AT));
  if (at > 0 && body && typeof body === 'object') Object.defineProperty(body, keptAt, { value: at });
  return body;
}

/** When the data on screen was fetched, if it came from the phone's copy because the network failed. */
export const shownAsOf = (data: unknown): number | undefined =>
  data && typeof data === 'object' ? (data as { [keptAt]?: number })[keptAt] : undefined;

/**
 * Whether posts filed without a network wait on this phone (lib/outbox.ts sets it), so the app
 * loads the outbox's code only then.
 */
const hasOutbox = () => {
  try {
    return localStorage.getItem('linli.outbox') !== null;
  } catch {
    return false;
  }
};
export const [outboxWaiting, setOutboxWaiting] = createSignal(hasOutbox());

/** A new version has been installed and waits: it takes over on the next page or reload. */
const [waiting, setWaiting] = createSignal<ServiceWorker | null>(null);

export { waiting as updateWaiting };

/**
 * Lets the waiting version take over, then goes on (to the next page, or reloads): the old
 * page never runs the new version's chunks, nor the new one the old's.
 * @example switchVersion(() => location.reload())
 */
export function switchVersion(then: () => void) {
  const next = waiting();
  if (!next) return then();
  navigator.serviceWorker.addEventListener('controllerchange', then, { once: true });
  next.postMessage('skip-waiting');
}

/** Registers /sw.js once the page has loaded, and watches for a new version. */
export function startServiceWorker() {
  const sw = navigator.serviceWorker;
  if (!sw || import.meta.env.DEV) return;
  const start = async () => {
    const reg = await sw.register('/sw.js');
    // A version that was already waiting when this page opened: this page is a reload or a
    // new visit, so nothing has been read here yet. Take it now.
    if (reg.waiting && sw.controller) {
      setWaiting(reg.waiting);
      return switchVersion(() => location.reload());
    }
    reg.addEventListener('updatefound', () => {
      const installing = reg.installing;
      installing?.addEventListener('statechange', () => {
        // With no controller this is the first install, not an update.
        if (installing.state === 'installed' && sw.controller) setWaiting(installing);
      });
    });
  };
  if (document.readyState === 'complete') void start();
  else addEventListener('load', () => void start(), { once: true });
}
