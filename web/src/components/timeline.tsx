import { For, Show } from 'solid-js';
import { formatDateTime } from '../lib/format.ts';
import { t, tKey } from '../lib/prefs.ts';

export type TimelineEntry = {
  id: number;
  at: number;
  kind: string;
  body: string | null;
  actor: string;
  staffName: string | null;
  visibility?: string;
};

/** A ticket's history, oldest first; internal notes are marked for staff. */
export function Timeline(props: { entries: TimelineEntry[] }) {
  return (
    <ol class="timeline">
      <For each={props.entries}>
        {(e) => (
          <li classList={{ internal: e.visibility === 'internal' }}>
            <p class="timeline-head">
              <strong>{tKey('event', e.kind)}</strong>
              <Show when={e.visibility === 'internal'}>
                <span class="badge">{t('visibility_internal')}</span>
              </Show>
            </p>
            <p class="muted">
              <time datetime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> ·{' '}
              {e.staffName ?? tKey('actor', e.actor)}
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
