import { For, Show } from 'solid-js';
import type { PlaceTree } from '../../../lib/api.ts';
import { shanghaiDay } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/messages.ts';
import { placeName, t } from '../../../lib/prefs.ts';
import type { PlaceQuery } from '../../../lib/scope.ts';

/** The page's address words: the place (as the API takes it) and the period. */
export type StatsParams = PlaceQuery & { period?: string; from?: string; to?: string };
export type Period = 'last30' | 'month' | 'quarter' | 'custom';
const periods: [Period, MessageKey][] = [
  ['last30', 'periodLast30'],
  ['month', 'periodThisMonth'],
  ['quarter', 'periodLast3Months'],
  ['custom', 'periodCustom'],
];

const DAY = 86_400_000;
/** The days a period covers, ending today in Zhengzhou (a custom one as the address says). */
export function periodDays(p: StatsParams, now = Date.now()): { from: string; to: string } {
  const today = shanghaiDay(now);
  const [y, m] = today.split('-').map(Number);
  const last30 = { from: shanghaiDay(now - 29 * DAY), to: today };
  if (p.period === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  if (p.period === 'quarter') return { from: new Date(Date.UTC(y!, m! - 3, 1)).toISOString().slice(0, 10), to: today };
  if (p.period === 'custom') return { from: p.from ?? last30.from, to: p.to ?? today };
  return last30;
}

/** The places a staff member may choose, widest first: the district, sub-districts, communities. */
export function choosablePlaces(tree: PlaceTree | undefined, own: { type: string; slug: string } | null | undefined) {
  const subs = tree?.subdistricts ?? [];
  if (own?.type === 'community') {
    const c = subs.flatMap((s) => s.communities).find((c) => c.slug === own.slug);
    return c ? [{ value: `community:${c.slug}`, label: placeName(c), sub: false }] : [];
  }
  const mine = own?.type === 'subdistrict' ? subs.filter((s) => s.slug === own.slug) : subs;
  return [
    ...(own?.type === 'subdistrict' ? [] : [{ value: 'district', label: t('scopeDistrict'), sub: false }]),
    ...mine.flatMap((s) => [
      { value: `subdistrict:${s.slug}`, label: placeName(s), sub: false },
      ...s.communities.map((c) => ({ value: `community:${c.slug}`, label: `　${placeName(c)}`, sub: true })),
    ]),
  ];
}

export const placeValue = (q: PlaceQuery) =>
  q.district ? 'district' : q.subdistrict ? `subdistrict:${q.subdistrict}` : `community:${q.community}`;
export const placeParams = (value: string): PlaceQuery => {
  const [kind, slug] = value.split(':');
  return kind === 'district' ? { district: '1' } : kind === 'subdistrict' ? { subdistrict: slug } : { community: slug };
};

/** Where and when: one list of the places the role covers, and the period (with two dates for a custom one). */
export function StatsChoice(props: {
  places: ReturnType<typeof choosablePlaces>;
  params: StatsParams;
  place: PlaceQuery;
  onChange: (p: Partial<Record<keyof StatsParams, string | undefined>>) => void;
}) {
  const days = () => periodDays(props.params);
  return (
    <div class="stats-choice">
      <label for="stats-place">{t('statsPlace')}</label>
      <select
        id="stats-place"
        value={placeValue(props.place)}
        onChange={(e) =>
          props.onChange({
            district: undefined,
            subdistrict: undefined,
            community: undefined,
            ...placeParams(e.currentTarget.value),
          })
        }
      >
        <For each={props.places}>{(p) => <option value={p.value}>{p.label}</option>}</For>
      </select>
      <label for="stats-period">{t('statsPeriod')}</label>
      <select
        id="stats-period"
        value={props.params.period ?? 'last30'}
        onChange={(e) => {
          const period = e.currentTarget.value;
          props.onChange(period === 'custom' ? { period, ...days() } : { period, from: undefined, to: undefined });
        }}
      >
        <For each={periods}>{([value, key]) => <option value={value}>{t(key)}</option>}</For>
      </select>
      <Show when={props.params.period === 'custom'}>
        <div class="date-pair">
          <label>
            {t('periodFrom')}
            <input
              type="date"
              value={days().from}
              max={days().to}
              onChange={(e) => props.onChange({ from: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('periodTo')}
            <input
              type="date"
              value={days().to}
              min={days().from}
              onChange={(e) => props.onChange({ to: e.currentTarget.value })}
            />
          </label>
        </div>
      </Show>
    </div>
  );
}
