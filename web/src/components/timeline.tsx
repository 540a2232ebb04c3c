import { For, Show } from 'solid-js';
import { formatDateTime } from '../lib/format.ts';
import { t, tKey } from '../lib/prefs.ts';

export type TimelineEntry = {
  id: number;
  at: number;
  kind: string;
  body: string | null;
  actor: string;
  /** Staff see who; residents see the kind of organisation that wrote it (`by`, a staff role). */
  staffName?: string | null;
  by?: string | null;
  visibility?: string;
  /** The side of a joint ticket the entry is about (its part), as the resident's view gives it… */
  side?: string | null;
  /** … or inside the staff view's detail. */
  detail?: unknown;
};

const sideOf = (e: TimelineEntry) => e.side ?? (e.detail as { side?: string } | null | undefined)?.side;

/** A ticket's history, oldest first; internal notes are marked for staff. */
export function Timeline(props: { entries: TimelineEntry[] }) {
  return (
    <ol class="timeline">
      <For each={props.entries}>
        {(e) => (
          <li classList={{ internal: e.visibility === 'internal' }}>
            <p class="timeline-head">
              <strong>
                <Show when={sideOf(e)}>{(side) => t('sideSays', { side: tKey('side', side()) })}</Show>
                {tKey('event', e.kind)}
              </strong>
              <Show when={e.visibility === 'internal'}>
                <span class="badge">{t('visibility_internal')}</span>
              </Show>
            </p>
            <p class="muted">
              <time datetime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> ·{' '}
              {e.staffName ?? (e.by ? tKey('by', e.by) : tKey('actor', e.actor))}
            </p>
            <Show when={e.body}>
              <p class="timeline-body">{e.body}</p>
            </Show>
          </li>
        )}
      </For>
    </ol>
  );
}

/** The ticket's status in words, with the overdue mark not by colour alone. */
export function StatusBadge(props: { status: string; overdue?: boolean }) {
  return (
    <span class={`status status-${props.status}`}>
      {tKey('status', props.status)}
      <Show when={props.overdue}>
        <span class="badge badge-warn">⚠ {t('overdue')}</span>
      </Show>
    </span>
  );
}
