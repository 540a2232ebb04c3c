import { createSignal, For, Show } from 'solid-js';
import type { Subdistrict } from '../lib/api.ts';
import { placeName, prefs, t } from '../lib/prefs.ts';

/** Two native selects (the phone's own picker suits elderly hands best): sub-district, then community. */
export function PlacePicker(props: { subdistricts: Subdistrict[] }) {
  const [subdistrictSlug, setSubdistrictSlug] = createSignal(prefs.place()?.subdistrict ?? '');
  const subdistrict = () => props.subdistricts.find((s) => s.slug === subdistrictSlug());

  const chooseCommunity = (slug: string) => {
    if (slug) prefs.setPlace({ subdistrict: subdistrictSlug(), community: slug });
  };

  return (
    <form class="picker" onSubmit={(e) => e.preventDefault()}>
      <label for="subdistrict">{t('subdistrict')}</label>
      <select id="subdistrict" value={subdistrictSlug()} onChange={(e) => setSubdistrictSlug(e.currentTarget.value)}>
        <option value="" disabled>
          {t('chooseSubdistrict')}
        </option>
        <For each={props.subdistricts}>{(s) => <option value={s.slug}>{placeName(s)}</option>}</For>
      </select>
      <Show when={subdistrict()}>
        {(s) => (
          <Show when={s().communities.length > 0} fallback={<p class="hint">{t('noCommunities')}</p>}>
            <label for="community">{t('community')}</label>
            <select
              id="community"
              value={prefs.place()?.subdistrict === s().slug ? prefs.place()!.community : ''}
              onChange={(e) => chooseCommunity(e.currentTarget.value)}
            >
              <option value="" disabled>
                {t('chooseCommunity')}
              </option>
              <For each={s().communities}>
                {(c) => (
                  <option value={c.slug}>
                    {placeName(c)}
                    {c.nameAssumed ? t('nameAssumed') : ''}
                  </option>
                )}
              </For>
            </select>
          </Show>
        )}
      </Show>
    </form>
  );
}
