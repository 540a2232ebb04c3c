import { For, Show } from 'solid-js';
import { ZoomPhoto } from '../../components/zoom-photo.tsx';
import { formatDay } from '../../lib/format.ts';
import { t, tKey } from '../../lib/prefs.ts';
import type { ProjectPage } from './queries.ts';
import { ItemProblems } from './volunteers.tsx';

type Item = ProjectPage['items'][number];

/** One plan item: what it is, where it stands, why (if dropped), its before/after photos and quality problems. */
function PlanItem(props: { item: Item }) {
  const i = () => props.item;
  return (
    <li class="card plan-item" id={`item-${i().id}`}>
      <h3>{i().title}</h3>
      {/* The mark before the words says the status without relying on colour. */}
      <p class={`item-state item-${i().status}`}>
        {tKey('itemStatus', i().status)}
        <Show when={i().doneOn}>{(d) => <span class="muted"> · {t('doneOn', { date: formatDay(d()) })}</span>}</Show>
        <Show when={!i().doneOn && i().expectedOn}>
          {(d) => <span class="muted"> · {t('expectedOn', { date: formatDay(d()) })}</span>}
        </Show>
      </p>
      <Show when={i().description}>
        <p>{i().description}</p>
      </Show>
      <Show when={i().statusReason}>
        <p class="notice">{i().statusReason}</p>
      </Show>
      <Show when={i().beforePhoto || i().afterPhoto}>
        <div class="before-after">
          <For each={[['beforePhoto', i().beforePhoto] as const, ['afterPhoto', i().afterPhoto] as const]}>
            {([label, photo]) => (
              <Show when={photo}>
                {(p) => (
                  <figure>
                    <ZoomPhoto src={p().url} alt={`${i().title} · ${t(label)}`} loading="lazy" />
                    <figcaption>{t(label)}</figcaption>
                  </figure>
                )}
              </Show>
            )}
          </For>
        </div>
      </Show>
      <ItemProblems problems={i().problems} />
    </li>
  );
}

/** The plan (改造内容): every item and how far the work has come. */
export function PlanItems(props: { items: Item[] }) {
  const done = () => props.items.filter((i) => i.status === 'done').length;
  const counted = () => props.items.filter((i) => i.status !== 'dropped').length;
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('planTitle')}</h2>
      <p>
        <progress max={counted() || 1} value={done()} aria-hidden="true" />{' '}
        {t('projectProgress', { done: done(), total: counted() })}
      </p>
      <ul class="plain-list">
        <For each={props.items}>{(item) => <PlanItem item={item} />}</For>
      </ul>
    </section>
  );
}
