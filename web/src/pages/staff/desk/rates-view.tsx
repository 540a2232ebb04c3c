import type { InferResponseType } from 'hono/client';
import { For } from 'solid-js';
import type { api } from '../../../lib/api.ts';
import { formatFigure, formatRate } from '../../../lib/format.ts';
import type { MessageKey } from '../../../lib/messages.ts';
import { placeName, t } from '../../../lib/prefs.ts';

export type RatesReport = InferResponseType<typeof api.desk.rates.$get, 200>;
export type Rates = RatesReport['rates'];
type Rate = Rates['response'];

/** The three rates, in the order districts report them, with their names. */
export const threeRates: [MessageKey, (r: Rates) => Rate][] = [
  ['rateResponse', (r) => r.response],
  ['rateResolution', (r) => r.resolution],
  ['rateSatisfaction', (r) => r.satisfaction],
];

/** "92%（23/25）": a rate with what it is made of. */
export const rateWithCount = (r: Rate) =>
  `${formatRate(r.rate)}${t('rateCount', { n: r.numerator, d: r.denominator })}`;

function Figure(props: { label: MessageKey; value: string; count?: string; big?: boolean }) {
  return (
    <div classList={{ big: props.big }}>
      <dt>{t(props.label)}</dt>
      <dd>
        {props.value}
        {props.count && <span class="count">{props.count}</span>}
      </dd>
    </div>
  );
}

/** The three rates as large figures with their counts, then the desk's other figures. */
export function RateFigures(props: { rates: Rates }) {
  const count = (r: Rate) => t('rateCount', { n: r.numerator, d: r.denominator });
  const hours = (h: number | null) => (h === null ? '—' : `${formatFigure(h)} ${t('hoursShort')}`);
  return (
    <dl class="figures rates">
      <For each={threeRates}>
        {([label, of]) => (
          <Figure big label={label} value={formatRate(of(props.rates).rate)} count={count(of(props.rates))} />
        )}
      </For>
      <Figure label="rateOnTime" value={formatRate(props.rates.onTime.rate)} count={count(props.rates.onTime)} />
      <Figure label="rateCases" value={String(props.rates.cases)} />
      <Figure label="rateMedian" value={hours(props.rates.medianHoursToResolve)} />
      <Figure label="rateP90" value={hours(props.rates.p90HoursToResolve)} />
      <Figure
        label="rateHandoffs"
        value={formatFigure(props.rates.handoffsPerJoint)}
        count={t('rateCount', { n: props.rates.handoffs, d: props.rates.jointCases })}
      />
      <Figure label="rateRedone" value={String(props.rates.redone)} />
    </dl>
  );
}

/** The place's sub-districts and communities, one row each: cases and the three rates with counts. */
export function BreakdownTable(props: { rows: RatesReport['breakdown'] }) {
  return (
    <div class="table-scroll">
      <table class="data">
        <caption>{t('ratesBreakdown')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statsPlace')}</th>
            <th scope="col">{t('rateCases')}</th>
            <For each={threeRates}>{([label]) => <th scope="col">{t(label)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr classList={{ sub: row.place.kind === 'subdistrict' }}>
                <th scope="row">{placeName(row.place)}</th>
                <td>{row.rates.cases}</td>
                <For each={threeRates}>
                  {([, of]) => (
                    <td>
                      {formatRate(of(row.rates).rate)}
                      <span class="count">
                        {of(row.rates).numerator}/{of(row.rates).denominator}
                      </span>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
