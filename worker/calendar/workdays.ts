import type { CalendarDayKind, ServiceClock } from '../../schema/index.ts';
import { DAY_MS, endOfShanghaiDay, HOUR_MS, zhengzhouDay } from '../lib/time.ts';

/** The days that differ from the plain week, by YYYY-MM-DD. */
export type CalendarExceptions = ReadonlyMap<string, CalendarDayKind>;

/** The day after a YYYY-MM-DD day. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * China's working calendar: weekdays work, weekends rest, except the State Council's holidays
 * (rest) and make-up working days (调休, work). Every service clock of the desk counts on it.
 */
export class WorkCalendar {
  private readonly exceptions: CalendarExceptions;
  constructor(exceptions: CalendarExceptions) {
    this.exceptions = exceptions;
  }

  /**
   * Whether a Zhengzhou day is a working day.
   * @example calendar.isWorkingDay('2026-02-14') // true: a Saturday worked for the Spring Festival
   */
  isWorkingDay(day: string): boolean {
    const kind = this.exceptions.get(day);
    if (kind) return kind === 'workday';
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The end (23:59:59 in Zhengzhou) of the `n`th working day after the day of `from`; the day
   * itself does not count, so one working day from a Friday is the end of Monday.
   */
  addWorkingDays(from: number, n: number): number {
    let day = zhengzhouDay(from);
    for (let left = n; left > 0; ) {
      day = nextDay(day);
      if (this.isWorkingDay(day)) left--;
    }
    return endOfShanghaiDay(day);
  }

  /**
   * Working days from the day of `from` up to, not including, the day of `to`: the days a pause
   * took from the clock (a pause within one day takes none).
   */
  workingDaysBetween(from: number, to: number): number {
    const last = zhengzhouDay(to);
    let n = 0;
    for (let day = zhengzhouDay(from); day < last; day = nextDay(day)) if (this.isWorkingDay(day)) n++;
    return n;
  }

  /** Working days left until `dueAt` (negative when it has passed), counting the due day as one. */
  workingDaysLeft(now: number, dueAt: number): number {
    if (dueAt < now) return -this.workingDaysBetween(dueAt, now);
    const n = this.workingDaysBetween(now, dueAt);
    return this.isWorkingDay(zhengzhouDay(dueAt)) ? n + 1 : n;
  }

  /** When something counted on `clock` is due, `amount` working days or hours after `from`. */
  due(from: number, clock: ServiceClock, amount: number): number {
    return clock === 'hours' ? from + amount * HOUR_MS : this.addWorkingDays(from, amount);
  }

  /**
   * The due date after a pause from `pausedAt` to `resumedAt`: the hours clock moves by the time
   * paused, the working-days clock by the working days paused.
   */
  resumedDue(dueAt: number, clock: ServiceClock, pausedAt: number, resumedAt: number): number {
    if (clock === 'hours') return dueAt + (resumedAt - pausedAt);
    const days = this.workingDaysBetween(pausedAt, resumedAt);
    return days === 0 ? dueAt : this.addWorkingDays(dueAt, days);
  }
}
