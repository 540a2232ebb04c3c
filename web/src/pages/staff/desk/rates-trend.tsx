import { For, Index } from 'solid-js';
import { formatRate } from '../../../lib/format.ts';
import { prefs, t } from '../../../lib/prefs.ts';
import { type RatesReport, threeRates } from './rates-view.tsx';

const LEFT = 50;
const STEP = 49;
const y = (rate: number) => 130 - rate * 110;
/** Each rate's line has its own dash and marker, so the lines differ without colour. */
const styles = [
  { dash: '', marker: 'circle' },
  { dash: '6 3', marker: 'square' },
  { dash: '2 3', marker: 'diamond' },
] as const;

function Marker(props: { kind: (typeof styles)[number]['marker']; x: number; y: number }) {
  if (props.kind === 'circle') return <circle cx={props.x} cy={props.y} r="4" />;
  if (props.kind === 'square') return <rect x={props.x - 4} y={props.y - 4} width="8" height="8" />;
  return <path d={`M${props.x} ${props.y - 5}l5 5-5 5-5-5z`} />;
}

/** Line segments through the months that have the rate (a month with nothing to count breaks the line). */
function segments(values: (number | null)[]) {
  const runs: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs.at(-1)!.push(`${LEFT + i * STEP},${y(v)}`);
  });
  return runs
    .filter((run) => run.length > 1)
    .map((run) => `M${run.join('L')}`)
    .join('');
}

/** The three rates month by month as three lines, with a table of the same numbers for screen readers. */
export function RatesTrend(props: { trend: RatesReport['trend'] }) {
  // "6月" in Chinese, "Jun" in English.
  const month = (m: string) =>
    new Date(`${m}-15T00:00:00Z`).toLocaleDateString(prefs.locale(), { month: 'short', timeZone: 'UTC' });
  const label = () =>
    props.trend
      .map(
        (m) =>
          `${month(m.month)}: ${threeRates.map(([k, of]) => `${t(k)} ${formatRate(of(m.rates).rate)}`).join(', ')}`,
      )
      .join('; ');
  return (
    <figure class="chart">
      <figcaption>{t('ratesTrend')}</figcaption>
      <svg viewBox="0 0 320 165" role="img" aria-label={label()}>
        <For each={[0, 0.5, 1]}>
          {(g) => (
            <>
              <line x1={LEFT - 8} x2="310" y1={y(g)} y2={y(g)} class="grid" />
              <text x={LEFT - 12} y={y(g) + 5} text-anchor="end" class="axis">
                {g * 100}%
              </text>
            </>
          )}
        </For>
        <Index each={threeRates}>
          {(rate, r) => (
            <g class={`line line-${r}`}>
              <path
                class="trace"
                d={segments(props.trend.map((m) => rate()[1](m.rates).rate))}
                stroke-dasharray={styles[r]!.dash}
              />
              <For each={props.trend}>
                {(m, i) => {
                  const v = rate()[1](m.rates).rate;
                  return v === null ? null : <Marker kind={styles[r]!.marker} x={LEFT + i() * STEP} y={y(v)} />;
                }}
              </For>
            </g>
          )}
        </Index>
        <For each={props.trend}>
          {(m, i) => (
            <text x={LEFT + i() * STEP} y="158" text-anchor="middle" class="axis">
              {month(m.month)}
            </text>
          )}
        </For>
      </svg>
      <ul class="legend">
        <Index each={threeRates}>
          {(rate, r) => (
            <li>
              <svg viewBox="0 0 30 12" width="30" height="12" aria-hidden="true" class={`line line-${r}`}>
                <path class="trace" d="M2 6H28" stroke-dasharray={styles[r]!.dash} />
                <Marker kind={styles[r]!.marker} x={15} y={6} />
              </svg>
              {t(rate()[0])}
            </li>
          )}
        </Index>
      </ul>
      <table class="visually-hidden">
        <caption>{t('ratesTrend')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ratesMonth')}</th>
            <For each={threeRates}>{([k]) => <th scope="col">{t(k)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.trend}>
            {(m) => (
              <tr>
                <th scope="row">{m.month}</th>
                <For each={threeRates}>
                  {([, of]) => (
                    <td>
                      {formatRate(of(m.rates).rate)} ({of(m.rates).numerator}/{of(m.rates).denominator})
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}
