import { Show } from 'solid-js';
import { t } from '../../../lib/prefs.ts';
import { ActionDone, ActionForm, Choices, TextArea, text } from './action-form.tsx';
import { CoordinateActions } from './coordinate-actions.tsx';
import type { StaffVisit, VisitActionName } from './queries.ts';
import { ServeActions } from './serve-actions.tsx';

/** The actions the server offers this staff member on this visit now (it decides, the page only shows). */
export function VisitActions(props: { visit: StaffVisit; actions: VisitActionName[] }) {
  const has = (a: VisitActionName) => props.actions.includes(a);
  return (
    <section aria-labelledby="visit-actions">
      <h2 id="visit-actions">{t('actionsTitle')}</h2>
      <ActionDone number={props.visit.number} />
      <CoordinateActions visit={props.visit} has={has} />
      <ServeActions visit={props.visit} has={has} />
      <Show when={has('note')}>
        <ActionForm
          number={props.visit.number}
          action="note"
          build={(f) => ({ action: 'note', visibility: text(f, 'visibility') as 'internal', body: text(f, 'body') })}
        >
          <Choices
            name="visibility"
            legend={t('visibilityLabel')}
            values={['internal', 'public']}
            prefix="visibility"
          />
          <TextArea action="note" name="body" label={t('hvAct_note')} />
        </ActionForm>
      </Show>
    </section>
  );
}
