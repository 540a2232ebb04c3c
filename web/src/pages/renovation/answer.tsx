import { Show } from 'solid-js';
import { ZoomPhoto } from '../../components/zoom-photo.tsx';
import { formatDate, formatDay } from '../../lib/format.ts';
import { t, tKey } from '../../lib/prefs.ts';
import type { PublicWish } from './queries.ts';

/**
 * A wish's public answer in words: the outcome, its day, and what it points to (the plan item
 * that made it come true with its "after" photo link, the meeting, the reason, the wish it joined).
 */
export function Answer(props: { answer: PublicWish['answer']; project?: number }) {
  const a = () => props.answer;
  return (
    <div class={`answer outcome-${a().outcome}`}>
      <p>
        <strong>{tKey('outcome', a().outcome)}</strong>
        <Show when={a().outcome !== 'received' && a().at}>
          {(at) => <span class="muted"> · {t('answeredOn', { date: formatDate(at()) })}</span>}
        </Show>
      </p>
      <Show when={a().item}>
        {(item) => (
          <p>
            <a href={`${props.project ? `/renovation/${props.project}` : ''}#item-${item().id}`}>
              {t('answerItem', { item: item().title })}
            </a>
            <Show when={a().expectedOn}>{(d) => <> · {t('expectedOn', { date: formatDay(d()) })}</>}</Show>
            <Show when={a().outcome === 'came_true' && item().afterPhoto}>
              {(photo) => (
                <span class="thumbs">
                  <ZoomPhoto
                    src={photo().url}
                    alt={`${item().title} · ${t('afterPhoto')}`}
                    width="96"
                    height="96"
                    loading="lazy"
                  />
                </span>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={a().meeting}>
        {(m) => <p>{t('answerMeeting', { meeting: m().title, date: formatDate(m().startsAt) })}</p>}
      </Show>
      <Show when={a().deferredTo}>{(d) => <p>{t('answerDeferred', { date: formatDay(d()) })}</p>}</Show>
      <Show when={a().mergedInto}>{(n) => <p>{t('answerMerged', { number: n() })}</p>}</Show>
      <Show when={a().note}>
        <p class="answer-note">{a().note}</p>
      </Show>
    </div>
  );
}
