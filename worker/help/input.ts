import * as z from 'zod/mini';
import { helpKinds } from '../../schema/index.ts';
import { dueDate, numericId, phone, plainText, slug } from '../lib/fields.ts';

/** How long neighbourly help is kept: entries older than this go, and households with none left. */
export const HELP_RETENTION_DAYS = 365;

/** An 18-character resident ID number (or a 15-digit old one): never kept here. */
const ID_NUMBER = /\d{17}[\dXx]|\d{15}/;
const noIdNumber = z.refine<string>((s) => !ID_NUMBER.test(s), 'Do not write ID numbers here.');
const note = z.optional(z.nullable(plainText(z.maxLength(500, 'At most 500 characters.'), noIdNumber)));

export const householdParam = z.object({ id: numericId('Not a household id.') });

export const newHouseholdSchema = z.object({
  compound: slug,
  label: plainText(z.minLength(2, 'Say how you know the household, e.g. 3号楼独居老人.'), z.maxLength(60), noIdNumber),
  phone: z.optional(z.union([z.literal(''), phone])),
  note,
});
export type NewHousehold = z.infer<typeof newHouseholdSchema>;

export const newEntrySchema = z.object({
  givenOn: dueDate,
  kind: z.enum(helpKinds, { error: 'Choose necessities, visit or other.' }),
  note,
});
export type NewEntry = z.infer<typeof newEntrySchema>;
