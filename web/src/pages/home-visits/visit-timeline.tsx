import { For, Show } from 'solid-js';
import { formatDateTime } from '../../lib/format.ts';
import { t, tKey } from '../../lib/prefs.ts';

type Entry = {
  at: number;
  kind: string;
  body: string | null;
  actor: string;
  staffName: string | null;
  visibility?: string;
};

const who = (e: Entry) => e.staffName ?? (e.actor === 'partner' ? t('hvActorPartner') : tKey('actor', e.actor));

/** A home visit's story, oldest first; internal notes are marked for staff, not by colour alone. */
export function VisitTimeline(props: { entries: Entry[] }) {
  return (
    <ol class="timeline">
      <For each={props.entries}>
        {(e) => (
          <li classList={{ internal: e.visibility === 'internal' }}>
            <p class="timeline-head">
              <strong>{tKey('hvEntry', e.kind)}</strong>
              <Show when={e.visibility === 'internal'}>
                <span class="badge">{t('visibility_internal')}</span>
              </Show>
            </p>
            <p class="muted">
              <time datetime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> · {who(e)}
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

/** The visit's status in words, with the overdue mark in words too. */
export function VisitStatus(props: { status: string; overdue?: boolean }) {
  return (
    <span class={`status visit-status-${props.status}`}>
      {tKey('hvStatus', props.status)}
      <Show when={props.overdue}>
        <span class="badge badge-warn">⚠ {t('overdue')}</span>
      </Show>
    </span>
  );
}

/** The door code in very large digits, with the one sentence that says what it is for (the resident's or the visitor's). */
export function DoorCode(props: { code: string; label: string; hint: string }) {
  return (
    <div class="door-code">
      <p class="door-code-label">{props.label}</p>
      <p class="door-code-digits">{props.code}</p>
      <p class="door-code-hint">{props.hint}</p>
    </div>
  );
}
