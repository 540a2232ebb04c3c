import { count, eq } from 'drizzle-orm';
import {
  communities,
  compounds,
  helpEntries,
  helpHouseholds,
  staff,
  type VolunteerRole,
  volunteers,
} from '../../../schema/index.ts';
import type { Db } from '../../lib/platform.ts';
import { zhengzhouDay } from '../../lib/time.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The page says older Party members of 人和路6号院 took on the four roles (四大员) but names
 * none of them: these names are invented, and say so. Their phones are not real numbers.
 */
const renhe: { name: string; roles: VolunteerRole[] }[] = [
  { name: '（演示）老党员甲', roles: ['policy_promoter'] },
  { name: '（演示）老党员乙', roles: ['information_collector'] },
  { name: '（演示）老党员丙', roles: ['action_leader'] },
  { name: '（演示）老党员丁', roles: ['quality_supervisor'] },
];

async function placeOf(db: Db, slug: string) {
  const [place] = await db
    .select({ compoundId: compounds.id, communityId: compounds.communityId, subdistrictId: communities.subdistrictId })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .where(eq(compounds.slug, slug));
  if (!place) throw new Error(`demo volunteers: no compound ${slug}`);
  return place;
}

/**
 * The four officers of 人和路6号院 (shown publicly), a volunteer of 铁道洁云里 who signs in as
 * `jieyunli-volunteer` to record wishes and quality problems, and one household in difficulty
 * there that 洁云路社区 looks after (private). Loads nothing if a volunteer exists already.
 */
export async function loadDemoVolunteers(db: Db, now: number): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(volunteers);
  if (existing!.n > 0) return;
  const at = { createdAt: now, updatedAt: now };
  const renhePlace = await placeOf(db, 'renhelu-6');
  await db.insert(volunteers).values(
    renhe.map((v, i) => ({
      ...renhePlace,
      ...v,
      phone: `1390000${String(700 + i).padStart(4, '0')}`,
      publicConsent: true,
      ...at,
    })),
  );
  const jieyunli = await placeOf(db, 'tiedao-jieyunli');
  const [account] = await db.select({ id: staff.id }).from(staff).where(eq(staff.login, 'jieyunli-volunteer'));
  await db.insert(volunteers).values({
    ...jieyunli,
    name: '（演示）洁云里志愿者',
    roles: ['information_collector', 'quality_supervisor'],
    phone: '13900000710',
    publicConsent: true,
    staffId: account?.id ?? null,
    ...at,
  });
  const [jieyunlu] = await db.select({ id: staff.id }).from(staff).where(eq(staff.login, 'jieyunlu'));
  const [household] = await db
    .insert(helpHouseholds)
    .values({
      ...jieyunli,
      label: '（演示）3号楼独居老人',
      phone: '13900000720',
      note: '行动不便，子女在外地。',
      createdByStaffId: jieyunlu?.id ?? null,
      createdAt: now - 20 * DAY_MS,
      updatedAt: now - 3 * DAY_MS,
    })
    .returning({ id: helpHouseholds.id });
  await db.insert(helpEntries).values([
    {
      householdId: household!.id,
      givenOn: zhengzhouDay(now - 20 * DAY_MS),
      kind: 'visit',
      note: '入户看望，了解改造期间出行困难。',
      staffId: jieyunlu?.id ?? null,
      createdAt: now - 20 * DAY_MS,
    },
    {
      householdId: household!.id,
      givenOn: zhengzhouDay(now - 3 * DAY_MS),
      kind: 'necessities',
      note: '送去米、面、油。',
      staffId: jieyunlu?.id ?? null,
      createdAt: now - 3 * DAY_MS,
    },
  ]);
}
