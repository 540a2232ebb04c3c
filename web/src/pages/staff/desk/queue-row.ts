import { formatShortDay } from '../../../lib/format.ts';
import { placeName, prefs, t, tKey } from '../../../lib/prefs.ts';
import type { QueueRow } from './queue-query.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The queue's views: mine, my organisation's, unassigned, overdue. */
export const views = ['mine', 'org', 'unassigned', 'overdue'] as const;

/** Whole days since the resident filed it. */
export const ageDays = (row: QueueRow, now: number) => Math.max(0, Math.floor((now - row.createdAt) / DAY_MS));

/** When it is due, in words: working days left where the server says, else the day; overdue said, not only coloured. */
export function dueWords(row: QueueRow): string {
  const left = row.workingDaysLeft;
  // A stopped clock is never overdue; it says so rather than a time that does not run.
  if (row.pausedAt !== null) return t('clockPausedShort');
  if (row.hoursLeft !== null)
    return row.hoursLeft < 0 ? t('hoursOver', { hours: -row.hoursLeft }) : t('hoursLeft', { hours: row.hoursLeft });
  if (row.overdue) return left != null && left < 0 ? t('overdueWorkingDays', { days: -left }) : t('overdue');
  if (left != null) return left === 0 ? t('dueToday') : t('workingDaysLeft', { n: left });
  return formatShortDay(row.dueAt);
}

/** The owner and, for a joint ticket, each side's part and its state. */
export function ownerWords(row: QueueRow): { owner: string; parts: string[] } {
  const parts = (row.parts ?? []).map(
    (p) =>
      `${t('sideSays', { side: tKey('owner', p.side) })}${tKey('partStatus', p.status)}${p.assignee ? t('partAssignee', { name: p.assignee }) : ''}`,
  );
  return { owner: tKey('owner', row.owner), parts };
}

const statusOrder = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate'];

/** The columns the table sorts by, each with the value it compares. */
export const sortKeys = {
  number: (r: QueueRow) => r.number,
  category: (r: QueueRow) => placeName(r.category),
  owner: (r: QueueRow) => r.owner,
  status: (r: QueueRow) => statusOrder.indexOf(r.status),
  // Working days left when the server says; the due instant otherwise (both: sooner first).
  due: (r: QueueRow) => r.workingDaysLeft ?? r.dueAt,
  age: (r: QueueRow) => -r.createdAt,
  assignee: (r: QueueRow) => r.assignee?.name ?? '',
} as const;
export type SortKey = keyof typeof sortKeys;

/** `?sort=due` ascending, `?sort=-due` descending; anything else is the server's order (newest first). */
export function parseSort(param: string | undefined): { key: SortKey; desc: boolean } | undefined {
  const desc = param?.startsWith('-') ?? false;
  const key = desc ? param!.slice(1) : param;
  return key && key in sortKeys ? { key: key as SortKey, desc } : undefined;
}

/** The rows in the chosen order; ties keep the server's order. */
export function sortRows(rows: readonly QueueRow[], sort: ReturnType<typeof parseSort>): QueueRow[] {
  if (!sort) return [...rows];
  const value = sortKeys[sort.key];
  const locale = prefs.locale();
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      const c =
        typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), locale);
      return (sort.desc ? -c : c) || a.i - b.i;
    })
    .map((x) => x.row);
}
