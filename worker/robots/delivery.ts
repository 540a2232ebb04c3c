import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  communities,
  propertyCompanies,
  type RobotOwnerKind,
  type RobotPlatform,
  staffNotices,
  staffRobots,
} from '../../schema/index.ts';
import { randomToken } from '../lib/crypto.ts';
import type { Db } from '../lib/platform.ts';
import { type DigestNotice, digest, robotPayload, signedUrl } from './payloads.ts';
import { webhookProblem } from './webhook.ts';

/** How a message leaves: `fetch` in both runtimes, a stand-in in tests. */
export type RobotSend = (url: string, init: RequestInit) => Promise<Response>;

/** A burst becomes one message: wait until the oldest pending notice is this old… */
export const WAIT_MS = 2 * 60 * 1000;
/** …or this many are waiting. */
export const PILE = 10;
/** A runner holds a robot this long; the request's own timeout is well inside it. */
const LEASE_MS = 60 * 1000;
const TIMEOUT_MS = 10 * 1000;
/** Both platforms allow 20 messages a minute per robot: never two within 3 seconds. */
const MIN_GAP_MS = 3 * 1000;
/** WeCom 45009 and DingTalk 130101: "too many messages", answered with HTTP 200. */
const RATE_LIMITED = new Set([45009, 130101]);

type Robot = {
  id: number;
  ownerKind: RobotOwnerKind;
  ownerId: number;
  platform: RobotPlatform;
  webhookUrl: string;
  signingSecret: string | null;
};

export type Delivery = { ok: true } | { ok: false; error: string; rateLimited: boolean };

/**
 * Posts one markdown message to a robot and reads its answer: both platforms say HTTP 200 with
 * `errcode` ≠ 0 when they refuse. The error never quotes the URL (it holds the robot's key).
 * @example await postToRobot(fetch, robot, { title, text }, Date.now(), [])
 */
export async function postToRobot(
  send: RobotSend,
  robot: Robot,
  message: { title: string; text: string },
  now: number,
  extraHosts: readonly string[],
): Promise<Delivery> {
  if (webhookProblem(robot.platform, robot.webhookUrl, extraHosts))
    return { ok: false, error: 'webhook not allowed', rateLimited: false };
  try {
    const res = await send(await signedUrl(robot.webhookUrl, robot.signingSecret, now), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(robotPayload(robot.platform, message)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) return { ok: false, error: `HTTP ${res.status}`, rateLimited: res.status === 429 };
    const answer = (await res.json().catch(() => null)) as { errcode?: unknown; errmsg?: unknown } | null;
    if (answer?.errcode === 0) return { ok: true };
    const code = Number(answer?.errcode);
    return {
      ok: false,
      error: `errcode ${answer?.errcode ?? '?'}: ${String(answer?.errmsg ?? '').slice(0, 200)}`,
      rateLimited: RATE_LIMITED.has(code),
    };
  } catch (err) {
    return {
      ok: false,
      error: (err as Error).name === 'TimeoutError' ? 'timeout' : 'network error',
      rateLimited: false,
    };
  }
}

/** The robot's state after a delivery: back off after an error, a little longer when rate-limited. */
export function afterDelivery(result: Delivery, failures: number, now: number) {
  if (result.ok) return { failures: 0, nextAttemptAt: now + MIN_GAP_MS, lastDeliveryOk: true, lastDeliveryError: null };
  const delay = Math.min(30 * 60 * 1000, (result.rateLimited ? 60_000 : 30_000) * 2 ** Math.min(failures, 6));
  return { failures: failures + 1, nextAttemptAt: now + delay, lastDeliveryOk: false, lastDeliveryError: result.error };
}

const ownerMatch = sql`n.owner_kind = ${staffRobots.ownerKind} and n.owner_id = ${staffRobots.ownerId} and n.status = 'pending'`;

/** Claims, in one batch, every robot that is due a message and its pending notices, under a lease. */
async function claim(db: Db, lease: string, now: number) {
  const [robots, notices] = await db.batch([
    db
      .update(staffRobots)
      .set({ leaseId: lease, leaseUntil: now + LEASE_MS })
      .where(
        and(
          eq(staffRobots.enabled, true),
          sql`(${staffRobots.leaseUntil} is null or ${staffRobots.leaseUntil} < ${now})`,
          sql`(${staffRobots.nextAttemptAt} is null or ${staffRobots.nextAttemptAt} <= ${now})`,
          sql`((select min(n.created_at) from ${staffNotices} n where ${ownerMatch}) <= ${now - WAIT_MS}
            or (select count(*) from ${staffNotices} n where ${ownerMatch}) >= ${PILE})`,
        ),
      )
      .returning(),
    db.all<
      DigestNotice & { id: number; ownerKind: RobotOwnerKind; ownerId: number }
    >(sql`update ${staffNotices} set batch_id = ${lease}
      where status = 'pending' and exists (select 1 from ${staffRobots} r where r.lease_id = ${lease}
        and r.owner_kind = ${staffNotices.ownerKind} and r.owner_id = ${staffNotices.ownerId})
      returning id, owner_kind as ownerKind, owner_id as ownerId, kind, ticket_number as ticketNumber, summary`),
  ]);
  return { robots, notices: [...notices].sort((a, b) => a.id - b.id) };
}

/** Names of the robots' owners, for the message's title. */
async function ownerNames(db: Db, robots: readonly Robot[]) {
  const ids = (kind: RobotOwnerKind) => robots.filter((r) => r.ownerKind === kind).map((r) => r.ownerId);
  const [c, p] = await Promise.all([
    ids('community').length
      ? db
          .select({ id: communities.id, name: communities.name })
          .from(communities)
          .where(inArray(communities.id, ids('community')))
      : [],
    ids('company').length
      ? db
          .select({ id: propertyCompanies.id, name: propertyCompanies.name })
          .from(propertyCompanies)
          .where(inArray(propertyCompanies.id, ids('company')))
      : [],
  ]);
  return (r: Robot) => (r.ownerKind === 'community' ? c : p).find((o) => o.id === r.ownerId)?.name ?? '';
}

/**
 * Sends, per robot, ONE message summarising every pending notice once the oldest has waited
 * WAIT_MS (or PILE are waiting), then marks them sent; a refused message leaves them pending
 * and the robot backs off. Two runners never send the same notices: robots and notices are
 * claimed under a lease in one batch. Runs every minute (the Worker's cron, Node's loop).
 * @example await deliverStaffNotices(db, fetch, Date.now(), { origin: 'https://linli.example' })
 */
export async function deliverStaffNotices(
  db: Db,
  send: RobotSend,
  now: number,
  opts: { origin?: string; extraHosts?: readonly string[] } = {},
): Promise<{ messages: number; failed: number }> {
  const lease = randomToken();
  const { robots, notices } = await claim(db, lease, now);
  if (robots.length === 0) return { messages: 0, failed: 0 };
  const nameOf = await ownerNames(db, robots);
  let failed = 0;
  await Promise.all(
    robots.map(async (robot) => {
      const mine = notices.filter((n) => n.ownerKind === robot.ownerKind && n.ownerId === robot.ownerId);
      const result: Delivery = mine.length
        ? await postToRobot(send, robot, digest(nameOf(robot), mine, opts.origin), now, opts.extraHosts ?? [])
        : { ok: true };
      if (!result.ok) failed++;
      const sameBatch = sql`batch_id = ${lease} and owner_kind = ${robot.ownerKind} and owner_id = ${robot.ownerId}`;
      await db.batch([
        result.ok
          ? db.run(sql`update ${staffNotices} set status = 'sent', sent_at = ${now} where ${sameBatch}`)
          : db.run(sql`update ${staffNotices} set batch_id = null where ${sameBatch}`),
        db
          .update(staffRobots)
          .set({
            leaseId: null,
            leaseUntil: null,
            ...afterDelivery(result, robot.failures, now),
            ...(mine.length ? { lastDeliveryAt: now } : {}),
          })
          .where(and(eq(staffRobots.id, robot.id), eq(staffRobots.leaseId, lease))),
      ]);
    }),
  );
  return { messages: robots.length - failed, failed };
}
