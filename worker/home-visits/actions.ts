import { randomDigits } from '../lib/crypto.ts';
import { ApiError } from '../lib/errors.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntry, auditEntryIfChanged } from '../staff/audit.ts';
import { type Action, decide, type StaffMember } from '../staff/policy.ts';
import { changeVisit, type VisitRow, visitEntry } from './change.ts';
import { type Slot, VISIT_CODE_DIGITS, type VisitAction } from './input.ts';
import { transitions, type VisitTransition, visitTransitionProblem } from './lifecycle.ts';
import { partnerOfService, partnerServing } from './services.ts';
import { type LoadedVisit, visitPlace } from './views.ts';

type Kind = VisitAction['action'];

/** The step of the workflow an action takes (not completed: by its next step). */
const stepOf = (a: Exclude<VisitAction, { action: 'note' }>): VisitTransition =>
  a.action === 'not_completed' ? `not_completed_${a.nextStep}` : a.action;

/** What the policy must allow for an action: the community coordinates, the assigned partner serves. */
export function visitActionNeeds(kind: Kind): Action {
  if (kind === 'note') return 'visit.read';
  return transitions[kind === 'not_completed' ? 'not_completed_revisit' : kind].by === 'partner'
    ? 'visit.serve'
    : 'visit.coordinate';
}

const kinds: Kind[] = [
  'approve',
  'ask_info',
  'reject',
  'send',
  'cancel',
  'accept',
  'decline',
  'propose',
  'schedule',
  'done',
  'not_completed',
  'note',
];

/** The actions this staff member may take on the visit now, so the web offers only those. */
export function visitActionsFor(who: StaffMember, row: LoadedVisit): Kind[] {
  const place = visitPlace(row.visit);
  return kinds.filter(
    (k) =>
      decide(who, visitActionNeeds(k), place) === 'allow' &&
      (k === 'note' || !visitTransitionProblem(k === 'not_completed' ? 'not_completed_revisit' : k, row.visit.status)),
  );
}

function slotTimes(slot: Slot, now: number) {
  const start = Date.parse(slot.start);
  if (start < now)
    throw new ApiError(400, 'invalid_input', 'The slot is in the past.', { 'slot.start': 'The slot is in the past.' });
  return { slotStart: start, slotEnd: Date.parse(slot.end) };
}

const released = { partnerId: null, slotStart: null, slotEnd: null, visitorName: null, visitCode: null };

/** What an action changes on the visit, and its public or internal entry. */
async function plan(
  db: Db,
  row: LoadedVisit,
  a: Exclude<VisitAction, { action: 'note' }>,
  now: number,
): Promise<{ set: Partial<VisitRow>; kind: string; body?: string | undefined; detail?: Record<string, unknown> }> {
  const v = row.visit;
  switch (a.action) {
    case 'approve':
      return { set: {}, kind: 'reviewed', body: a.note };
    case 'ask_info':
      return { set: {}, kind: 'info_requested', body: a.message };
    case 'reject':
      return { set: { closedAt: now }, kind: 'rejected', body: a.reason };
    case 'cancel':
      return { set: { closedAt: now, visitCode: null }, kind: 'cancelled', body: a.reason };
    case 'send': {
      const partner = a.partner
        ? await partnerServing(db, v.communityId, a.partner)
        : await partnerOfService(db, v.communityId, v.serviceId);
      const set: Partial<VisitRow> = { ...released, partnerId: partner.id, sentAt: now };
      return { set, kind: 'sent', body: a.note, detail: { partner: partner.slug } };
    }
    case 'accept':
      return {
        set: { ...(a.slot ? slotTimes(a.slot, now) : {}), visitorName: a.visitorName ?? null },
        kind: 'accepted',
        body: a.note,
      };
    case 'propose':
      return {
        set: { ...slotTimes(a.slot, now), visitorName: a.visitorName ?? v.visitorName },
        kind: 'slot_proposed',
        body: a.note,
      };
    case 'schedule':
      return {
        set: { ...slotTimes(a.slot, now), visitorName: a.visitorName, visitCode: randomDigits(VISIT_CODE_DIGITS) },
        kind: 'scheduled',
        body: a.note,
      };
    case 'decline':
      return { set: released, kind: 'declined', body: a.reason, detail: { partner: row.partner?.slug } };
    case 'done':
      return {
        set: { outcome: 'done', outcomeNote: a.note ?? null, visitedAt: now, visitCode: null },
        kind: 'visited',
        body: a.note,
      };
    case 'not_completed': {
      const set: Partial<VisitRow> = {
        outcome: 'not_completed',
        outcomeNote: a.reason,
        nextStep: a.nextStep,
        visitedAt: now,
        visitCode: null,
        ...(a.nextStep === 'revisit' ? { slotStart: null, slotEnd: null } : {}),
        ...(a.nextStep === 'community' ? released : {}),
        ...(a.nextStep === 'none' ? { closedAt: now } : {}),
      };
      return { set, kind: 'not_completed', body: a.reason, detail: { nextStep: a.nextStep } };
    }
  }
}

/** Carries out one staff action on a visit (authorisation is the caller's; the workflow rules are here). */
export async function runVisitAction(db: Db, row: LoadedVisit, a: VisitAction, who: StaffMember, now: number) {
  const by = { actor: who.role === 'partner' ? ('partner' as const) : ('staff' as const), staffId: who.id };
  const number = row.visit.number;
  if (a.action === 'note') {
    await db.batch([
      visitEntry(db, row.visit.id, now, { kind: 'note', visibility: a.visibility, body: a.body, ...by }),
      auditEntry(db, who, 'home_visit.note', 'home_visit', number, now),
    ]);
    return;
  }
  const step = stepOf(a);
  const problem = visitTransitionProblem(step, row.visit.status);
  if (problem) throw new ApiError(409, 'invalid_transition', problem);
  const { set, kind, body, detail } = await plan(db, row, a, now);
  await changeVisit(db, row.visit, {
    step,
    version: a.version,
    now,
    set,
    entry: { kind, visibility: 'public', body: body || null, detail, ...by },
    also: [auditEntryIfChanged(db, who, `home_visit.${a.action}`, 'home_visit', number, now)],
  });
}
