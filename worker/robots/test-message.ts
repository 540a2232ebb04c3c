import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { staffRobots } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntry } from '../staff/audit.ts';
import type { StaffMember } from '../staff/policy.ts';
import { afterDelivery, postToRobot, type RobotSend } from './delivery.ts';
import { escapeMarkdown } from './payloads.ts';
import { robotView } from './robots.ts';

/** One test message per robot per minute: the button cannot be used to flood a group. */
export const TEST_EVERY_MS = 60 * 1000;

/**
 * Sends "this robot works" to the group now, and keeps the answer as the robot's last delivery.
 * @example const { delivery } = await sendTestMessage(db, fetch, me, robot, now, { extraHosts: [] })
 */
export async function sendTestMessage(
  db: Db,
  send: RobotSend,
  me: StaffMember,
  robot: typeof staffRobots.$inferSelect,
  now: number,
  opts: { origin?: string; extraHosts: readonly string[] },
) {
  const [claimed] = await db
    .update(staffRobots)
    .set({ lastTestAt: now })
    .where(
      and(
        eq(staffRobots.id, robot.id),
        or(isNull(staffRobots.lastTestAt), lt(staffRobots.lastTestAt, now - TEST_EVERY_MS)),
      ),
    )
    .returning({ id: staffRobots.id });
  if (!claimed) {
    const wait = Math.ceil(((robot.lastTestAt ?? now) + TEST_EVERY_MS - now) / 1000);
    throw new ApiError(429, 'too_many_attempts', 'A test message was sent a moment ago: wait a minute.', undefined, {
      'Retry-After': String(Math.max(1, wait)),
    });
  }
  const text = [
    '### 邻里 · 测试消息',
    `${escapeMarkdown(me.displayName)} 从邻里工作台发送了这条测试消息：新诉求、分派、超期和明日回访会在这里汇总提醒。`,
    ...(opts.origin ? [`[打开工作台](${opts.origin}/staff/desk)`] : []),
  ].join('\n');
  const delivery = await postToRobot(send, robot, { title: '邻里 · 测试消息', text }, now, opts.extraHosts);
  const after = afterDelivery(delivery, robot.failures, now);
  const [updated] = await db.batch([
    db
      .update(staffRobots)
      .set({ lastDeliveryAt: now, lastDeliveryOk: after.lastDeliveryOk, lastDeliveryError: after.lastDeliveryError })
      .where(eq(staffRobots.id, robot.id))
      .returning(),
    auditEntry(db, me, 'robot.test', 'robot', `${robot.ownerKind}:${robot.ownerId}`, now, { ok: delivery.ok }),
  ]);
  return { delivery: delivery.ok ? { ok: true } : { ok: false, error: delivery.error }, robot: robotView(updated[0]!) };
}
