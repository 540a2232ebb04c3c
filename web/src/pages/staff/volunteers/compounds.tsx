import { createAsync } from '@solidjs/router';
import { For } from 'solid-js';
import { FieldError } from '../../../components/field.tsx';
import { getPlaces } from '../../../lib/places.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';

/** The compounds of the signed-in staff member's place, to choose one in a form. */
export function CompoundSelect(props: { id: string }) {
  const tree = createAsync(() => getPlaces());
  const me = createAsync(() => getMe());
  const compounds = () => {
    const place = me()?.staff?.place;
    return (tree()?.subdistricts ?? [])
      .filter((s) => place?.type !== 'subdistrict' || s.slug === place.slug)
      .flatMap((s) => s.communities)
      .filter((c) => place?.type !== 'community' || c.slug === place.slug)
      .flatMap((c) => c.compounds);
  };
  return (
    <>
      <label for={props.id}>{t('volunteerCompound')}</label>
      <select id={props.id} name="compound" required>
        <For each={compounds()}>{(c) => <option value={c.slug}>{placeName(c)}</option>}</For>
      </select>
      <FieldError name="compound" id={`${props.id}-error`} />
    </>
  );
}
