import * as z from 'zod/mini';
import { robotOwnerKinds, robotPlatforms } from '../../schema/index.ts';
import { numericId } from '../lib/fields.ts';

export const robotParam = z.object({ id: numericId('Not a robot id.') });

const webhookUrl = z.string().check(z.trim(), z.minLength(1, 'Give the webhook address.'), z.maxLength(500));
/** DingTalk's 加签 secret ("SEC…"); null or "" removes it. */
const signingSecret = z.optional(
  z.nullable(
    z.string().check(z.trim(), z.maxLength(200), z.regex(/^(|[\x21-\x7e]+)$/, 'Paste the secret as shown (SEC…).')),
  ),
);
const platform = z.enum(robotPlatforms, { error: 'Choose wecom or dingtalk.' });

export const newRobotSchema = z.object({
  ownerKind: z.enum(robotOwnerKinds, { error: 'Choose community or company.' }),
  ownerId: z.number({ error: 'Choose a community or property company.' }).check(z.int(), z.positive()),
  platform,
  webhookUrl,
  signingSecret,
});
export type NewRobot = z.infer<typeof newRobotSchema>;

/** A change to a robot: what is left out stays as it is. */
export const robotChangeSchema = z.object({
  platform: z.optional(platform),
  webhookUrl: z.optional(webhookUrl),
  signingSecret,
  enabled: z.optional(z.boolean({ error: 'true or false.' })),
});
export type RobotChange = z.infer<typeof robotChangeSchema>;
