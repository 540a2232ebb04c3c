import { api, json } from './api.ts';

/** What the resident sees of one upload while it runs. */
export type UploadStatus = { state: 'uploading'; percent: number } | { state: 'retrying' };

/** A dropped line: no answer at all (a 4xx answer is the server's word and is never retried). */
export class NetworkLost extends Error {}

/** Waits between tries after a dropped line; after the last, the next try waits for `online`. */
const backoff = [2000, 5000, 10000];
/** No upload progress for this long on a line that looks open: treated as dropped. */
const stallMs = 30_000;

const headersOf = (raw: string) =>
  new Headers(
    raw
      .trim()
      .split(/[\r\n]+/)
      .filter(Boolean)
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as [string, string];
      }),
  );

/**
 * A `fetch` for the typed client that reports upload progress (fetch itself cannot). It sends
 * what the client builds (URL, method, headers, body; same-origin cookies as fetch's default).
 */
function progressFetch(onProgress: (percent: number) => void): typeof fetch {
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init.method ?? 'GET', String(input instanceof Request ? input.url : input));
      for (const [name, value] of new Headers(init.headers)) xhr.setRequestHeader(name, value);
      xhr.responseType = 'arraybuffer';
      let stall: ReturnType<typeof setTimeout> | undefined;
      const watch = () => {
        clearTimeout(stall);
        stall = setTimeout(() => xhr.abort(), stallMs);
      };
      const fail = (why: Error) => {
        clearTimeout(stall);
        reject(why);
      };
      xhr.upload.onprogress = (e) => {
        watch();
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
      xhr.onload = () => {
        clearTimeout(stall);
        resolve(new Response(xhr.response, { status: xhr.status, headers: headersOf(xhr.getAllResponseHeaders()) }));
      };
      xhr.onerror = () => fail(new NetworkLost('network'));
      xhr.ontimeout = xhr.onerror;
      xhr.onabort = () =>
        fail(init.signal?.aborted ? new DOMException('Cancelled', 'AbortError') : new NetworkLost('stalled'));
      init.signal?.addEventListener('abort', () => xhr.abort());
      watch();
      xhr.send(init.body as XMLHttpRequestBodyInit);
    });
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener('online', done);
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      done();
      reject(new DOMException('Cancelled', 'AbortError'));
    };
    const timer = ms === Infinity ? undefined : setTimeout(done, ms);
    addEventListener('online', done);
    signal.addEventListener('abort', stop);
  });

/**
 * Uploads one (shrunk) photo, retrying by itself after a dropped line: 2 s, 5 s, 10 s, then every 30 s or
 * whenever the phone is back online. Each try that got no answer left at most an unclaimed
 * upload, which the server removes after a day; only the key of the try that answered is returned.
 * Rejects with the server's ApiFailure (too large, wrong type…) or an AbortError when cancelled.
 * @example const key = await uploadPhoto(blob, setStatus, controller.signal)
 */
export async function uploadPhoto(
  blob: Blob,
  onStatus: (status: UploadStatus) => void,
  signal: AbortSignal,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    onStatus({ state: 'uploading', percent: 0 });
    try {
      const res = await api.photos.$post(undefined, {
        fetch: progressFetch((percent) => onStatus({ state: 'uploading', percent })),
        init: { body: blob, headers: { 'Content-Type': blob.type || 'application/octet-stream' }, signal },
      });
      return (await json(res)).key;
    } catch (err) {
      if (!(err instanceof NetworkLost) || signal.aborted) throw err;
      onStatus({ state: 'retrying' });
      await pause(navigator.onLine ? (backoff[attempt] ?? 30_000) : Infinity, signal);
    }
  }
}
