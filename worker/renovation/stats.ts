import { eq } from 'drizzle-orm';
import { renovationWishes, wishOutcomes } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';
import { DAY_MS } from '../lib/time.ts';
import { isOpenWish } from './wishes.ts';

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A project's figures for staff: wishes and objections received, answered, came true, the
 * median days from filing to the first answer, and objections still open.
 */
export async function projectStats(db: Db, projectId: number) {
  const rows = await db
    .select({
      kind: renovationWishes.kind,
      outcome: renovationWishes.outcome,
      createdAt: renovationWishes.createdAt,
      answeredAt: renovationWishes.answeredAt,
      meToo: renovationWishes.meToo,
    })
    .from(renovationWishes)
    .where(eq(renovationWishes.projectId, projectId));
  const answered = rows.filter((r) => r.answeredAt !== null);
  const days = median(answered.map((r) => (r.answeredAt! - r.createdAt) / DAY_MS));
  return {
    received: rows.length,
    wishes: rows.filter((r) => r.kind === 'wish').length,
    objections: rows.filter((r) => r.kind === 'objection').length,
    answered: answered.length,
    cameTrue: rows.filter((r) => r.outcome === 'came_true').length,
    medianDaysToAnswer: days === null ? null : Math.round(days * 10) / 10,
    objectionsOpen: rows.filter((r) => r.kind === 'objection' && isOpenWish(r) && r.outcome !== 'in_plan').length,
    meToo: rows.reduce((sum, r) => sum + r.meToo, 0),
    byOutcome: Object.fromEntries(wishOutcomes.map((o) => [o, rows.filter((r) => r.outcome === o).length])),
  };
}
