import { and, eq, sql } from 'drizzle-orm';
import {
  communities,
  compounds,
  propertyCompanies,
  propertyCompanyCompounds,
  type RobotOwnerKind,
  staffNotices,
  staffRobots,
} from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntry, auditEntryOrAbort, isLostRace } from '../staff/audit.ts';
import { authorize, type PlaceRef, type StaffMember } from '../staff/policy.ts';
import type { NewRobot, RobotChange } from './input.ts';
import { maskWebhook, webhookProblem } from './webhook.ts';

type RobotRow = typeof staffRobots.$inferSelect;

const notFound = () => new ApiError(404, 'robot_not_found', 'No such robot.');
const badWebhook = (why: string) => new ApiError(400, 'invalid_input', why, { webhookUrl: why });

/** A robot as the browser sees it: the webhook masked, the secret only as "set or not". */
export const robotView = (r: RobotRow) => ({
  id: r.id,
  ownerKind: r.ownerKind,
  ownerId: r.ownerId,
  platform: r.platform,
  webhook: maskWebhook(r.webhookUrl),
  signed: !!r.signingSecret,
  enabled: r.enabled,
  lastDelivery: r.lastDeliveryAt ? { at: r.lastDeliveryAt, ok: !!r.lastDeliveryOk, error: r.lastDeliveryError } : null,
  retryAt: r.failures > 0 ? r.nextAttemptAt : null,
});

/** The sub-districts a property company works in (through the compounds it serves). */
async function companySubdistricts(db: Db, companyId: number) {
  const rows = await db
    .selectDistinct({ id: communities.subdistrictId })
    .from(propertyCompanyCompounds)
    .innerJoin(compounds, eq(compounds.id, propertyCompanyCompounds.compoundId))
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(eq(propertyCompanyCompounds.propertyCompanyId, companyId));
  return rows.map((r) => r.id);
}

/** Where a robot's owner stands for the policy, or null when there is no such owner. */
async function ownerPlace(db: Db, me: StaffMember, kind: RobotOwnerKind, id: number): Promise<PlaceRef | null> {
  if (kind === 'community') {
    const [c] = await db
      .select({ subdistrictId: communities.subdistrictId })
      .from(communities)
      .where(eq(communities.id, id));
    return c ? { subdistrictId: c.subdistrictId, communityId: id } : null;
  }
  const [p] = await db.select({ id: propertyCompanies.id }).from(propertyCompanies).where(eq(propertyCompanies.id, id));
  if (!p) return null;
  // A company working in several sub-districts is in each of them: in the staff member's, if at all.
  const subs = await companySubdistricts(db, id);
  const sub = subs.includes(me.subdistrictId ?? -1) ? me.subdistrictId : (subs[0] ?? null);
  return { subdistrictId: sub, communityId: null, propertyCompanyId: id };
}

/** The robot with this id, if the staff member may manage it (404 outside their place, else 403). */
export async function manageableRobot(db: Db, me: StaffMember, id: number) {
  const [robot] = await db.select().from(staffRobots).where(eq(staffRobots.id, id));
  if (!robot) throw notFound();
  const place = await ownerPlace(db, me, robot.ownerKind, robot.ownerId);
  if (!place) throw notFound();
  authorize(me, 'robots.manage', place, 'robot');
  return robot;
}

const ownerKey = (r: { ownerKind: string; ownerId: number }) => `${r.ownerKind}:${r.ownerId}`;

/**
 * Configures the robot of a community or property company (one each), audited in the same batch.
 * @example await addRobot(db, admin, { ownerKind: 'community', ownerId: 1, platform: 'wecom', webhookUrl }, [], now)
 */
export async function addRobot(db: Db, me: StaffMember, input: NewRobot, extraHosts: readonly string[], now: number) {
  const place = await ownerPlace(db, me, input.ownerKind, input.ownerId);
  if (!place) {
    const why = `No such ${input.ownerKind === 'community' ? 'community' : 'property company'}.`;
    throw new ApiError(400, 'invalid_input', why, { ownerId: why });
  }
  authorize(me, 'robots.manage', place, input.ownerKind === 'community' ? 'community' : 'place');
  const problem = webhookProblem(input.platform, input.webhookUrl, extraHosts);
  if (problem) throw badWebhook(problem);
  try {
    await db.batch([
      db
        .insert(staffRobots)
        .values({ ...input, signingSecret: input.signingSecret || null, createdAt: now, updatedAt: now })
        .onConflictDoNothing(),
      auditEntryOrAbort(db, me, 'robot.create', 'robot', ownerKey(input), now, { platform: input.platform }),
    ]);
  } catch (err) {
    if (isLostRace(err))
      throw new ApiError(409, 'robot_exists', 'This place has a robot already: change that one.', {
        ownerId: 'Has a robot already.',
      });
    throw err;
  }
  const [robot] = await db
    .select()
    .from(staffRobots)
    .where(and(eq(staffRobots.ownerKind, input.ownerKind), eq(staffRobots.ownerId, input.ownerId)));
  return robot!;
}

/**
 * Changes a robot's platform, webhook, secret or switch; turning it off drops what was waiting
 * (it would be stale when it comes back). Audited without the URL or the secret.
 * @example await changeRobot(db, admin, robot, { enabled: false }, [], now)
 */
export async function changeRobot(
  db: Db,
  me: StaffMember,
  robot: RobotRow,
  change: RobotChange,
  extraHosts: readonly string[],
  now: number,
) {
  const platform = change.platform ?? robot.platform;
  const webhookUrl = change.webhookUrl ?? robot.webhookUrl;
  if (change.platform || change.webhookUrl) {
    const problem = webhookProblem(platform, webhookUrl, extraHosts);
    if (problem) throw badWebhook(problem);
  }
  const off = change.enabled === false;
  await db.batch([
    db
      .update(staffRobots)
      .set({
        platform,
        webhookUrl,
        ...(change.signingSecret !== undefined ? { signingSecret: change.signingSecret || null } : {}),
        ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
        // A new address starts afresh: no back-off carried over from the old one.
        ...(change.webhookUrl ? { failures: 0, nextAttemptAt: null } : {}),
        updatedAt: now,
      })
      .where(eq(staffRobots.id, robot.id)),
    ...(off
      ? [
          db.run(sql`update ${staffNotices} set status = 'dropped' where status = 'pending' and batch_id is null
            and owner_kind = ${robot.ownerKind} and owner_id = ${robot.ownerId}`),
        ]
      : []),
    auditEntry(db, me, 'robot.update', 'robot', ownerKey(robot), now, {
      platform,
      webhookChanged: !!change.webhookUrl,
      secretChanged: change.signingSecret !== undefined,
      ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
    }),
  ]);
  const [updated] = await db.select().from(staffRobots).where(eq(staffRobots.id, robot.id));
  return updated!;
}
