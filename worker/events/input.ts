import * as z from 'zod/mini';
import { eventChannels, eventKinds } from '../../schema/index.ts';
import { numericId, phone, plainText, privateToken, slug, version } from '../lib/fields.ts';
import { onePlace, placeScopeFields } from '../places/scope.ts';

/** Validators of the events API, next to each other so the public and staff sides agree. */

export const idParam = z.object({ id: numericId('Not an event id.') });
export const signupParam = z.object({ id: numericId('Not a sign-up id.') });
export const signupToken = privateToken('Not a sign-up link.');

/** Where residents look: a community (with its sub-district's own events) or a whole sub-district. */
export const placeQuery = z.object({ community: z.optional(slug), subdistrict: z.optional(slug) }).check(
  z.refine((q) => !!q.community !== !!q.subdistrict, {
    message: 'Give either a community or a sub-district.',
    path: ['community'],
  }),
);

/** The events list: a community's (with its sub-district's own), a whole sub-district's, or the district's. */
export const listQuery = z
  .object({
    ...placeScopeFields,
    when: z._default(z.enum(['upcoming', 'past']), 'upcoming'),
  })
  .check(onePlace());

export const signupSchema = z.object({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'Say how we should call you.'), z.maxLength(40, 'At most 40 characters.')),
  phone,
  seats: z
    .number({ error: 'Give 1, 2 or 3 seats.' })
    .check(z.int('Give 1, 2 or 3 seats.'), z.gte(1, 'At least 1 seat.'), z.lte(3, 'At most 3 seats per sign-up.')),
  /** "有变化时给我发短信": a text message if the event moves, is cancelled, or the waitlist lets them in. */
  notifySms: z.optional(z.boolean()),
});

const instant = z.iso.datetime({ offset: true, error: 'Use a date and time like 2026-12-03T09:30:00+08:00.' });
const text = (max: number) => plainText(z.maxLength(max, `At most ${max} characters.`));
const optionalText = (max: number) => z.optional(z.nullable(text(max)));

/** The fields of an event a staff member sets; all of them may be changed later but the organiser. */
const fields = {
  title: z
    .string()
    .check(z.trim(), z.minLength(2, 'Give the event a title.'), z.maxLength(100, 'At most 100 characters.')),
  kind: z.enum(eventKinds, { error: 'Choose a kind: lecture, party_day, joint_meeting, outreach or other.' }),
  speaker: optionalText(60),
  description: text(4000),
  channel: z.enum(eventChannels, { error: 'Choose a channel: onsite, loudspeaker or online.' }),
  joinUrl: z.optional(
    z.nullable(
      z.url({ protocol: /^https?$/, error: 'Give a web link starting with https://' }).check(z.maxLength(500)),
    ),
  ),
  venue: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Say where it takes place (or is heard).'),
      z.maxLength(200, 'At most 200 characters.'),
    ),
  compound: z.optional(z.nullable(slug)),
  startsAt: instant,
  endsAt: instant,
  capacity: z.optional(
    z.nullable(
      z.number().check(z.int('Give a whole number.'), z.gte(1, 'At least 1 seat, or no limit.'), z.lte(10_000)),
    ),
  ),
  signupOpen: z.boolean(),
};

type Timed = { startsAt?: string; endsAt?: string; channel?: string; joinUrl?: string | null };

/** Rules across fields, on the merged event: times in order, an online event has its link. */
export function crossFieldProblems(e: Timed): Record<string, string> {
  const problems: Record<string, string> = {};
  if (e.startsAt && e.endsAt) {
    const length = Date.parse(e.endsAt) - Date.parse(e.startsAt);
    if (length <= 0) problems.endsAt = 'The end must be after the start.';
    else if (length > 7 * 24 * 60 * 60 * 1000)
      problems.endsAt = 'An event lasts at most 7 days; make a series instead.';
  }
  if (e.channel === 'online' && !e.joinUrl) problems.joinUrl = 'An online event needs its join link.';
  return problems;
}

const withCrossChecks = <T extends z.ZodMiniType<Timed>>(schema: T) =>
  schema.check(
    z.superRefine((value: Timed, ctx) => {
      for (const [path, message] of Object.entries(crossFieldProblems(value)))
        ctx.addIssue({ code: 'custom', path: [path], message });
    }),
  );

/** A new event, organised by a community or a sub-district; `weeklySessions` > 1 makes a series. */
export const newEventSchema = withCrossChecks(
  z
    .object({
      ...fields,
      description: z._default(fields.description, ''),
      signupOpen: z._default(fields.signupOpen, true),
      community: z.optional(slug),
      subdistrict: z.optional(slug),
      weeklySessions: z._default(
        z.number().check(z.int('Give a whole number.'), z.gte(1), z.lte(26, 'At most 26 weekly sessions.')),
        1,
      ),
    })
    .check(
      z.refine((e) => !!e.community !== !!e.subdistrict, {
        message: 'Name the organiser: a community or a sub-district.',
        path: ['community'],
      }),
    ),
);
export type NewEvent = z.infer<typeof newEventSchema>;

/** A change to one session, naming the version it was read at. */
export const editEventSchema = withCrossChecks(
  z.required(z.partial(z.object({ version, ...fields })), { version: true }),
);
export type EventEdit = z.infer<typeof editEventSchema>;

export const cancelEventSchema = z.object({
  version,
  reason: z
    .string()
    .check(z.trim(), z.minLength(2, 'Tell residents why.'), z.maxLength(500, 'At most 500 characters.')),
});

export const summarySchema = z.object({
  version,
  summary: z
    .string()
    .check(z.trim(), z.minLength(2, 'Say what happened.'), z.maxLength(4000, 'At most 4000 characters.')),
  /** Without it, the seats checked in at the door are counted. */
  attendance: z.optional(z.nullable(z.number().check(z.int('Give a whole number.'), z.gte(0), z.lte(100_000)))),
  /** The sites loudspeakers stood at, and the WeChat groups an online session went out to. */
  venues: z.optional(z.nullable(z.number().check(z.int('Give a whole number.'), z.gte(0), z.lte(1000)))),
  groups: z.optional(z.nullable(z.number().check(z.int('Give a whole number.'), z.gte(0), z.lte(1000)))),
  articleId: z.optional(z.nullable(z.number().check(z.int(), z.positive('Not an article id.')))),
});

export const checkInSchema = z.object({ checkedIn: z.boolean() });
