import { and, asc, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import {
  communities,
  compounds,
  homeServices,
  homeVisitEntries,
  homeVisits,
  partners,
  staff,
} from '../../schema/index.ts';
import { maskPhone } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';
import { DAY_MS } from '../lib/time.ts';
import { activeOptin } from '../messages/outbox.ts';
import type { PlaceRef, StaffMember } from '../staff/policy.ts';
import { RETENTION_DAYS, REVEAL_DAYS } from './input.ts';
import { assignedStatuses, isOverdueVisit } from './lifecycle.ts';

const visitQuery = (db: Db, number: string) =>
  db
    .select({
      visit: homeVisits,
      service: { code: homeServices.code, name: homeServices.name, nameEn: homeServices.nameEn },
      partner: { slug: partners.slug, name: partners.name, nameEn: partners.nameEn, kind: partners.kind },
      community: { slug: communities.slug, name: communities.name, nameEn: communities.nameEn },
      compound: { slug: compounds.slug, name: compounds.name, nameEn: compounds.nameEn },
      smsActive: activeOptin('visit', homeVisits.id),
    })
    .from(homeVisits)
    .innerJoin(homeServices, eq(homeServices.id, homeVisits.serviceId))
    .innerJoin(communities, eq(communities.id, homeVisits.communityId))
    .leftJoin(partners, eq(partners.id, homeVisits.partnerId))
    .leftJoin(compounds, eq(compounds.id, homeVisits.compoundId))
    .where(eq(homeVisits.number, number));
const loaded = (row: Awaited<ReturnType<typeof visitQuery>>[number]) => ({
  ...row,
  partner: row.partner?.slug ? row.partner : null,
  compound: row.compound?.slug ? row.compound : null,
});

/** A home visit with the names of its service, partner and places, by its human number. */
export async function loadVisit(db: Db, number: string) {
  const [row] = await visitQuery(db, number);
  return row && loaded(row);
}

/** A home visit by its number with its public timeline, in one round trip: what its tracking page reads. */
export async function visitWithTimeline(db: Db, number: string) {
  const [[row], timeline] = await db.batch([
    visitQuery(db, number),
    entriesQuery(
      db,
      sql`(select ${homeVisits.id} from ${homeVisits} where ${homeVisits.number} = ${number})`,
      'public',
    ),
  ]);
  return row && { ...loaded(row), timeline };
}
export type LoadedVisit = NonNullable<Awaited<ReturnType<typeof loadVisit>>>;

/** Where a visit belongs, as the policy judges it: its community, and the partner it is assigned to. */
export const visitPlace = (v: LoadedVisit['visit']): PlaceRef => ({
  subdistrictId: v.subdistrictId,
  communityId: v.communityId,
  partnerId: v.partnerId,
});

/**
 * Whether the partner's staff see the address, phone and name now: while the visit is assigned
 * to them, and for `REVEAL_DAYS` after they record the outcome (a follow-up call, a forgotten
 * document). Then only the visit itself.
 */
export function partnerWindowOpen(v: LoadedVisit['visit'], now: number): boolean {
  if ((assignedStatuses as readonly string[]).includes(v.status)) return true;
  return v.visitedAt !== null && now <= v.visitedAt + REVEAL_DAYS * DAY_MS;
}

/** Whether this staff member sees the personal details (community staff always; a partner in its window). */
export const revealsTo = (who: StaffMember, v: LoadedVisit['visit'], now: number) =>
  who.role !== 'partner' || (v.partnerId === who.partnerId && partnerWindowOpen(v, now));

/** The door code, for exactly the assigned partner's staff and the requester, once the time is agreed. */
const codeFor = (v: LoadedVisit['visit']) => (v.status === 'scheduled' ? v.visitCode : null);

const entriesQuery = (db: Db, visitId: Placeholder | SQL, which: 'public' | 'all') =>
  db
    .select({
      at: homeVisitEntries.at,
      kind: homeVisitEntries.kind,
      visibility: homeVisitEntries.visibility,
      body: homeVisitEntries.body,
      fromStatus: homeVisitEntries.fromStatus,
      toStatus: homeVisitEntries.toStatus,
      actor: homeVisitEntries.actor,
      staffName: staff.displayName,
      detail: homeVisitEntries.detail,
    })
    .from(homeVisitEntries)
    .leftJoin(staff, eq(staff.id, homeVisitEntries.staffId))
    .where(
      and(
        eq(homeVisitEntries.visitId, visitId),
        which === 'public' ? eq(homeVisitEntries.visibility, 'public') : undefined,
      ),
    )
    .orderBy(asc(homeVisitEntries.at), asc(homeVisitEntries.id));
const entriesOf = (which: 'public' | 'all') =>
  prepared((db) => entriesQuery(db, sql.placeholder('visitId'), which).prepare());
const entries = { public: entriesOf('public'), all: entriesOf('all') };

/** What the requester may still do. */
export function requesterOptions(v: LoadedVisit['visit']) {
  const slotOffered = v.status === 'accepted' && v.slotStart !== null;
  return {
    canAddInfo: v.status === 'info_needed',
    canConfirmSlot: slotOffered,
    canAskOtherSlot: slotOffered,
    canConfirmVisit: v.status === 'visited',
    canRate: v.outcome === 'done' && v.rating === null && ['visited', 'confirmed', 'closed'].includes(v.status),
  };
}

function common(row: LoadedVisit, now: number) {
  const v = row.visit;
  return {
    number: v.number,
    status: v.status,
    service: row.service,
    community: row.community,
    preferredTimes: v.preferredTimes,
    createdAt: v.createdAt,
    dueAt: v.dueAt,
    overdue: isOverdueVisit(v, now),
    slot: v.slotStart !== null && v.slotEnd !== null ? { start: v.slotStart, end: v.slotEnd } : null,
    outcome: v.outcome ? { result: v.outcome, note: v.outcomeNote, nextStep: v.nextStep } : null,
    rating: v.rating === null ? null : { score: v.rating, comment: v.ratingComment },
  };
}

/** The requester's private view: public timeline, phone masked, the address as building and unit. */
export async function trackingView(
  db: Db,
  row: LoadedVisit,
  now: number,
  timeline?: Awaited<ReturnType<typeof entriesQuery>>,
) {
  const v = row.visit;
  const code = codeFor(v);
  return {
    ...common(row, now),
    partner: row.partner && { name: row.partner.name, nameEn: row.partner.nameEn, kind: row.partner.kind },
    forWhom: { relation: v.relation, name: v.personName, addressAs: v.addressAs },
    address: { building: v.building, unit: v.unit },
    phone: maskPhone(v.phone),
    reason: { kind: v.reason },
    visitor:
      code && row.partner
        ? { organisation: { name: row.partner.name, nameEn: row.partner.nameEn }, name: v.visitorName, code }
        : null,
    timeline: (timeline ?? (await entries.public(db).all({ visitId: v.id }))).map(
      ({ detail: _, visibility: __, ...e }) => e,
    ),
    ...requesterOptions(v),
    retentionDays: RETENTION_DAYS,
    /** The requester asked for text messages and has not stopped them. */
    smsActive: !!row.smsActive,
  };
}

/**
 * The staff view. Personal details (name, address, phone, the reason's note) only when
 * `revealsTo` allows; the door code only to the assigned partner.
 */
export async function staffVisitView(db: Db, row: LoadedVisit, who: StaffMember, now: number) {
  const v = row.visit;
  const revealed = revealsTo(who, v, now);
  const isPartner = who.role === 'partner';
  return {
    ...common(row, now),
    partner: row.partner,
    channel: v.channel,
    relation: v.relation,
    forWhom: { addressAs: v.addressAs, name: revealed ? v.personName : null },
    requesterName: revealed ? v.requesterName : null,
    address: revealed ? { compound: row.compound, building: v.building, unit: v.unit, room: v.room } : null,
    phone: revealed ? v.phone : null,
    reason: { kind: v.reason, note: revealed ? v.reasonNote : null },
    revealed,
    revealUntil: isPartner && v.visitedAt !== null ? v.visitedAt + REVEAL_DAYS * DAY_MS : null,
    visitorName: v.visitorName,
    visitCode: isPartner ? codeFor(v) : null,
    sentAt: v.sentAt,
    visitedAt: v.visitedAt,
    closedAt: v.closedAt,
    version: v.version,
    timeline: await entries.all(db).all({ visitId: v.id }),
  };
}
