import { and, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type ServiceClock, type TicketStatus, tickets } from '../../schema/index.ts';
import type { WorkCalendar } from '../calendar/workdays.ts';
import { HOUR_MS } from '../lib/time.ts';
import { isOpen, openStatuses } from './lifecycle.ts';

/**
 * The desk's clocks, each rule named once: the due date and the first-response target of a new
 * ticket, the first response, the follow-up call after resolution, and what "overdue" means.
 */

/** What a category says about time. */
export type CategoryClock = {
  clock: ServiceClock;
  serviceDays: number;
  serviceHours: number;
  responseDays: number;
  responseHours: number;
};

/** The due date and first-response target of a ticket filed at `now` in the category. */
export function newTicketClock(calendar: WorkCalendar, category: CategoryClock, now: number) {
  const hours = category.clock === 'hours';
  return {
    dueAt: calendar.due(now, category.clock, hours ? category.serviceHours : category.serviceDays),
    firstResponseDueAt: calendar.due(now, category.clock, hours ? category.responseHours : category.responseDays),
  };
}

/** The columns that record a first response (acceptance or a public reply), kept if one came before. */
export const respondedAt = (now: number) => ({ firstResponseAt: sql`coalesce(${tickets.firstResponseAt}, ${now})` });

/**
 * The columns a resolution sets: when, and the follow-up call due the next working day (a fresh
 * one: a ticket re-done after an unhappy call is called again once it is resolved again).
 */
export const resolvedAt = (calendar: WorkCalendar, now: number) => ({
  resolvedAt: now,
  followUpDueAt: calendar.addWorkingDays(now, 1),
  followUpAt: null,
  followUpResult: null,
  followUpComment: null,
  followUpStaffId: null,
});

/** Whether a ticket is past due: open, its clock running (a paused clock is never overdue). */
export const isOverdue = (t: { status: string; dueAt: number; pausedAt?: number | null }, now: number) =>
  (openStatuses as readonly string[]).includes(t.status) && !t.pausedAt && t.dueAt < now;

/** The same, as a SQL condition for lists. */
export const overdueCondition = (now: number) =>
  and(inArray(tickets.status, openStatuses), isNull(tickets.pausedAt), lt(tickets.dueAt, now));

/**
 * What is left of an open ticket's time, on its own clock: working days (the due day counted)
 * or whole hours, negative once overdue; a paused clock shows what was left when it stopped.
 */
export function timeLeft(
  calendar: WorkCalendar,
  t: { status: TicketStatus; dueAt: number; pausedAt: number | null; clock: ServiceClock },
  now: number,
) {
  const open = isOpen(t.status);
  const at = t.pausedAt ?? now;
  return {
    workingDaysLeft: open && t.clock === 'working_days' ? calendar.workingDaysLeft(at, t.dueAt) : null,
    hoursLeft: open && t.clock === 'hours' ? Math.floor((t.dueAt - at) / HOUR_MS) : null,
  };
}
