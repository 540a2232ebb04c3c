import type { Platform } from '../lib/platform.ts';
import { deliverStaffNotices, findStaffNotices } from '../robots/index.ts';

/** How often the Node entry looks for robot messages: the Worker's "* * * * *" trigger. */
export const ROBOTS_EVERY_MS = 60 * 1000;

/**
 * Every minute: find overdue tickets and tomorrow's follow-ups, then send what waits. The next
 * round is scheduled only when this one has finished, so a slow robot never makes rounds overlap;
 * the timer is unref'd, so it never keeps the process alive.
 * @example staffRobotsLoop(platform, () => 'https://linli.example')
 */
export function staffRobotsLoop(platform: Platform, origin: () => string | undefined, every = ROBOTS_EVERY_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const round = async () => {
    try {
      const now = platform.now();
      await findStaffNotices(platform.db, now);
      await deliverStaffNotices(platform.db, fetch, now, {
        origin: origin(),
        extraHosts: platform.robotWebhookHosts,
      });
    } catch (err) {
      // The error is the database's or ours: the webhook URL is never part of it.
      console.error('staff robots failed', (err as Error).message);
    }
    if (!stopped) timer = setTimeout(round, every).unref();
  };
  timer = setTimeout(round, every).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
