/**
 * The service worker (/sw.js, built by scripts/build/service-worker.ts, which fills in the two
 * names below). It keeps one version of the app in a cache of its own and serves pages from it,
 * so a phone that went offline still opens Linli, and an open page never mixes chunks of two
 * versions. What residents read (news, events, their own tickets and sign-ups) is fetched from
 * the network first and kept, stamped with the time it was fetched, for when the network is gone.
 */

/** The build's files for this version (hashed assets, the page shells, icons), and its hash. */
declare const __LINLI_PRECACHE__: string[];
declare const __LINLI_VERSION__: string;

// The DOM library types `self` as a window; only the few worker parts used here are declared.
type ExtendableEvent = Event & { waitUntil(p: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(r: Response | Promise<Response>): void };
type MessageEvt = ExtendableEvent & { data: unknown };
type SyncEvent = ExtendableEvent & { tag: string; lastChance?: boolean };
type Scope = {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvt) => void): void;
  addEventListener(type: 'sync', fn: (e: SyncEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(): Promise<{ postMessage(m: unknown): void }[]> };
  location: Location;
};
const sw = self as unknown as Scope;

const SHELL = `linli-shell-${__LINLI_VERSION__}`;
/** API answers outlive versions (their shape is the API's, not the build's). */
const DATA = 'linli-data';
/** Enough for a few lists and the articles, events and tickets a resident opened. */
const DATA_LIMIT = 120;
/** When a kept answer was fetched (ms since 1970); the page says "shown as of HH:MM" from it. */
const FETCHED_AT = 'x-linli-fetched-at';

/**
 * The API answers a resident reads, kept for offline reading: news and articles, events and
 * event pages, the place tree every page needs, the home page's renovations and home services,
 * and their own ticket and sign-up (private, but this cache is on their own phone).
 * Staff answers (/api/staff, /api/auth, /api/desk …) never match.
 */
const readable = /^\/api\/(?:places|news(?:\/\d+)?|events(?:\/\d+)?|renovation\/projects|home-visits\/services)$/;
/** The resident's own ticket and sign-up, by the private token of their link. */
const own = /^\/api\/(?:tickets|events\/signups)\/[\w-]+$/;
/** News photos, kept only when the server calls them public (staff may see private ones). */
const PHOTOS = 'linli-photos';
const PHOTO_LIMIT = 40;

/** Pages the server built with their own preloads (scripts/build/route-pages.ts). */
const shells: Record<string, string> = {
  '/news': '/news.html',
  '/events': '/events.html',
  '/desk': '/desk.html',
  '/home-visits': '/home-visits.html',
};
/** Addresses that are the server's or files, not the app's pages. */
const serverPaths = /^\/(?:api|feeds|photos|open311)\/|\.\w+$/;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) =>
      // Hashed files may come from the HTTP cache (they never change); the rest must be this deploy's.
      cache.addAll(
        __LINLI_PRECACHE__.map(
          (path) => new Request(path, { cache: path.startsWith('/assets/') ? 'default' : 'no-cache' }),
        ),
      ),
    ),
  );
  // No skipWaiting here: open pages keep the version they started with until the page says so.
});

sw.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('linli-shell-') && n !== SHELL).map((n) => caches.delete(n))),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    if (!serverPaths.test(url.pathname)) event.respondWith(page(request, url.pathname));
  } else if (readable.test(url.pathname) || (own.test(url.pathname) && url.searchParams.has('token'))) {
    // A request that carries its own credentials is not a resident's reading.
    if (!request.headers.has('authorization')) event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith('/photos/')) {
    event.respondWith(photo(request));
  } else if (url.pathname.startsWith('/assets/') || __LINLI_PRECACHE__.includes(url.pathname)) {
    event.respondWith(fromShell(request));
  }
});

/** Every page is the app's shell of this version; the app then fetches the page's data. */
async function page(request: Request, path: string): Promise<Response> {
  const shell = await caches.match(shells[path.replace(/\/$/, '')] ?? '/index.html', { cacheName: SHELL });
  return shell ?? fetch(request);
}

/** This version's file; one not precached (a staff page's chunk) is kept once fetched. */
async function fromShell(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok && new URL(request.url).pathname.startsWith('/assets/')) await cache.put(request, res.clone());
  return res;
}

/**
 * The network's answer, kept with the time it came; without a network, the kept one (the page
 * sees its stamp), or a 503 that says the page needs the network.
 */
async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(DATA);
  try {
    const res = await fetch(request);
    if (res.status === 200) {
      const headers = new Headers(res.headers);
      headers.set(FETCHED_AT, String(Date.now()));
      const body = await res.clone().arrayBuffer();
      await cache.put(request, new Response(body, { status: 200, headers }));
      void trim(cache);
    }
    return res;
  } catch (err) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    if (!(err instanceof TypeError)) throw err;
    const error = { code: 'offline', message: 'This page needs the network: it was not read on this phone before.' };
    return Response.json({ error }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

/** A public photo: kept ones first (their address names their content), else the network's. */
async function photo(request: Request): Promise<Response> {
  const cache = await caches.open(PHOTOS);
  const kept = await cache.match(request, { ignoreVary: true });
  if (kept) return kept;
  const res = await fetch(request);
  if (res.status === 200 && /\bimmutable\b/.test(res.headers.get('cache-control') ?? '')) {
    await cache.put(request, res.clone());
    void trim(cache, PHOTO_LIMIT);
  }
  return res;
}

/** Drops the oldest kept answers beyond the limit (keys come in the order they were put). */
async function trim(cache: Cache, limit = DATA_LIMIT) {
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((k) => cache.delete(k)));
}

/**
 * Background Sync: posts filed without a network (web/src/lib/outbox.ts keeps them in IndexedDB)
 * are sent when it returns, even with no page open. Each is sent with its own Idempotency-Key,
 * under the lock pages take too, so it is filed once; the answer is stored on the entry and the
 * page records it in the resident's lists and tells the number. The page's rules
 * (lib/outbox-rules.ts `outcome`) are repeated here: this script imports nothing.
 */
const OUTBOX = 'linli-outbox';
type Kept = {
  idempotencyKey: string;
  url: string;
  body: unknown;
  createdAt: number;
  attempts: number;
  state: string;
  photos?: Blob[];
};

sw.addEventListener('sync', (event) => {
  if (event.tag !== OUTBOX) return;
  const locks = (navigator as { locks?: { request(name: string, fn: () => Promise<void>): Promise<void> } }).locks;
  const run = () => sendKept();
  event.waitUntil(
    (locks ? locks.request(OUTBOX, run) : run()).then(async () => {
      for (const client of await sw.clients.matchAll()) client.postMessage('outbox');
    }),
  );
});

function outboxStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(OUTBOX, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('posts', { keyPath: 'idempotencyKey' });
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('posts', mode);
      const r = run(tx.objectStore('posts'));
      tx.oncomplete = () => {
        db.close();
        resolve(r.result);
      };
      tx.onerror = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}

/** lib/outbox-rules.ts `outcome`, line for line (a test compares the two). */
function outboxOutcome(status: number, code?: string): 'sent' | 'refused' | 'retry' {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 408 || status === 429 || code === 'request_in_progress') return 'retry';
  if (status >= 400 && status < 500) return 'refused';
  return 'retry';
}

/** Sends the pending posts in order; a network failure rejects, so the browser tries again later. */
async function sendKept() {
  const all = ((await outboxStore('readonly', (s) => s.getAll())) as Kept[]).sort((a, b) => a.createdAt - b.createdAt);
  for (let entry of all) {
    if (entry.state !== 'pending') continue;
    if (entry.photos?.length) {
      entry = await uploadKept(entry);
      if (entry.state !== 'pending') continue;
    }
    const res = await fetch(entry.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.idempotencyKey },
      body: JSON.stringify(entry.body),
    });
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; fields?: object } } | null;
    const code = body?.error?.code;
    const next = { ...entry, attempts: entry.attempts + 1 };
    const result = outboxOutcome(res.status, code);
    if (result === 'retry') throw new Error(`outbox: ${res.status}, to be tried again`);
    if (result === 'sent') Object.assign(next, { state: 'sent', filed: body });
    else {
      const fields = Object.keys(body?.error?.fields ?? {});
      Object.assign(next, { state: 'refused', refusal: { status: res.status, code: code ?? 'http_error', fields } });
    }
    await outboxStore('readwrite', (s) => s.put(next));
  }
}

/** lib/outbox.ts `uploadKept`: the photos kept with a post go first, and their keys into its body. */
async function uploadKept(entry: Kept): Promise<Kept> {
  const keys: string[] = [];
  for (const photo of entry.photos ?? []) {
    const res = await fetch('/api/photos', {
      method: 'POST',
      headers: { 'Content-Type': photo.type || 'application/octet-stream' },
      body: photo,
    });
    const body = (await res.json().catch(() => null)) as { key?: string; error?: { code?: string } } | null;
    const result = outboxOutcome(res.status, body?.error?.code);
    if (result === 'retry') throw new Error(`outbox: photo ${res.status}, to be tried again`);
    if (result === 'refused') {
      const refusal = { status: res.status, code: body?.error?.code ?? 'http_error', fields: ['photos'] };
      const refused = { ...entry, state: 'refused', refusal };
      await outboxStore('readwrite', (s) => s.put(refused));
      return refused;
    }
    keys.push(body!.key!);
  }
  const { photos: _, ...rest } = entry;
  const before = (entry.body as { photos?: string[] }).photos ?? [];
  const next = { ...rest, body: { ...(entry.body as object), photos: [...before, ...keys] } };
  await outboxStore('readwrite', (s) => s.put(next));
  return next;
}
