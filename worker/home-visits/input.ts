import * as z from 'zod/mini';
import { homeVisitReasons, requesterRelations } from '../../schema/index.ts';
import { phone, plainText, privateToken, slug, version } from '../lib/fields.ts';

/**
 * What requesters, community staff and partners send about home visits, and the periods the
 * feature promises: how long personal details are kept, how long a partner sees the address.
 */

/** Days after a visit is over (confirmed, closed, rejected, cancelled) when its personal details are removed. */
export const RETENTION_DAYS = 90;
/**
 * Days after the partner records the outcome during which its staff still see the address and
 * phone (a follow-up call, a forgotten document); after that, only the visit itself.
 */
export const REVEAL_DAYS = 7;
/** Days after the visit when it closes by itself if nobody confirmed it. */
export const AUTO_CLOSE_DAYS = 7;
/** The door code's length. */
export const VISIT_CODE_DIGITS = 4;

/** A home visit's human number: the community's code, H, the Zhengzhou day and its sequence, `GR-H20261126-0001`. */
export const homeVisitNumber = z.string().check(z.regex(/^[A-Z]{2,4}-H\d{8}-\d{4,}$/, 'Not a home-visit number.'));
export const numberParam = z.object({ number: homeVisitNumber });
export const token = privateToken('Not a tracking token.');

const words = (min: number, max: number, why = 'Fill this in.') => plainText(z.minLength(min, why), z.maxLength(max));

/**
 * A request for a home visit.
 * - `forWhom`: who asks (`relation`) for whom: the person's `name` and how to address them (`addressAs`, 贺先生).
 * - `address`: `building` and `room` always, `unit` and `compound` (a compound's code) when there are.
 * - `reason`: why the person cannot come (`kind`), with an optional `note`.
 * - `name`: the requester's own name when they are not the person.
 */
export const newHomeVisitSchema = z.object({
  community: slug,
  service: slug,
  forWhom: z.object({
    relation: z.enum(requesterRelations),
    name: words(1, 40, 'Give the name of the person the visit is for.'),
    addressAs: words(1, 20, 'Say how the visitor should address them, e.g. 贺先生.'),
  }),
  address: z.object({
    compound: z.optional(slug),
    building: words(1, 40, 'Give the building.'),
    unit: z._default(words(0, 20), ''),
    room: words(1, 20, 'Give the room or door number.'),
  }),
  phone,
  reason: z.object({
    kind: z.enum(homeVisitReasons),
    note: z.optional(words(0, 500)),
  }),
  preferredTimes: z._default(words(0, 200), ''),
  name: z.optional(words(0, 40)),
  consent: z.literal(true, { error: 'Agree to how long we keep these details, or we cannot take the request.' }),
  /** "状态有变化时给我发短信": the phone above gets a text message on each public step. */
  notifySms: z.optional(z.boolean()),
});
export type NewHomeVisit = z.infer<typeof newHomeVisitSchema>;

const when = z.iso.datetime({ offset: true, error: 'Use a date and time like 2026-11-29T09:30:00+08:00.' });
/** A time slot: start and end, at most 12 hours apart. */
export const slotSchema = z.object({ start: when, end: when }).check(
  z.refine((s) => Date.parse(s.end) > Date.parse(s.start), { message: 'End after the start.', path: ['end'] }),
  z.refine((s) => Date.parse(s.end) - Date.parse(s.start) <= 12 * 3600_000, {
    message: 'A slot is at most 12 hours.',
    path: ['end'],
  }),
);
export type Slot = z.infer<typeof slotSchema>;

const note = z.optional(words(0, 2000));
const visitor = words(1, 40, 'Say who will come.');

/** Everything staff do to a visit: the community's coordination and the partner's service. */
export const visitActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), version, note }),
  z.object({ action: z.literal('ask_info'), version, message: words(2, 1000, 'Say what is missing.') }),
  z.object({ action: z.literal('reject'), version, reason: words(2, 1000, 'Give the reason.') }),
  z.object({ action: z.literal('send'), version, partner: z.optional(slug), note }),
  z.object({ action: z.literal('cancel'), version, reason: words(2, 1000, 'Give the reason.') }),
  z.object({
    action: z.literal('accept'),
    version,
    slot: z.optional(slotSchema),
    visitorName: z.optional(visitor),
    note,
  }),
  z.object({ action: z.literal('decline'), version, reason: words(2, 1000, 'Give the reason.') }),
  z.object({ action: z.literal('propose'), version, slot: slotSchema, visitorName: z.optional(visitor), note }),
  z.object({ action: z.literal('schedule'), version, slot: slotSchema, visitorName: visitor, note }),
  z.object({ action: z.literal('done'), version, note }),
  z.object({
    action: z.literal('not_completed'),
    version,
    reason: words(2, 1000, 'Say why it could not be done.'),
    nextStep: z.enum(['revisit', 'community', 'none']),
  }),
  z.object({
    action: z.literal('note'),
    visibility: z.enum(['public', 'internal']),
    body: words(1, 2000, 'Write the note.'),
  }),
]);
export type VisitAction = z.infer<typeof visitActionSchema>;
