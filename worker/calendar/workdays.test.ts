import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../node/test-database.ts';
import { workCalendar } from './calendar.ts';
import type { WorkCalendar } from './workdays.ts';

/** An instant in Zhengzhou. */
const at = (local: string) => Date.parse(`${local}+08:00`);
const end = (day: string) => at(`${day}T23:59:59`);

// The shipped calendar, read from a migrated database as the app reads it.
let calendar: WorkCalendar;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const database = await freshDatabase({ demo: false });
  cleanup = database.cleanup;
  calendar = await workCalendar(database.db, Date.now());
});
afterAll(() => cleanup());

describe('the official working calendar', () => {
  it.each([
    ['2026-02-14', true, 'a Saturday worked before the Spring Festival'],
    ['2026-02-28', true, 'a Saturday worked after it'],
    ['2026-01-04', true, 'a Sunday worked after New Year'],
    ['2025-09-28', true, 'a Sunday worked before National Day 2025'],
    ['2026-02-16', false, 'a Monday of the Spring Festival'],
    ['2026-10-07', false, 'a Wednesday of National Day'],
    ['2026-06-19', false, 'the Dragon Boat Festival, a Friday'],
    ['2025-10-08', false, 'the eighth day of National Day 2025'],
    ['2026-12-05', false, 'a plain Saturday'],
    ['2026-12-07', true, 'a plain Monday'],
    ['2027-02-08', false, 'the Spring Festival 2027 (provisional: statutory days only)'],
  ])('%s is a working day: %s (%s)', (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });

  it('counts working days over weekends, holidays and make-up days', () => {
    // Filed Friday 13 February 2026: Saturday the 14th is worked, then nine days off.
    expect(calendar.addWorkingDays(at('2026-02-13T10:00:00'), 1)).toBe(end('2026-02-14'));
    expect(calendar.addWorkingDays(at('2026-02-13T10:00:00'), 2)).toBe(end('2026-02-24'));
    // Filed on the last working day before National Day 2026 (Wednesday 30 September).
    expect(calendar.addWorkingDays(at('2026-09-30T16:00:00'), 1)).toBe(end('2026-10-08'));
    // Saturday 10 October is worked.
    expect(calendar.addWorkingDays(at('2026-10-09T09:00:00'), 1)).toBe(end('2026-10-10'));
    // Filed on a Sunday: the day itself does not count.
    expect(calendar.addWorkingDays(at('2026-12-06T09:00:00'), 1)).toBe(end('2026-12-07'));
  });

  it('crosses the year boundary', () => {
    // Wednesday 31 December 2025; 1 January 2026 to 3 January off, Sunday the 4th worked.
    expect(calendar.addWorkingDays(at('2025-12-31T12:00:00'), 1)).toBe(end('2026-01-04'));
    expect(calendar.addWorkingDays(at('2025-12-31T12:00:00'), 2)).toBe(end('2026-01-05'));
    // Thursday 31 December 2026 to Friday 1 January 2027 (New Year) and the weekend.
    expect(calendar.addWorkingDays(at('2026-12-31T12:00:00'), 1)).toBe(end('2027-01-04'));
  });

  it('takes the day in Zhengzhou, not in UTC', () => {
    // 23:30 on Friday 4 December 2026 in Zhengzhou is still Friday there (15:30 UTC).
    expect(calendar.addWorkingDays(at('2026-12-04T23:30:00'), 1)).toBe(end('2026-12-07'));
    // 00:30 on Saturday 5 December in Zhengzhou is Friday in UTC, but Saturday here.
    expect(calendar.addWorkingDays(at('2026-12-05T00:30:00'), 1)).toBe(end('2026-12-07'));
  });

  it('gives back the working days a pause took, and none for a pause within a day', () => {
    const due = end('2026-12-09');
    // Paused Monday 7 December morning, resumed that afternoon: nothing moves.
    expect(calendar.resumedDue(due, 'working_days', at('2026-12-07T09:00:00'), at('2026-12-07T15:00:00'))).toBe(due);
    // Paused Friday 4 December, resumed Tuesday 8 December: Friday and Monday were lost.
    expect(calendar.workingDaysBetween(at('2026-12-04T10:00:00'), at('2026-12-08T09:00:00'))).toBe(2);
    expect(calendar.resumedDue(due, 'working_days', at('2026-12-04T10:00:00'), at('2026-12-08T09:00:00'))).toBe(
      end('2026-12-11'),
    );
    // A pause over the Spring Festival 2026 takes only its working days (13, 14 and 24 February).
    expect(calendar.workingDaysBetween(at('2026-02-13T10:00:00'), at('2026-02-25T09:00:00'))).toBe(3);
    // The hours clock moves by the time paused.
    const urgentDue = at('2026-12-07T12:00:00');
    expect(calendar.resumedDue(urgentDue, 'hours', at('2026-12-07T09:00:00'), at('2026-12-07T10:30:00'))).toBe(
      urgentDue + 90 * 60 * 1000,
    );
  });

  it('counts the hours clock around the clock, weekends and holidays included', () => {
    expect(calendar.due(at('2026-02-15T20:00:00'), 'hours', 24)).toBe(at('2026-02-16T20:00:00'));
    expect(calendar.due(at('2026-02-13T10:00:00'), 'working_days', 2)).toBe(end('2026-02-24'));
  });

  it('says how many working days are left, the due day included', () => {
    // Monday morning, due end of Wednesday: Monday, Tuesday, Wednesday.
    expect(calendar.workingDaysLeft(at('2026-12-07T09:00:00'), end('2026-12-09'))).toBe(3);
    // Friday, due end of Monday: Friday and Monday.
    expect(calendar.workingDaysLeft(at('2026-12-04T09:00:00'), end('2026-12-07'))).toBe(2);
    // Due end of Friday, now Tuesday: Friday and Monday past.
    expect(calendar.workingDaysLeft(at('2026-12-08T09:00:00'), end('2026-12-04'))).toBe(-2);
  });
});
