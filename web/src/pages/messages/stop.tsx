import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { StepForm } from '../../components/step-form.tsx';
import { api, json } from '../../lib/api.ts';
import { t } from '../../lib/prefs.ts';

/** The stop link's page (/m/stop/<token>): nothing happens until the resident confirms. */
export default function StopMessagesPage() {
  const params = useParams<{ token: string }>();
  // A link cut short in a text message is told at once, without asking the server.
  const wellFormed = () => /^[A-Za-z0-9_-]{22}$/.test(params.token);
  return (
    <>
      <h1>{t('smsStopPageTitle')}</h1>
      <Show when={wellFormed()} fallback={<p class="notice">{t('smsStopBadLink')}</p>}>
        <StepForm
          title={t('smsStopPageTitle')}
          hint={t('smsStopPageText')}
          button={t('smsStopConfirm')}
          send={async () => json(await api.messages.stop.$post({ json: { token: params.token } }))}
        />
      </Show>
    </>
  );
}
