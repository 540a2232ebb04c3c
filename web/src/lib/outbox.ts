import { hc } from 'hono/client';
import type { AppType } from '../../../worker/app.ts';
import { ApiFailure } from './api.ts';
import { setOutboxWaiting } from './offline.ts';
import { type Filed, type OutboxEntry, outcome } from './outbox-rules.ts';

/**
 * Posts filed without a network, kept on the phone until they reach the server. IndexedDB, not
 * localStorage: the service worker sends them too (Background Sync) and it cannot read
 * localStorage; IndexedDB also survives a full localStorage and is written atomically per entry.
 * Loaded only with the forms and, at start, only when `OUTBOX_FLAG` says something is waiting.
 */

const DB = 'linli-outbox';
const STORE = 'posts';
/** Set while anything is in the outbox, so the first page knows to load it (a cheap sync read). */
export const OUTBOX_FLAG = 'linli.outbox';
/** The Background Sync tag, and the lock every sender (page or service worker) holds. */
export const SYNC_TAG = 'linli-outbox';

const open = () =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

async function tx<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = run(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  } finally {
    db.close();
  }
}

export const entries = () => tx('readonly', (s) => s.getAll() as IDBRequest<OutboxEntry[]>);
const put = (entry: OutboxEntry) => tx('readwrite', (s) => s.put(entry));
export const remove = (key: string) => tx('readwrite', (s) => s.delete(key));

/**
 * The typed client on this page's origin, for a kept post's address: the app's own `api` is
 * relative ('/api'), and `$url()` needs an absolute base.
 * @example const url = addressed.tickets.$url().pathname // '/api/tickets'
 */
export const addressed = hc<AppType>(`${location.origin}/api`);

/** A failed send that means "no network" (fetch threw, or the phone says it is offline), not an answer. */
export const isNetworkFailure = (err: unknown) =>
  !(err instanceof ApiFailure) && (err instanceof TypeError || navigator.onLine === false);

/**
 * For a send's `.catch`: no network gives `undefined` (the form keeps the post), anything else
 * (an answer, a bug) stays the error it was.
 * @example const filed = await untilHandled(send).catch(offlineOnly); if (!filed) return keep(…)
 */
export function offlineOnly(err: unknown): undefined {
  if (!isNetworkFailure(err)) throw err;
  return undefined;
}

/**
 * Keeps a post that could not be sent, and asks the browser to send it when the network returns.
 * @example catch (err) { if (isNetworkFailure(err)) return keep({ kind: 'ticket', url, body: input, idempotencyKey, summary }) }
 */
export async function keep(
  post: Pick<OutboxEntry, 'kind' | 'url' | 'body' | 'idempotencyKey' | 'summary' | 'event' | 'photos'>,
): Promise<OutboxEntry> {
  const entry: OutboxEntry = { ...post, createdAt: Date.now(), attempts: 0, state: 'pending' };
  if (!entry.photos?.length) delete entry.photos;
  await put(entry);
  setOutboxWaiting(true);
  try {
    localStorage.setItem(OUTBOX_FLAG, '1');
  } catch {
    // Without the flag the outbox is still sent by Background Sync and the next form opened.
  }
  void navigator.serviceWorker?.ready
    .then((reg) => (reg as { sync?: { register(tag: string): Promise<void> } }).sync?.register(SYNC_TAG))
    .catch(() => {});
  return entry;
}

/** A refused answer as the entry keeps it: the API's code and the fields at fault. */
const refusalOf = (status: number, body: { error?: { code?: string; fields?: Record<string, string> } } | null) => ({
  status,
  code: body?.error?.code ?? 'http_error',
  fields: Object.keys(body?.error?.fields ?? {}),
});

/**
 * Uploads the photos kept with a post and saves the entry with their keys in its body; a refused
 * photo refuses the post (its reason is the photo's), a network failure throws.
 */
async function uploadKept(entry: OutboxEntry): Promise<OutboxEntry> {
  const keys: string[] = [];
  for (const photo of entry.photos ?? []) {
    const res = await fetch(addressed.photos.$url().pathname, {
      method: 'POST',
      headers: { 'Content-Type': photo.type || 'application/octet-stream' },
      body: photo,
    });
    const body = (await res.json().catch(() => null)) as { key?: string; error?: { code?: string } } | null;
    const result = outcome(res.status, body?.error?.code);
    if (result === 'retry') throw new Error(`photo upload: ${res.status}, to be tried again`);
    if (result === 'refused')
      return { ...entry, state: 'refused', refusal: { ...refusalOf(res.status, body), fields: ['photos'] } };
    keys.push(body!.key!);
  }
  const { photos: _, ...rest } = entry;
  const before = (entry.body as { photos?: string[] }).photos ?? [];
  const next = { ...rest, body: { ...(entry.body as object), photos: [...before, ...keys] } };
  await put(next);
  return next;
}

/** One send of a kept post, with its own key; a network failure throws. */
async function send(kept: OutboxEntry): Promise<OutboxEntry> {
  const entry = kept.photos?.length ? await uploadKept(kept) : kept;
  if (entry.state !== 'pending') return entry;
  const res = await fetch(entry.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.idempotencyKey },
    body: JSON.stringify(entry.body),
  });
  const body = (await res.json().catch(() => null)) as
    | (Filed & { error?: { code?: string; fields?: Record<string, string> } })
    | null;
  const attempts = entry.attempts + 1;
  const result = outcome(res.status, body?.error?.code);
  if (result === 'sent') return { ...entry, attempts, state: 'sent', filed: body as Filed };
  if (result === 'refused') return { ...entry, attempts, state: 'refused', refusal: refusalOf(res.status, body) };
  return { ...entry, attempts };
}

/** One sender at a time across tabs and the service worker (Web Locks), else one per page. */
let chain: Promise<unknown> = Promise.resolve();
function locked<T>(run: () => Promise<T>): Promise<T> {
  const locks = (navigator as { locks?: { request(name: string, fn: () => Promise<T>): Promise<T> } }).locks;
  if (locks) return locks.request(SYNC_TAG, run);
  const next = chain.then(run, run);
  chain = next.catch(() => {});
  return next;
}

/**
 * Sends every pending post (in the order they were filed) and hands each one that reached the
 * server — here or earlier by the service worker — to `record`, then forgets it. Refused ones stay
 * for the resident to read and discard; a network failure leaves the rest for the next try.
 * @example await flush((entry) => myTickets.remember(...))
 */
export function flush(record: (entry: OutboxEntry & { filed: Filed }) => void): Promise<OutboxEntry[]> {
  return locked(async () => {
    const all = (await entries()).sort((a, b) => a.createdAt - b.createdAt);
    for (const [i, entry] of all.entries()) {
      if (entry.state !== 'pending') continue;
      try {
        all[i] = await send(entry);
      } catch {
        break;
      }
      await put(all[i]!);
    }
    const left: OutboxEntry[] = [];
    for (const entry of all) {
      if (entry.state === 'sent' && entry.filed) {
        record(entry as OutboxEntry & { filed: Filed });
        await remove(entry.idempotencyKey);
      } else left.push(entry);
    }
    try {
      if (left.length === 0) localStorage.removeItem(OUTBOX_FLAG);
    } catch {
      // The flag only saves a lookup at start.
    }
    return left;
  });
}
