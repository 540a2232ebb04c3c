import type { Db } from '../lib/platform.ts';
import { type DeliveryReport, deliverMessages } from './deliver.ts';
import { channelFor, type MessageSettings } from './settings.ts';

/**
 * A delivery loop for a long-running server (Node): a run every `intervalMs`, and one soon after
 * a `kick()`; runs never overlap (a kick during a run asks for one more after it). The timer is
 * unref'd, so it never keeps the process alive.
 * @example const loop = messageLoop(db, settings, Date.now); loop.start(); platform.kickMessages = () => loop.kick()
 */
export function messageLoop(
  db: Db,
  settings: MessageSettings,
  now: () => number,
  opts: { intervalMs?: number; onError?: (err: unknown) => void; fetcher?: typeof fetch } = {},
) {
  const channel = channelFor(settings, opts.fetcher);
  let running: Promise<DeliveryReport | undefined> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function runOnce(): Promise<DeliveryReport | undefined> {
    try {
      return await deliverMessages(db, channel, settings, now());
    } catch (err) {
      opts.onError?.(err);
      return undefined;
    }
  }

  function run(): Promise<DeliveryReport | undefined> {
    if (running) {
      again = true;
      return running;
    }
    running = runOnce().finally(() => {
      running = null;
      if (again) {
        again = false;
        void run();
      }
    });
    return running;
  }

  return {
    /** Starts the timer (every 15 s unless told otherwise). */
    start() {
      timer ??= setInterval(run, opts.intervalMs ?? 15_000);
      timer.unref?.();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    /** A run soon (the write's answer goes first). */
    kick() {
      setTimeout(run, 0).unref?.();
    },
    run,
  };
}
