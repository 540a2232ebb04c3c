import { and, gt, inArray, min, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { publicWrites } from '../../schema/index.ts';
import { hashToken } from './crypto.ts';
import { ApiError } from './errors.ts';
import type { AppEnv } from './platform.ts';
import { HOUR_MS } from './time.ts';

/**
 * Which writes share one hourly budget: residents' tickets, sign-ups, wishes, home-visit requests
 * and "me too"s count together.
 */
const budgets = {
  write: { kinds: ['ticket', 'signup', 'me-too', 'wish', 'home-visit'], factor: 1 },
  upload: { kinds: ['photo'], factor: 4 },
} as const;
type Kind = (typeof budgets)[keyof typeof budgets]['kinds'][number];

/**
 * Counts one resident write against the client address's hourly budget, atomically, or
 * answers 429 with Retry-After. The budget is `PUBLIC_WRITES_PER_HOUR` (photos get four times it).
 * @example await countPublicWrite(c, 'ticket')
 */
export async function countPublicWrite(c: Context<AppEnv>, kind: Kind): Promise<void> {
  const { db, platform } = c.var;
  const budget = Object.values(budgets).find((b) => (b.kinds as readonly string[]).includes(kind))!;
  const limit = platform.publicWritesPerHour * budget.factor;
  const address = platform.clientAddress(c);
  const now = platform.now();
  const kinds = budget.kinds as readonly string[];
  const inWindow = and(
    sql`${publicWrites.address} = ${address}`,
    inArray(publicWrites.kind, kinds),
    gt(publicWrites.at, now - HOUR_MS),
  );
  // Insert only while under the limit, in one statement, so parallel requests cannot overshoot.
  // Counting stops at the limit, so an address shared by many (a compound behind one carrier
  // address) costs no more to check than one resident.
  const result = await db.run(sql`
    insert into ${publicWrites} (address, kind, at)
    select ${address}, ${kind}, ${now}
    where (select count(*) from (select 1 from ${publicWrites} where ${inWindow} limit ${limit})) < ${limit}`);
  if (result.rowsAffected === 1) return;
  const [oldest] = await db
    .select({ at: min(publicWrites.at) })
    .from(publicWrites)
    .where(inWindow);
  const wait = Math.max(1, Math.ceil(((oldest?.at ?? now) + HOUR_MS - now) / 1000));
  throw new ApiError(
    429,
    'too_many_writes',
    `Too many submissions from this network. Try again in ${Math.ceil(wait / 60)} minutes.`,
    undefined,
    {
      'Retry-After': String(wait),
    },
  );
}

/**
 * Who a "me too" comes from: the client address under the server's secret, so one network counts
 * once and the address itself is never kept.
 * @example await recordMeToo(db, ticketId, await neighbourKey(c), now)
 */
export const neighbourKey = (c: Context<AppEnv>) =>
  hashToken(`${c.var.platform.authPepper ?? ''}|${c.var.platform.clientAddress(c)}`);

/** Forgets writes older than the window (run by the hourly job). */
export async function purgePublicWrites(db: AppEnv['Variables']['db'], now: number): Promise<void> {
  await db.delete(publicWrites).where(sql`${publicWrites.at} <= ${now - HOUR_MS}`);
}
