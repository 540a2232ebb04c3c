import { action, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { Field, SubmitRow } from '../../../components/field.tsx';
import { Form } from '../../../components/form.tsx';
import { api, json } from '../../../lib/api.ts';
import { field, formState } from '../../../lib/form-action.ts';
import { messageKey, t } from '../../../lib/prefs.ts';
import type { Owner } from './index.tsx';

type Platform = 'wecom' | 'dingtalk';

const saveRobot = action(async (form: FormData) => {
  const platform = field(form, 'platform') as Platform;
  const webhookUrl = field(form, 'webhookUrl');
  const signingSecret = field(form, 'signingSecret');
  const id = field(form, 'robotId');
  if (id) {
    return json(
      await api.robots[':id'].$patch({
        param: { id },
        json: {
          platform,
          enabled: form.get('enabled') === 'on',
          ...(webhookUrl ? { webhookUrl } : {}),
          // A DingTalk secret left empty stays as it is; WeCom robots have none.
          ...(signingSecret ? { signingSecret } : platform === 'wecom' ? { signingSecret: null } : {}),
        },
      }),
    );
  }
  return json(
    await api.robots.$post({
      json: {
        ownerKind: field(form, 'ownerKind') as Owner['ownerKind'],
        ownerId: Number(field(form, 'ownerId')),
        platform,
        webhookUrl,
        ...(signingSecret ? { signingSecret } : {}),
      },
    }),
  );
}, 'robot-save');

/** Sets up or changes one owner's robot; the webhook is never shown back, only typed anew. */
export function RobotForm(props: { owner: Owner }) {
  const key = () => `${props.owner.ownerKind}-${props.owner.ownerId}`;
  const submission = useSubmission(saveRobot, ([form]) => `${form.get('ownerKind')}-${form.get('ownerId')}` === key());
  const state = formState(submission, {
    codes: { robot_exists: 'robotsExists' },
    field: (name) => messageKey(`robotsErr_${name}`),
  });
  const robot = () => props.owner.robot;
  return (
    <details>
      <summary>{robot() ? t('robotsEdit') : t('robotsSetUp')}</summary>
      <Form state={state} class="stack" action={saveRobot} method="post">
        <input type="hidden" name="ownerKind" value={props.owner.ownerKind} />
        <input type="hidden" name="ownerId" value={props.owner.ownerId} />
        <input type="hidden" name="robotId" value={robot()?.id ?? ''} />
        <label for={`platform-${key()}`}>{t('robotsPlatform')}</label>
        <select id={`platform-${key()}`} name="platform" value={robot()?.platform ?? 'wecom'}>
          <option value="wecom">{t('robotsPlatform_wecom')}</option>
          <option value="dingtalk">{t('robotsPlatform_dingtalk')}</option>
        </select>
        <Field
          id={`webhook-${key()}`}
          name="webhookUrl"
          type="url"
          inputmode="url"
          autocomplete="off"
          maxlength="500"
          required={!robot()}
          label={t('robotsWebhook')}
          hint={robot() ? t('robotsWebhookKeep', { masked: robot()!.webhook }) : t('robotsWebhookHint')}
        />
        <Field
          id={`secret-${key()}`}
          name="signingSecret"
          type="password"
          autocomplete="off"
          maxlength="200"
          label={t('robotsSecret')}
          hint={t('robotsSecretHint')}
        />
        <Show when={robot()}>
          <label class="check">
            <input type="checkbox" name="enabled" checked={robot()!.enabled} /> {t('robotsEnabled')}
          </label>
        </Show>
        <SubmitRow busy={state.busy()} label={t('save')} />
        <Show when={state.done()}>
          <p role="status">{t('saved')}</p>
        </Show>
      </Form>
    </details>
  );
}
