import { and, eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import * as z from 'zod/mini';
import {
  communities,
  compounds,
  photos,
  propertyCompanyCompounds,
  ticketCategories,
  type ticketChannels,
  tickets,
  timelineEntries,
} from '../../schema/index.ts';
import { workCalendar } from '../calendar/calendar.ts';
import { hashToken, randomToken } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import { phone, plainText, residentPhotos, slug } from '../lib/fields.ts';
import type { RecordAnswer } from '../lib/idempotency.ts';
import type { Db } from '../lib/platform.ts';
import { halfPosition, positionFields } from '../lib/position.ts';
import { shanghaiDay } from '../lib/time.ts';
import { requireUnclaimed, unclaimed } from '../lib/uploads.ts';
import { optinInsert } from '../messages/outbox.ts';
import { communityIdOf } from '../places/places.ts';
import { newTicketNotice } from '../robots/notices.ts';
import type { PlaceRef } from '../staff/policy.ts';
import { newTicketClock } from './clock.ts';
import { insertParts } from './sides.ts';

/** How long personal data (name, phone, photos) is kept after a ticket is closed. */
export const RETENTION_DAYS = 365;

export const newTicketSchema = z.object({
  community: slug,
  category: slug,
  description: plainText(
    z.minLength(4, 'Describe the problem in a few words.'),
    z.maxLength(2000, 'Keep it under 2000 characters.'),
  ),
  compound: z.optional(slug),
  location: plainText(z.minLength(1, 'Say where: building and unit, or a place.'), z.maxLength(200)),
  name: z.optional(plainText(z.maxLength(40))),
  phone,
  consent: z.literal(true, { error: 'Agree to how long we keep your details, or we cannot file this.' }),
  photos: residentPhotos,
  photosPublic: z._default(z.boolean(), false),
  ...positionFields,
  /** "状态有变化时给我发短信": the phone above gets a text message on each public change. */
  notifySms: z.optional(z.boolean()),
});
export type NewTicket = z.infer<typeof newTicketSchema>;

const invalid = (field: string, message: string) => new ApiError(400, 'invalid_input', message, { [field]: message });

/**
 * Finds community, category, compound and property company for a new ticket, or says which field
 * is wrong: one round trip, the later reads naming the community by its slug.
 */
async function resolvePlace(db: Db, input: NewTicket) {
  const half = halfPosition(input);
  if (half) throw invalid(half.field, half.message);
  const communityId = communityIdOf(input.community);
  const [[community], [category], [compound], served] = await db.batch([
    db.select().from(communities).where(eq(communities.slug, input.community)),
    db
      .select()
      .from(ticketCategories)
      .where(
        and(
          eq(ticketCategories.communityId, communityId),
          eq(ticketCategories.code, input.category),
          eq(ticketCategories.active, true),
        ),
      ),
    db
      .select({ id: compounds.id })
      .from(compounds)
      .where(and(eq(compounds.slug, input.compound ?? ''), eq(compounds.communityId, communityId))),
    db
      .selectDistinct({ companyId: propertyCompanyCompounds.propertyCompanyId, compoundId: compounds.id })
      .from(propertyCompanyCompounds)
      .innerJoin(compounds, eq(compounds.id, propertyCompanyCompounds.compoundId))
      .where(eq(compounds.communityId, communityId)),
  ]);
  if (!community) throw invalid('community', 'No such community.');
  if (!category) throw invalid('category', 'No such category in this community.');
  if (category.homeVisits)
    throw invalid('category', 'This community takes these as home-visit requests (/api/home-visits), not tickets.');
  let compoundId: number | null = null;
  if (input.compound) {
    if (!compound) throw invalid('compound', 'No such compound in this community.');
    compoundId = compound.id;
  }
  // The company serving the compound; without a compound, the community's only company if it has one.
  const companies = [...new Set(served.map((s) => s.companyId))];
  const propertyCompanyId =
    compoundId !== null
      ? (served.find((s) => s.compoundId === compoundId)?.companyId ?? null)
      : companies.length === 1
        ? companies[0]!
        : null;
  return { community, category, compoundId, propertyCompanyId };
}

/**
 * Files a ticket: a resident on the web, or staff for a walk-in or phone caller. One batch
 * writes the ticket with its human number, claims its photos and starts its timeline, so
 * nothing is half-written. Returns the number and the resident's private token.
 */
export async function fileTicket(
  db: Db,
  input: NewTicket,
  ctx: {
    now: number;
    channel: (typeof ticketChannels)[number];
    staffId?: number;
    check?: (place: PlaceRef) => void;
    /** Keeps the answer for the request's Idempotency-Key, in the same batch as the ticket. */
    record?: RecordAnswer;
    /** The partner app filing over Open311 (channel `open311`). */
    partnerApp?: string;
    /** More statements for the same batch, after the ticket (an audit entry, a key's last use). */
    also?: BatchItem<'sqlite'>[];
    /** Signs the stop link of a resident's opt-in (settings.stopSecret). */
    stopSecret?: string;
  },
): Promise<{ number: string; token: string }> {
  const { community, category, compoundId, propertyCompanyId } = await resolvePlace(db, input);
  ctx.check?.({
    subdistrictId: community.subdistrictId,
    communityId: community.id,
    compoundId,
    propertyCompanyId,
    owner: category.owner,
  });
  await requireUnclaimed(db, input.photos, 'A photo was not uploaded, or belongs to another ticket.');
  const token = randomToken();
  const prefix = `${community.code}-${shanghaiDay(ctx.now)}-`;
  const { dueAt, firstResponseDueAt } = newTicketClock(await workCalendar(db, ctx.now), category, ctx.now);
  // The day's sequence number is counted inside the insert: batches are serialised by the
  // database's write lock, so two tickets can never get the same number.
  const insertTicket = db.all<{ number: string }>(sql`
    insert into ${tickets} (number, token_hash, subdistrict_id, community_id, compound_id, property_company_id,
      category_id, owner, channel, description, location, lat, long, partner_app, name, phone, photos_public, due_at, first_response_due_at,
      created_by_staff_id, created_at, updated_at)
    select ${prefix} || printf('%04d', count(*) + 1), ${await hashToken(token)}, ${community.subdistrictId}, ${community.id},
      ${compoundId}, ${propertyCompanyId}, ${category.id}, ${category.owner}, ${ctx.channel}, ${input.description},
      ${input.location}, ${input.lat ?? null}, ${input.long ?? null}, ${ctx.partnerApp ?? null}, ${input.name || null}, ${input.phone}, ${input.photosPublic}, ${dueAt}, ${firstResponseDueAt},
      ${ctx.staffId ?? null},
      ${ctx.now}, ${ctx.now}
    from ${tickets} where number >= ${prefix} and number < ${`${prefix.slice(0, -1)}.`}
    returning number`);
  const claimPhotos = input.photos.map((key, position) =>
    db
      .update(photos)
      .set({ ticketId: sql`last_insert_rowid()`, position })
      .where(and(eq(photos.key, key), unclaimed())),
  );
  const firstEntry = db.insert(timelineEntries).values({
    ticketId: sql`last_insert_rowid()`,
    at: ctx.now,
    kind: 'submitted',
    visibility: 'public',
    toStatus: 'submitted',
    actor: ctx.staffId ? 'staff' : 'resident',
    staffId: ctx.staffId ?? null,
    detail: { channel: ctx.channel, category: category.code, owner: category.owner },
  });
  const answer = ctx.record?.(
    sql`json_object('number', (select number from ${tickets} where id = last_insert_rowid()), 'token', ${token})`,
  );
  // A joint ticket gets a part per side. By now last_insert_rowid() is the timeline entry's; the
  // new ticket has the highest id (SQLite gives a new row the highest id + 1, under the batch's write lock).
  const parts =
    category.owner === 'joint' ? insertParts(db, sql`(select max(id) from ${tickets})`, dueAt, ctx.now) : [];
  const optin =
    input.notifySms && ctx.stopSecret
      ? await optinInsert(db, ctx.stopSecret, 'ticket', sql`(select max(id) from ${tickets})`, input.phone, ctx.now)
      : [];
  // The owner's robot(s) hear of it in the same batch: a refused filing announces nothing.
  const [inserted] = await db.batch([
    insertTicket,
    ...(answer ? [answer] : []),
    ...claimPhotos,
    firstEntry,
    ...parts,
    newTicketNotice(db, ctx.now),
    ...(ctx.also ?? []),
    ...optin,
  ]);
  return { number: (inserted as { number: string }[])[0]!.number, token };
}
