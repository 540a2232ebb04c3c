import { A } from '@solidjs/router';
import { For } from 'solid-js';
import type { MessageKey } from '../../../lib/messages.ts';
import { t } from '../../../lib/prefs.ts';

/**
 * The sections of one project, each a page of its own. More sections (volunteers, the help log)
 * are one line each here.
 */
const sections: { path: string; label: MessageKey }[] = [
  { path: '', label: 'renoSectionPlan' },
  { path: '/wishes', label: 'renoSectionWishes' },
  { path: '/meetings', label: 'renoSectionMeetings' },
];

/** The project's heading and its section tabs. */
export function ProjectHeader(props: { id: number | string; title: string }) {
  return (
    <>
      <p class="back-link">
        <A href="/staff/renovation">{t('renoAllProjects')}</A>
      </p>
      <h1>{props.title}</h1>
      <nav class="tabs sub-tabs" aria-label={t('renoSectionsLabel')}>
        <For each={sections}>
          {(s) => (
            <A href={`/staff/renovation/${props.id}${s.path}`} end={s.path === ''} activeClass="active">
              {t(s.label)}
            </A>
          )}
        </For>
      </nav>
    </>
  );
}
