import { and, asc, gte, lt } from 'drizzle-orm';
import { type CalendarDayKind, calendarDays, calendarYears } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntry } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { WorkCalendar } from './workdays.ts';

/** How long an isolate keeps the calendar before reading it again (an admin's edit shows within this). */
const CACHE_MS = 5 * 60 * 1000;
let cached: { at: number; db: Db; calendar: WorkCalendar } | undefined;

/**
 * The working calendar, read once and kept a few minutes per isolate or process: every due date
 * needs it, and it changes once a year.
 */
export async function workCalendar(db: Db, now: number): Promise<WorkCalendar> {
  if (cached && cached.db === db && now - cached.at < CACHE_MS && now >= cached.at) return cached.calendar;
  const rows = await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays);
  const calendar = new WorkCalendar(new Map(rows.map((r) => [r.day, r.kind])));
  cached = { at: now, db, calendar };
  return calendar;
}

/** The years the calendar knows, with their days. */
export async function calendarYearList(db: Db) {
  const [years, days] = await db.batch([
    db.select().from(calendarYears).orderBy(asc(calendarYears.year)),
    db.select().from(calendarDays).orderBy(asc(calendarDays.day)),
  ]);
  return years.map((y) => ({
    year: y.year,
    status: y.status,
    source: y.source,
    updatedAt: y.updatedAt,
    days: days.filter((d) => d.day.startsWith(`${y.year}-`)),
  }));
}

export type CalendarYearInput = {
  status: 'published' | 'provisional';
  source: string;
  days: { day: string; kind: CalendarDayKind; name: string }[];
};

/** Replaces a year's days at once (the State Council's notice as a whole), with its audit entry. */
export async function replaceCalendarYear(
  db: Db,
  staff: StaffMember,
  year: number,
  input: CalendarYearInput,
  now: number,
): Promise<void> {
  const inYear = and(gte(calendarDays.day, `${year}-01-01`), lt(calendarDays.day, `${year + 1}-01-01`));
  await db.batch([
    db.delete(calendarDays).where(inYear),
    ...(input.days.length ? [db.insert(calendarDays).values(input.days)] : []),
    db
      .insert(calendarYears)
      .values({ year, status: input.status, source: input.source, updatedAt: now, updatedByStaffId: staff.id })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { status: input.status, source: input.source, updatedAt: now, updatedByStaffId: staff.id },
      }),
    auditEntry(db, staff, 'calendar.replace', 'calendar_year', year, now, {
      status: input.status,
      days: input.days.length,
    }),
  ]);
  cached = undefined;
}
