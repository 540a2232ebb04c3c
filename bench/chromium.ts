/**
 * Debian's Chromium for Lighthouse, started by hand (no launcher package): headless, with a
 * profile of its own, so a resident's choices put in localStorage before a run stay there.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const installHint =
  'Install it with `apt-get update && apt-get install -y chromium` (or point CHROMIUM_PATH at a Chromium).';

/** Starts Chromium with its DevTools port open; resolves once it listens. */
export async function startChromium() {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}. ${installHint}`);
  const profile = mkdtempSync(join(tmpdir(), 'linli-chromium-'));
  const child = spawn(
    chromiumPath,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium did not open its DevTools port: ${seen.slice(-500)}`)),
      20_000,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with ${code}: ${seen.slice(-500)}`));
    });
  });
  child.stderr!.resume();
  const version = ((await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser: string })
    .Browser;
  return {
    port,
    version,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      // Chromium's helpers can still be writing into the profile for a moment after it exits.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // A temp folder left behind is not worth losing the figures for.
      }
    },
  };
}

/**
 * Opens a static file of `origin` in the browser's first tab and sets localStorage items there,
 * over the DevTools protocol (Node's own WebSocket), so later runs on that origin start with them.
 * Not the app itself: it would register its service worker and fill caches before the run.
 */
export async function seedLocalStorage(port: number, origin: string, items: Record<string, string>) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string;
    webSocketDebuggerUrl: string;
  }[];
  const page = targets.find((t) => t.type === 'page');
  if (!page) throw new Error('Chromium has no tab to seed');
  const ws = new WebSocket(page.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  const events: string[] = [];
  ws.onmessage = (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; method?: string; result?: unknown };
    if (data.id !== undefined) pending.get(data.id)?.(data.result);
    else if (data.method) events.push(data.method);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Page.enable');
  await send('Page.navigate', { url: `${origin}/favicon.svg` });
  for (const started = Date.now(); !events.includes('Page.loadEventFired') && Date.now() - started < 15_000; )
    await new Promise((r) => setTimeout(r, 50));
  const script = Object.entries(items)
    .map(([key, value]) => `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(value)});`)
    .join('');
  const evaluated = (await send('Runtime.evaluate', { expression: script })) as { exceptionDetails?: { text: string } };
  if (evaluated.exceptionDetails) throw new Error(`Seeding localStorage failed: ${evaluated.exceptionDetails.text}`);
  await send('Page.navigate', { url: 'about:blank' });
  ws.close();
}
