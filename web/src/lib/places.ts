import { query } from '@solidjs/router';
import { api, json, type PlaceTree } from './api.ts';
import { prefs } from './prefs.ts';

/** The place tree, loaded once and shared by every page. */
export const getPlaces = query(async () => json(await api.places.$get()), 'places');

/** The resident's chosen sub-district and community, looked up in the tree. */
export function chosenPlace(tree: PlaceTree | undefined) {
  const place = prefs.place();
  const subdistrict = tree?.subdistricts.find((s) => s.slug === place?.subdistrict);
  const community = subdistrict?.communities.find((c) => c.slug === place?.community);
  return subdistrict && community ? { subdistrict, community } : undefined;
}

/**
 * The communities a staff member's place covers, from the tree: their own community, their
 * sub-district's, or all of them for the district.
 * @example staffCommunities(me()?.staff?.place, places())
 */
export function staffCommunities(own: { type: string; slug: string } | null | undefined, tree: PlaceTree | undefined) {
  const all = (tree?.subdistricts ?? []).flatMap((s) => s.communities.map((c) => ({ ...c, subdistrict: s.slug })));
  if (own?.type === 'community') return all.filter((c) => c.slug === own.slug);
  if (own?.type === 'subdistrict') return all.filter((c) => c.subdistrict === own.slug);
  return all;
}
