import { asc, eq } from 'drizzle-orm';
import { compounds } from '../../schema/index.ts';
import { activeCategories } from '../desk/categories.ts';
import type { Db } from '../lib/platform.ts';
import { findCommunity } from '../places/places.ts';
import { open311Error } from './format.ts';

/** What Open311 calls an owner: the group a service belongs to. */
const groups = { community: '社区居委会', property: '物业公司', joint: '社区与物业联合' } as const;

/**
 * A jurisdiction's desk: its community (jurisdiction_id = the community's slug), the categories
 * residents can file as tickets (home-visit categories are requests of another kind), and its
 * compounds, which every service offers as its one attribute.
 */
export async function jurisdiction(db: Db, slug: string | undefined) {
  if (!slug) throw open311Error(400, 'jurisdiction_id is required: the community, e.g. yongan.');
  const community = await findCommunity(db, slug).catch(() => {
    throw open311Error(404, `No jurisdiction ${slug}.`);
  });
  const [categories, places] = await Promise.all([
    activeCategories(db, community),
    db
      .select({ slug: compounds.slug, name: compounds.name })
      .from(compounds)
      .where(eq(compounds.communityId, community.id))
      .orderBy(asc(compounds.id)),
  ]);
  return { community, categories: categories.filter((c) => !c.homeVisits), compounds: places };
}
type Jurisdiction = Awaited<ReturnType<typeof jurisdiction>>;

/** GET services: one service per active category, `metadata` true where it takes a compound. */
export const serviceList = (j: Jurisdiction) =>
  j.categories.map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: c.examples,
    metadata: j.compounds.length > 0,
    type: 'realtime',
    keywords: c.nameEn,
    group: groups[c.owner],
  }));

/** GET services/CODE: the service definition, its one optional attribute the compound. */
export function serviceDefinition(j: Jurisdiction, code: string) {
  if (!j.categories.some((c) => c.code === code)) throw open311Error(404, `No service ${code} in ${j.community.slug}.`);
  const attributes = j.compounds.length
    ? [
        {
          variable: true,
          code: 'compound',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: 'The compound (小区) the problem is in, if it is in one.',
          order: 1,
          description: '所在小区',
          values: j.compounds.map((c) => ({ key: c.slug, name: c.name })),
        },
      ]
    : [];
  return { service_code: code, attributes };
}
