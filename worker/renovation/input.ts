import * as z from 'zod/mini';
import {
  meetingDecisions,
  meetingTypes,
  planItemStatuses,
  projectLeads,
  projectPartnerRoles,
  projectStatuses,
  wishKinds,
  wishOutcomes,
} from '../../schema/index.ts';
import { dueDate, numericId, phone, plainText, privateToken, residentPhotos, slug, version } from '../lib/fields.ts';
import { isPhotoKey } from '../lib/photos.ts';

/** Validators of the renovation API, side by side so the residents' and the staff's sides agree. */

/** A wish's human number: community code, Zhengzhou day, W and the day's sequence, `RH-20261126-W0001`. */
export const WISH_NUMBER_PATTERN = /^[A-Z]{2,4}-\d{8}-W\d{4,}$/;
export const wishNumber = z.string().check(z.regex(WISH_NUMBER_PATTERN, 'Not a wish number.'));
export const wishParam = z.object({ number: wishNumber });
export const wishToken = privateToken('Not a tracking token.');
export const projectParam = z.object({ id: numericId('Not a project id.') });
export const itemParam = z.object({ id: numericId('Not a plan item id.') });
export const meetingParam = z.object({ id: numericId('Not a meeting id.') });

/** Residents look by community or by compound. */
export const projectsQuery = z.object({ community: z.optional(slug), compound: z.optional(slug) }).check(
  z.refine((q) => !!q.community !== !!q.compound, {
    message: 'Give either a community or a compound.',
    path: ['community'],
  }),
);

const text = (min: number, max: number, say: string) =>
  plainText(z.minLength(min, say), z.maxLength(max, `At most ${max} characters.`));
const optionalText = (max: number) => z.optional(z.nullable(plainText(z.maxLength(max, `At most ${max} characters.`))));
const day = z.optional(z.nullable(dueDate));
const photoKey = z.optional(z.nullable(z.string().check(z.refine(isPhotoKey, 'Not a photo key.'))));
const itemId = z.number({ error: 'Name a plan item by its id.' }).check(z.int(), z.positive('Not a plan item id.'));

/** How long a wish's name, phone and private photos are kept after its final answer. */
export const WISH_RETENTION_DAYS = 365;

/** A resident's wish or objection on a project; as robust as a ticket. */
export const newWishSchema = z.object({
  kind: z.enum(wishKinds, { error: 'Choose wish or objection.' }),
  description: text(4, 2000, 'Say what you wish for, or what you object to, in a few words.'),
  item: z.optional(z.nullable(itemId)),
  location: optionalText(200),
  name: z.optional(plainText(z.maxLength(40))),
  phone,
  consent: z.literal(true, { error: 'Agree to how long we keep your details, or we cannot take this.' }),
  photos: residentPhotos,
  photosPublic: z._default(z.boolean(), false),
  /** "有答复时给我发短信": the phone above gets a text message when staff answer. */
  notifySms: z.optional(z.boolean()),
});
export type NewWish = z.infer<typeof newWishSchema>;

const member = z.object({ name: text(1, 60, 'Name the member.'), role: text(1, 60, 'Say their part.') });
const projectPartner = z.object({
  partner: slug,
  role: z.enum(projectPartnerRoles, { error: 'Choose contractor or supervisor.' }),
});
const projectFields = {
  title: text(2, 100, 'Give the project a title.'),
  summary: z._default(plainText(z.maxLength(4000, 'At most 4000 characters.')), ''),
  status: z._default(z.enum(projectStatuses, { error: 'Not a project status.' }), 'consulting'),
  ledBy: z._default(z.enum(projectLeads, { error: 'Choose community or subdistrict.' }), 'community'),
  workingGroup: z._default(z.array(member).check(z.maxLength(30)), []),
  partners: z._default(z.array(projectPartner).check(z.maxLength(10)), []),
  consultationStartsOn: day,
  planAgreedOn: day,
  constructionStartsOn: day,
  completedOn: day,
  /** Published news articles that tell the project's story. */
  articles: z._default(z.array(z.number().check(z.int(), z.positive('Not an article id.'))).check(z.maxLength(20)), []),
};
export const newProjectSchema = z.object({ compound: slug, ...projectFields });
export type NewProject = z.infer<typeof newProjectSchema>;
/** A change names the version it was read at; fields left out stay as they are. */
export const editProjectSchema = z.required(
  z.partial(
    z.object({
      version,
      title: projectFields.title,
      summary: plainText(z.maxLength(4000, 'At most 4000 characters.')),
      status: z.enum(projectStatuses, { error: 'Not a project status.' }),
      ledBy: z.enum(projectLeads, { error: 'Choose community or subdistrict.' }),
      workingGroup: z.array(member).check(z.maxLength(30)),
      partners: z.array(projectPartner).check(z.maxLength(10)),
      consultationStartsOn: day,
      planAgreedOn: day,
      constructionStartsOn: day,
      completedOn: day,
      articles: z.array(z.number().check(z.int(), z.positive('Not an article id.'))).check(z.maxLength(20)),
    }),
  ),
  { version: true },
);
export type ProjectEdit = z.infer<typeof editProjectSchema>;

const reason = optionalText(1000);
/** A dropped item says why, publicly. */
// Generic over the schema itself, so the typed client still knows the request body's fields.
const dropNeedsReason = <S extends z.ZodMiniType<{ status?: string; reason?: string | null }>>(schema: S): S =>
  schema.check(
    z.refine((v: z.output<S>) => v.status !== 'dropped' || !!v.reason, {
      message: 'Say publicly why the item is dropped.',
      path: ['reason'],
    }),
  );

export const newItemSchema = dropNeedsReason(
  z.object({
    title: text(2, 100, 'Name the plan item.'),
    description: z._default(plainText(z.maxLength(2000, 'At most 2000 characters.')), ''),
    status: z._default(z.enum(planItemStatuses, { error: 'Not a plan item status.' }), 'proposed'),
    reason,
    expectedOn: day,
    doneOn: day,
    beforePhoto: photoKey,
    afterPhoto: photoKey,
  }),
);
export type NewItem = z.infer<typeof newItemSchema>;

export const editItemSchema = dropNeedsReason(
  z.object({
    version,
    title: z.optional(text(2, 100, 'Name the plan item.')),
    description: z.optional(plainText(z.maxLength(2000, 'At most 2000 characters.'))),
    status: z.optional(z.enum(planItemStatuses, { error: 'Not a plan item status.' })),
    reason,
    expectedOn: day,
    doneOn: day,
    beforePhoto: photoKey,
    afterPhoto: photoKey,
  }),
);
export type ItemEdit = z.infer<typeof editItemSchema>;

/** Staff answer a wish: the outcome and what it needs (an item, a reason, a meeting, a wish it merges into). */
export const answerSchema = z
  .object({
    version,
    outcome: z.enum(
      wishOutcomes.filter((o) => o !== 'received') as Exclude<(typeof wishOutcomes)[number], 'received'>[],
      {
        error: 'Choose an answer: under_consideration, on_agenda, came_true, in_plan, not_possible or merged.',
      },
    ),
    note: reason,
    item: z.optional(z.nullable(itemId)),
    meeting: z.optional(z.nullable(z.number().check(z.int(), z.positive('Not a meeting id.')))),
    mergedInto: z.optional(z.nullable(wishNumber)),
    expectedOn: day,
    listed: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((a, ctx) => {
      const need = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
      if ((a.outcome === 'came_true' || a.outcome === 'in_plan') && !a.item)
        need('item', 'Link the plan item that realises it.');
      if (a.outcome === 'not_possible' && !a.note) need('note', 'Say publicly why it is not possible.');
      if (a.outcome === 'on_agenda' && !a.meeting) need('meeting', 'Name the meeting whose agenda it is on.');
      if (a.outcome === 'merged' && !a.mergedInto) need('mergedInto', 'Name the wish it is merged into.');
    }),
  );
export type Answer = z.infer<typeof answerSchema>;

const instant = z.iso.datetime({ offset: true, error: 'Use a date and time like 2026-12-03T09:30:00+08:00.' });
const party = (say: string) => text(1, 200, say);

/** A joint meeting: its event (time, venue, optional sign-up) and the four parties. */
export const newMeetingSchema = z
  .object({
    type: z.enum(meetingTypes, { error: 'Choose four_party or renovation.' }),
    title: z.optional(text(2, 100, 'Give the meeting a title.')),
    description: z._default(plainText(z.maxLength(4000, 'At most 4000 characters.')), ''),
    startsAt: instant,
    endsAt: instant,
    venue: text(1, 200, 'Say where it takes place.'),
    capacity: z.optional(z.nullable(z.number().check(z.int('Give a whole number.'), z.gte(1), z.lte(10_000)))),
    signupOpen: z._default(z.boolean(), false),
    parties: z.object({
      partyBranch: party('Name the courtyard Party branch.'),
      contractor: z.optional(party('Name the contractor.')),
      supervisor: z.optional(party('Name the supervisor.')),
      representatives: party('Name the Party-member and resident representatives.'),
    }),
  })
  .check(
    z.refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), {
      message: 'The end must be after the start.',
      path: ['endsAt'],
    }),
  );
export type NewMeeting = z.infer<typeof newMeetingSchema>;

export const agendaSchema = z.object({
  version,
  wishes: z.array(wishNumber).check(z.maxLength(50, 'At most 50 items on one agenda.')),
});

export const minutesSchema = z.object({
  version,
  minutes: text(2, 8000, 'Write what the meeting said.'),
  attendance: z.optional(z.nullable(z.number().check(z.int('Give a whole number.'), z.gte(0), z.lte(100_000)))),
  decisions: z
    .array(
      z
        .object({
          wish: wishNumber,
          decision: z.enum(meetingDecisions, { error: 'Choose accepted, changed, not_possible or deferred.' }),
          item: z.optional(z.nullable(itemId)),
          note: reason,
          deferredTo: day,
        })
        .check(
          z.superRefine((d, ctx) => {
            const need = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
            if ((d.decision === 'accepted' || d.decision === 'changed') && !d.item)
              need('item', 'Link the plan item it goes into.');
            if (d.decision === 'changed' && !d.note) need('note', 'Say what was changed.');
            if (d.decision === 'not_possible' && !d.note) need('note', 'Say publicly why it is not possible.');
            if (d.decision === 'deferred' && !d.deferredTo) need('deferredTo', 'Give the day it is deferred to.');
          }),
        ),
    )
    .check(z.maxLength(50)),
});
export type Minutes = z.infer<typeof minutesSchema>;

export const wishListQuery = z.object({
  outcome: z.optional(z.enum([...wishOutcomes, 'open'])),
  kind: z.optional(z.enum(wishKinds)),
});

export const newPartnerSchema = z.object({
  slug,
  name: text(2, 100, 'Name the organisation.'),
  nameEn: z._default(plainText(z.maxLength(100)), ''),
  kind: z.enum(projectPartnerRoles, { error: 'Choose contractor or supervisor.' }),
});
