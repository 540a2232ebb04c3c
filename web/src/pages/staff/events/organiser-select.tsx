import { For } from 'solid-js';
import type { PlaceTree, StaffView } from '../../../lib/api.ts';
import { placeName, t } from '../../../lib/prefs.ts';

/** An organiser as the form keeps it: "community:jieyunlu" or "subdistrict:mifengzhang". */
export type OrganiserKey = `${'community' | 'subdistrict'}:${string}`;

/**
 * The organisers within a staff member's place (the server still decides): the whole district
 * any, a sub-district itself and its communities, a community only itself.
 */
export function organiserChoices(tree: PlaceTree, staff: StaffView) {
  const place = staff.place;
  const inCommunity = place?.type === 'community';
  return tree.subdistricts
    .filter(
      (s) =>
        !place ||
        (place.type === 'subdistrict' && place.slug === s.slug) ||
        s.communities.some((c) => inCommunity && c.slug === place.slug),
    )
    .map((s) => ({
      subdistrict: s,
      mayOrganise: !inCommunity,
      communities: s.communities.filter((c) => !inCommunity || c.slug === place?.slug),
    }));
}

/** The compounds an event of this organiser may be held in. */
export function compoundsOf(tree: PlaceTree, key: OrganiserKey) {
  const [level, slug] = key.split(':') as ['community' | 'subdistrict', string];
  const communities = tree.subdistricts.flatMap((s) =>
    level === 'subdistrict' && s.slug !== slug ? [] : s.communities,
  );
  return communities.filter((c) => level === 'subdistrict' || c.slug === slug).flatMap((c) => c.compounds);
}

/** A native select of organisers, grouped by sub-district. */
export function OrganiserSelect(props: {
  tree: PlaceTree;
  staff: StaffView;
  value: OrganiserKey;
  onChange: (key: OrganiserKey) => void;
}) {
  return (
    <>
      <label for="ev-organiser">{t('eventOrganiser')}</label>
      <select
        id="ev-organiser"
        name="organiser"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as OrganiserKey)}
      >
        <For each={organiserChoices(props.tree, props.staff)}>
          {(group) => (
            <optgroup label={placeName(group.subdistrict)}>
              {group.mayOrganise ? (
                <option value={`subdistrict:${group.subdistrict.slug}`}>{placeName(group.subdistrict)}</option>
              ) : null}
              <For each={group.communities}>{(c) => <option value={`community:${c.slug}`}>{placeName(c)}</option>}</For>
            </optgroup>
          )}
        </For>
      </select>
    </>
  );
}
