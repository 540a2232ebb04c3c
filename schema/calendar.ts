import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff.ts';

/**
 * China's official working calendar (the State Council's yearly notice on public holidays):
 * the days that differ from the plain week. A weekday not listed is a working day and a Saturday
 * or Sunday not listed is a rest day; a listed `holiday` is a rest day and a listed `workday` is
 * a make-up working day (调休), usually a weekend day.
 */
export const calendarDayKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

export const calendarDays = sqliteTable('calendar_days', {
  /** YYYY-MM-DD in Zhengzhou. */
  day: text('day').primaryKey(),
  kind: text('kind', { enum: calendarDayKinds }).notNull(),
  /** The holiday the day belongs to, e.g. 春节 (a make-up day names the holiday it makes up for). */
  name: text('name').notNull(),
});

/**
 * Which years the calendar knows, and how well: `published` is the State Council's notice,
 * `provisional` only the statutory days before the notice is out (no make-up days yet).
 */
export const calendarYearStatuses = ['published', 'provisional'] as const;

export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  status: text('status', { enum: calendarYearStatuses }).notNull(),
  /** Where the days come from, e.g. the notice's title. */
  source: text('source').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedByStaffId: integer('updated_by_staff_id').references(() => staff.id),
});
