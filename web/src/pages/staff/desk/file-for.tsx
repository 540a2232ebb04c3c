import { createAsync, useNavigate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { Loading } from '../../../components/states.tsx';
import { api, json } from '../../../lib/api.ts';
import { getPlaces, staffCommunities } from '../../../lib/places.ts';
import { placeName, t, tKey } from '../../../lib/prefs.ts';
import { getMe } from '../../../lib/staff-session.ts';
import { getCategories } from '../../desk/categories.ts';
import { TicketForm } from '../../desk/ticket-form.tsx';

/** Staff at the joint desk register a walk-in's or a caller's problem; it joins the same queue. */
export default function FileFor() {
  const navigate = useNavigate();
  const me = createAsync(() => getMe());
  const places = createAsync(() => getPlaces());
  const communities = () => staffCommunities(me()?.staff?.place, places());
  const [chosen, setChosen] = createSignal<string>();
  const community = () => communities().find((c) => c.slug === (chosen() ?? communities()[0]?.slug));
  const categories = createAsync(async () => (community() ? getCategories(community()!.slug) : undefined));
  return (
    <>
      <h1>{t('fileOnBehalf')}</h1>
      <label for="for-community">{t('filterCommunity')}</label>
      <select id="for-community" onChange={(e) => setChosen(e.currentTarget.value)}>
        <For each={communities()}>{(c) => <option value={c.slug}>{placeName(c)}</option>}</For>
      </select>
      <Suspense fallback={<Loading />}>
        <Show when={community() && categories()}>
          <TicketForm
            community={community()!}
            categories={categories()!.categories}
            retentionDays={categories()!.retentionDays}
            onFile={async (input, form) => {
              const channel = form.get('channel') === 'phone' ? 'phone' : 'walk_in';
              const filed = await json(await api.desk.tickets.$post({ json: { ...input, channel } }));
              navigate(`/staff/desk/${filed.number}`);
            }}
          >
            <fieldset>
              <legend>{t('channelLabel')}</legend>
              <For each={['walk_in', 'phone']}>
                {(channel) => (
                  <label class="check">
                    <input type="radio" name="channel" value={channel} checked={channel === 'walk_in'} />{' '}
                    {tKey('channel', channel)}
                  </label>
                )}
              </For>
            </fieldset>
          </TicketForm>
        </Show>
      </Suspense>
    </>
  );
}
