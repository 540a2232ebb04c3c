import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import {
  communities,
  compounds,
  districts,
  partners,
  propertyCompanies,
  propertyCompanyCompounds,
  type Role,
  staff,
  subdistricts,
} from '../../../schema/index.ts';
import type { Db } from '../../lib/platform.ts';
import { resolveStaffPlace } from '../../staff/directory.ts';
import { hashPassword } from '../../staff/password.ts';
import { loadDemoDesk } from './desk.ts';
import { loadDemoEvents } from './events.ts';
import { loadDemoHomeVisits } from './home-visits.ts';
import { loadDemoMessages } from './messages.ts';
import { loadDemoNews } from './news.ts';
import { loadDemoRenovation } from './renovation.ts';
import { loadDemoVolunteers } from './volunteers.ts';

/**
 * Demo data from the Erqi District newspaper page (see the shared domain brief).
 * Where the page does not name a place, the name is ours and marked `nameAssumed`.
 */
const district = { slug: 'erqi', name: '二七区', nameEn: 'Erqi District' };

const subdistrictRows = [
  { slug: 'huaihelu', name: '淮河路街道', nameEn: 'Huaihe Road Sub-district' },
  { slug: 'jianzhongjie', name: '建中街街道', nameEn: 'Jianzhong Street Sub-district' },
  { slug: 'songshanlu', name: '嵩山路街道', nameEn: 'Songshan Road Sub-district' },
  { slug: 'mifengzhang', name: '蜜蜂张街道', nameEn: 'Mifengzhang Sub-district' },
  { slug: 'jingguanglu', name: '京广路街道', nameEn: 'Jingguang Road Sub-district' },
];

const communityRows = [
  {
    subdistrict: 'huaihelu',
    slug: 'renhelu',
    code: 'RH',
    name: '人和路社区',
    nameEn: 'Renhe Road Community',
    nameAssumed: true,
  },
  {
    subdistrict: 'jianzhongjie',
    slug: 'yongan',
    code: 'YA',
    name: '永安社区',
    nameEn: "Yong'an Community",
    nameAssumed: false,
  },
  {
    subdistrict: 'songshanlu',
    slug: 'gongrenlu',
    code: 'GR',
    name: '工人路社区',
    nameEn: 'Gongren Road Community',
    nameAssumed: false,
  },
  {
    subdistrict: 'jingguanglu',
    slug: 'jieyunlu',
    code: 'JY',
    name: '洁云路社区',
    nameEn: 'Jieyun Road Community',
    nameAssumed: false,
  },
];

const units = ['1单元', '2单元'];
const compoundRows = [
  {
    community: 'renhelu',
    slug: 'renhelu-6',
    name: '人和路6号院',
    nameEn: 'Renhe Road No. 6 Courtyard',
    nameAssumed: false,
    buildings: [],
  },
  {
    community: 'jieyunlu',
    slug: 'tiedao-jieyunli',
    name: '铁道洁云里小区',
    nameEn: 'Tiedao Jieyunli Compound',
    nameAssumed: false,
    buildings: [],
  },
  {
    community: 'yongan',
    slug: 'yongan-jiayuan',
    name: '永安家园',
    nameEn: "Yong'an Homes",
    nameAssumed: true,
    buildings: ['1号楼', '2号楼', '3号楼'].map((name) => ({ name, units })),
  },
];

const propertyCompany = { slug: 'yongan-wuye', name: '永安物业服务有限公司', nameEn: "Yong'an Property Services" };

const partnerRows = [
  {
    slug: 'boc-zhongyuan',
    name: '中国银行郑州中原支行',
    nameEn: 'Bank of China, Zhengzhou Zhongyuan Branch',
    kind: 'bank' as const,
    contact: '中原支行营业厅（上门服务请经社区预约）',
    contactEn: 'The Zhongyuan branch counter (home visits are booked through the community)',
  },
  {
    slug: 'songshanlu-dpf',
    name: '嵩山路街道残联',
    nameEn: "Songshan Road Disabled Persons' Federation",
    kind: 'federation' as const,
    contact: '嵩山路街道办事处残联窗口',
    contactEn: "The federation's window at the Songshan Road sub-district office",
  },
];

/**
 * One account per role for the demo places (and Jieyun Road's committee, who publish its
 * correspondent's reports; Gongren Road's committee, its sub-district and the two partner
 * organisations, who work its home visits); one password per database.
 */
export const demoStaff: { login: string; displayName: string; role: Role; place?: string }[] = [
  { login: 'erqi-admin', displayName: '二七区管理员', role: 'admin' },
  { login: 'jianzhongjie', displayName: '建中街街道办', role: 'subdistrict', place: 'jianzhongjie' },
  { login: 'yongan', displayName: '永安社区居委会', role: 'community', place: 'yongan' },
  { login: 'yongan-wuye', displayName: '永安物业值班员', role: 'property', place: 'yongan-wuye' },
  { login: 'weihongmin', displayName: '魏红敏（通讯员）', role: 'correspondent', place: 'jieyunlu' },
  { login: 'jieyunlu', displayName: '洁云路社区居委会', role: 'community', place: 'jieyunlu' },
  { login: 'songshanlu', displayName: '嵩山路街道办', role: 'subdistrict', place: 'songshanlu' },
  { login: 'gongrenlu', displayName: '工人路社区居委会', role: 'community', place: 'gongrenlu' },
  { login: 'boc-zhongyuan', displayName: '中国银行郑州中原支行', role: 'partner', place: 'boc-zhongyuan' },
  { login: 'canlian-songshanlu', displayName: '嵩山路街道残联', role: 'partner', place: 'songshanlu-dpf' },
  // A resident volunteer (四大员) of 铁道洁云里, not staff: records wishes and quality problems there.
  { login: 'jieyunli-volunteer', displayName: '（演示）洁云里志愿者', role: 'volunteer', place: 'tiedao-jieyunli' },
];

/** True when the database holds no places yet, i.e. it is new. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(subdistricts);
  return row!.n === 0;
}

/**
 * Loads the demo data. Idempotent: every insert skips rows whose slug or login already exists.
 * With a pepper it also creates the demo staff accounts, and returns their password when it
 * created any (a random one unless given).
 */
export async function loadDemoData(db: Db, options: { pepper?: string; staffPassword?: string; now?: number } = {}) {
  await loadDemoPlaces(db);
  const staffPassword = options.pepper ? await loadDemoStaff(db, options.pepper, options.staffPassword) : undefined;
  await loadDemoDesk(db, options.now ?? Date.now());
  await loadDemoHomeVisits(db, options.now ?? Date.now());
  await loadDemoNews(db);
  // After the news: last week's class links to the report about it, if there is one.
  await loadDemoEvents(db, options.now ?? Date.now());
  // After news and events: a project links its story, and its joint meetings are events.
  await loadDemoRenovation(db, options.now ?? Date.now());
  await loadDemoVolunteers(db, options.now ?? Date.now());
  // Last: what the desk's changes would have texted the residents who asked.
  await loadDemoMessages(db, options.pepper ?? 'linli-message-stop', options.now ?? Date.now());
  return { staffPassword };
}

async function loadDemoStaff(db: Db, pepper: string, given?: string): Promise<string | undefined> {
  const password = given ?? randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password, pepper);
  let created = 0;
  for (const account of demoStaff) {
    const place = await resolveStaffPlace(db, account.role, account.place);
    if (typeof place === 'string') throw new Error(`demo data: ${place}`);
    const now = Date.now();
    const rows = await db
      .insert(staff)
      .values({
        login: account.login,
        displayName: account.displayName,
        role: account.role,
        ...place,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: staff.id });
    created += rows.length;
  }
  return created > 0 ? password : undefined;
}

async function loadDemoPlaces(db: Db): Promise<void> {
  await db.insert(districts).values(district).onConflictDoNothing();
  const districtId = await idOf(db, districts, district.slug);

  await db
    .insert(subdistricts)
    .values(subdistrictRows.map((s) => ({ ...s, districtId })))
    .onConflictDoNothing();
  for (const { subdistrict, ...row } of communityRows) {
    const subdistrictId = await idOf(db, subdistricts, subdistrict);
    await db
      .insert(communities)
      .values({ ...row, subdistrictId })
      .onConflictDoNothing();
  }
  for (const { community, ...row } of compoundRows) {
    const communityId = await idOf(db, communities, community);
    await db
      .insert(compounds)
      .values({ ...row, communityId })
      .onConflictDoNothing();
  }
  await db.insert(propertyCompanies).values(propertyCompany).onConflictDoNothing();
  await db
    .insert(propertyCompanyCompounds)
    .values({
      propertyCompanyId: await idOf(db, propertyCompanies, propertyCompany.slug),
      compoundId: await idOf(db, compounds, 'yongan-jiayuan'),
    })
    .onConflictDoNothing();
  await db.insert(partners).values(partnerRows).onConflictDoNothing();
}

type SluggedTable =
  | typeof districts
  | typeof subdistricts
  | typeof communities
  | typeof compounds
  | typeof propertyCompanies;

async function idOf(db: Db, table: SluggedTable, slug: string): Promise<number> {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(`demo data: no row with slug ${slug}`);
  return row.id;
}
