import type { Platform } from '../lib/platform.ts';
import { deliverStaffNotices, findStaffNotices } from '../robots/index.ts';

/** How often the Node entry looks for robot messages: the Worker's "* * * * *" trigger. */
export const ROBOTS_EVERY_MS = 60 * 1000;

/**
 * Runs `round` every `every` ms, the next one scheduled only when the last has finished, so a slow
 * round never overlaps the next; the timer is unref'd (it never keeps the process alive).
 * Returns a stop function.
 * @example const stop = repeatWithoutOverlap(async () => {…}, 60_000)
 */
export function repeatWithoutOverlap(round: () => Promise<void>, every: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    await round().catch(() => {});
    if (!stopped) timer = setTimeout(tick, every).unref();
  };
  timer = setTimeout(tick, every).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/**
 * Every minute: find overdue tickets and tomorrow's follow-ups, then send what waits.
 * @example staffRobotsLoop(platform, () => 'https://linli.example')
 */
export function staffRobotsLoop(platform: Platform, origin: () => string | undefined, every = ROBOTS_EVERY_MS) {
  return repeatWithoutOverlap(async () => {
    try {
      const now = platform.now();
      await findStaffNotices(platform.db, now);
      await deliverStaffNotices(platform.db, fetch, now, { origin: origin(), extraHosts: platform.robotWebhookHosts });
    } catch (err) {
      // The database's error or ours: the webhook URL is never part of it.
      console.error('staff robots failed', (err as Error).message);
    }
  }, every);
}
