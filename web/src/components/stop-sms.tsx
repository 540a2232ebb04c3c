import { Show } from 'solid-js';
import { t } from '../lib/prefs.ts';
import { StepForm } from './step-form.tsx';

/** "不再发短信" on a resident's tracking page, while they get text messages about it. */
export function StopSms(props: { when: boolean; send: () => Promise<unknown> }) {
  return (
    <Show when={props.when}>
      <StepForm title={t('smsStopTitle')} hint={t('smsStopHint')} button={t('smsStopButton')} send={props.send} />
    </Show>
  );
}
