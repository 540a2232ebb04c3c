import { Hono } from 'hono';
import type { AppEnv, Db } from '../lib/platform.ts';

type Named = { slug: string; name: string; nameEn: string };
export type CompoundNode = Named;
export type CommunityNode = Named & { nameAssumed: boolean; compounds: CompoundNode[] };
export type SubdistrictNode = Named & { communities: CommunityNode[] };

/** The place tree for pickers: sub-districts → communities → compounds, each sorted by slug. */
export async function loadPlaceTree(db: Db): Promise<SubdistrictNode[]> {
  const rows = await db.query.subdistricts.findMany({
    columns: { slug: true, name: true, nameEn: true },
    orderBy: (s, { asc }) => asc(s.slug),
    with: {
      communities: {
        columns: { slug: true, name: true, nameEn: true, nameAssumed: true },
        orderBy: (c, { asc }) => asc(c.slug),
        with: {
          compounds: { columns: { slug: true, name: true, nameEn: true }, orderBy: (p, { asc }) => asc(p.slug) },
        },
      },
    },
  });
  return rows;
}

export const places = new Hono<AppEnv>().get('/', async (c) => {
  c.header('Cache-Control', 'public, max-age=60');
  return c.json({ subdistricts: await loadPlaceTree(c.var.db) }, 200);
});
