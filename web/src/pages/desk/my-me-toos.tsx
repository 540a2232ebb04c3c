import { createAsync, query } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { StepForm } from '../../components/step-form.tsx';
import { StatusBadge } from '../../components/timeline.tsx';
import { api, json } from '../../lib/api.ts';
import { myMeToos } from '../../lib/my-tickets.ts';
import { t } from '../../lib/prefs.ts';

const getMeToos = query(
  async (numbers: string) => json(await api.board['me-toos'].$get({ query: { numbers } })),
  'my-me-toos',
);

/** The problems this phone said "me too" to: where each stands, and once resolved, a rating of the result. */
export function MyMeToos() {
  const numbers = () => Object.keys(myMeToos.counts()).slice(-20).join(',');
  const data = createAsync(async () => (numbers() ? getMeToos(numbers()) : { tickets: [] }));
  return (
    <Suspense>
      <Show when={data()?.tickets.length}>
        <section class="card" aria-labelledby="my-me-toos">
          <h2 id="my-me-toos">{t('myMeToosTitle')}</h2>
          <ul class="plain-list">
            <For each={data()!.tickets}>
              {(tk) => (
                <li>
                  <p>
                    <strong>{tk.number}</strong> <StatusBadge status={tk.status} />
                  </p>
                  <p class="muted">{tk.description}</p>
                  <Show when={tk.rating}>{(score) => <p>{t('meTooRated', { score: score() })}</p>}</Show>
                  <Show when={tk.canRate}>
                    <StepForm
                      title={t('meTooRateTitle', { number: tk.number })}
                      button={t('rateButton')}
                      send={async (f) =>
                        json(
                          await api.board[':number']['me-too'].rating.$post({
                            param: { number: tk.number },
                            json: { score: Number(f.get('score')) },
                          }),
                        )
                      }
                    >
                      {/* Stars only: a neighbour's rating keeps no comment. */}
                      <fieldset class="stars">
                        <legend>{t('rateTitle')}</legend>
                        <For each={[5, 4, 3, 2, 1]}>
                          {(n) => (
                            <label class="choice">
                              <input type="radio" name="score" value={n} checked={n === 5} /> {'★'.repeat(n)} {n}{' '}
                              {t('stars')}
                            </label>
                          )}
                        </For>
                      </fieldset>
                    </StepForm>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </Suspense>
  );
}
