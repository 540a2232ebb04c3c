import * as z from 'zod/mini';
import { volunteerRoles, wishKinds } from '../../schema/index.ts';
import { numericId, phone, plainText, residentPhotos, slug, version } from '../lib/fields.ts';
import { loginSchema } from '../staff/accounts.ts';

/** Validators of the volunteer roster (四大员), what volunteers record, and the answers to quality problems. */

const text = (min: number, max: number, say: string) =>
  plainText(z.minLength(min, say), z.maxLength(max, `At most ${max} characters.`));
const roles = z
  .array(z.enum(volunteerRoles, { error: 'Not a volunteer role.' }))
  .check(z.minLength(1, 'Choose at least one role.'), z.maxLength(volunteerRoles.length));

export const volunteerParam = z.object({ id: numericId('Not a volunteer id.') });
export const problemParam = z.object({ id: numericId('Not a quality problem id.') });
export const rosterQuery = z.object({ compound: z.optional(slug) });

export const newVolunteerSchema = z.object({
  compound: slug,
  name: text(1, 40, 'Give the volunteer’s name.'),
  roles,
  phone,
  publicConsent: z._default(z.boolean(), false),
  /** The volunteer's own sign-in: an account of role volunteer in the same compound. */
  login: z.optional(z.nullable(loginSchema)),
});
export type NewVolunteer = z.infer<typeof newVolunteerSchema>;

export const editVolunteerSchema = z.object({
  version,
  name: z.optional(text(1, 40, 'Give the volunteer’s name.')),
  roles: z.optional(roles),
  phone: z.optional(phone),
  publicConsent: z.optional(z.boolean()),
  login: z.optional(z.nullable(loginSchema)),
});
export type VolunteerEdit = z.infer<typeof editVolunteerSchema>;

/**
 * A wish an information collector records for a neighbour who does not use a phone: the
 * neighbour's phone if they have one, else the call-back goes to the volunteer.
 */
export const volunteerWishSchema = z.object({
  kind: z.enum(wishKinds, { error: 'Choose wish or objection.' }),
  description: text(4, 2000, 'Say what the neighbour wishes for, or objects to, in a few words.'),
  item: z.optional(z.nullable(z.number().check(z.int(), z.positive('Not a plan item id.')))),
  location: z.optional(z.nullable(plainText(z.maxLength(200, 'At most 200 characters.')))),
  name: z.optional(plainText(z.maxLength(40))),
  phone: z.optional(z.union([z.literal(''), phone])),
  consent: z.literal(true, { error: 'The neighbour must agree to how long we keep their details.' }),
});
export type VolunteerWish = z.infer<typeof volunteerWishSchema>;

export const newProblemSchema = z.object({
  description: text(4, 2000, 'Say what is wrong with the work, in a few words.'),
  photos: residentPhotos,
});
export type NewProblem = z.infer<typeof newProblemSchema>;

export const problemAnswerSchema = z.object({
  version,
  answer: text(2, 2000, 'Write the public answer.'),
});
export const problemsQuery = z.object({ status: z.optional(z.enum(['open', 'answered'])) });
