import { createRoot } from 'solid-js';
import { persisted } from './storage.ts';

/** How far a resident looks: their community, its whole sub-district, or the whole district. */
export type Scope = 'community' | 'subdistrict' | 'district';
export const scopes: readonly Scope[] = ['community', 'subdistrict', 'district'];

/** The place a list is for, as the API takes it (one of the three; `district` is always '1'). */
export type PlaceQuery = { community?: string; subdistrict?: string; district?: '1' };

/** The scope each page was last set to on this phone: news, the board and events each keep their own. */
export const rememberedScope = createRoot(() => ({
  news: persisted<Scope>('linli.scope.news', 'community'),
  board: persisted<Scope>('linli.scope.board', 'community'),
  events: persisted<Scope>('linli.scope.events', 'community'),
}));
export type ScopedPage = keyof typeof rememberedScope;

/** A page's place words in its address: `?subdistrict=SLUG` or `?district=1`, as the API's. */
export type ScopeParams = { subdistrict?: string; district?: string };

/**
 * What a page lists: the place its address names (a shared link), else the resident's community
 * widened to the scope this phone last chose there; undefined when neither says.
 * @example placeQuery(params, 'news', prefs.place()) // { subdistrict: 'jianzhongjie' }
 */
export function placeQuery(
  params: ScopeParams,
  page: ScopedPage,
  place: { subdistrict: string; community: string } | null | undefined,
): PlaceQuery | undefined {
  if (params.district === '1') return { district: '1' };
  if (params.subdistrict) return { subdistrict: params.subdistrict };
  if (!place) return undefined;
  const scope = rememberedScope[page][0]();
  if (scope === 'district') return { district: '1' };
  if (scope === 'subdistrict') return { subdistrict: place.subdistrict };
  return { community: place.community };
}

/** The scope a place query stands for. */
export const scopeOf = (q: PlaceQuery): Scope =>
  q.district ? 'district' : q.subdistrict ? 'subdistrict' : 'community';

/**
 * Remembers the resident's choice for this page and gives the address words that say it; the
 * community needs none (the remembered choice is enough, and old links keep working).
 */
export function chooseScope(page: ScopedPage, scope: Scope, subdistrict: string): ScopeParams {
  rememberedScope[page][1](scope);
  return {
    subdistrict: scope === 'subdistrict' ? subdistrict : undefined,
    district: scope === 'district' ? '1' : undefined,
  };
}
