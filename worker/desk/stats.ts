import { and, eq, gte, or } from 'drizzle-orm';
import { ticketCategories, tickets } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import { isOverdue } from './clock.ts';
import { isOpen } from './lifecycle.ts';

const WEEKS = 8;

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A community's desk in figures: open, overdue, time to resolve, rating, and the last 8 weeks. */
export async function communityStats(
  db: Db,
  community: { id: number; slug: string; name: string; nameEn: string },
  now: number,
) {
  const rows = await db
    .select({
      status: tickets.status,
      dueAt: tickets.dueAt,
      pausedAt: tickets.pausedAt,
      createdAt: tickets.createdAt,
      resolvedAt: tickets.resolvedAt,
      rating: tickets.rating,
      category: ticketCategories.name,
      categoryEn: ticketCategories.nameEn,
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(
      and(
        eq(tickets.communityId, community.id),
        or(
          gte(tickets.createdAt, now - 365 * DAY_MS),
          eq(tickets.status, 'submitted'),
          eq(tickets.status, 'accepted'),
          eq(tickets.status, 'in_progress'),
        ),
      ),
    );
  const ratings = rows.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  const weekStart = (i: number) => now - (WEEKS - i) * 7 * DAY_MS;
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({
    from: weekStart(i),
    opened: rows.filter((r) => r.createdAt >= weekStart(i) && r.createdAt < weekStart(i + 1)).length,
    resolved: rows.filter(
      (r) => r.resolvedAt !== null && r.resolvedAt >= weekStart(i) && r.resolvedAt < weekStart(i + 1),
    ).length,
  }));
  const openByCategory = new Map<string, { name: string; nameEn: string; open: number }>();
  for (const r of rows.filter((r) => isOpen(r.status))) {
    const entry = openByCategory.get(r.category) ?? { name: r.category, nameEn: r.categoryEn, open: 0 };
    entry.open++;
    openByCategory.set(r.category, entry);
  }
  return {
    community: { slug: community.slug, name: community.name, nameEn: community.nameEn },
    open: rows.filter((r) => isOpen(r.status)).length,
    overdue: rows.filter((r) => isOverdue(r, now)).length,
    resolvedLastYear: rows.filter((r) => r.resolvedAt !== null).length,
    medianHoursToResolve: median(
      rows.flatMap((r) => (r.resolvedAt === null ? [] : [(r.resolvedAt - r.createdAt) / 3_600_000])),
    ),
    averageRating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    ratingCount: ratings.length,
    weeks,
    openByCategory: [...openByCategory.values()].sort((a, b) => b.open - a.open),
  };
}
