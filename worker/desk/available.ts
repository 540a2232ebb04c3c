import type { PartSide } from '../../schema/index.ts';
import { decide, type StaffMember } from '../staff/policy.ts';
import type { DeskAction } from './actions.ts';
import { isOpen, transitionProblem } from './lifecycle.ts';
import { isMemberOf } from './sides.ts';
import { type LoadedTicket, ticketPlace } from './views.ts';

export type DeskActionName = DeskAction['action'];
type Ticket = LoadedTicket['ticket'];

const said = (status: string) => status.replace('_', ' ');

/**
 * Why each staff action cannot be taken on the ticket as it stands now, or null when it can.
 * The server refuses by this table and the ticket view offers by it, so the two never disagree.
 */
const problems: Record<DeskActionName, (t: Ticket, row: LoadedTicket, now: number) => string | null> = {
  accept: (t, r) => byParts(r) ?? transitionProblem('accept', t.status),
  start: (t, r) => byParts(r) ?? transitionProblem('start', t.status),
  resolve: (t, r) => byParts(r) ?? transitionProblem('resolve', t.status),
  reject: (t) => transitionProblem('reject', t.status),
  duplicate: (t) => transitionProblem('duplicate', t.status),
  reroute: (t) => (isOpen(t.status) ? null : `A ticket that is ${said(t.status)} cannot be re-routed.`),
  // Supervision follows open tickets only; a flag on any other would never be seen.
  flag: (t) =>
    !isOpen(t.status)
      ? `A ticket that is ${said(t.status)} cannot be flagged; only an open one.`
      : t.flagged
        ? 'This ticket is already flagged.'
        : null,
  unflag: (t) => (t.flagged ? null : 'This ticket is not flagged.'),
  assign: (t) => assignProblem(t, 'assigned'),
  claim: (t) => assignProblem(t, 'claimed') ?? (t.assigneeStaffId === null ? null : 'This ticket is already assigned.'),
  dispute: (t, r) =>
    !isOpen(t.status)
      ? `A ticket that is ${said(t.status)} cannot be disputed.`
      : r.openDisputes > 0
        ? 'A dispute on this ticket is already with the sub-district.'
        : null,
  // The clock stops only on an open ticket, and only once at a time.
  pause: (t) =>
    !isOpen(t.status)
      ? `A ticket that is ${said(t.status)} has no running clock to pause.`
      : t.pausedAt
        ? 'The clock of this ticket is already paused.'
        : null,
  resume: (t) => (t.pausedAt ? null : 'The clock of this ticket is not paused.'),
  // More time is asked for before the due date (a 409 deadline_passed after it), with the clock running.
  extend: (t, _r, now) =>
    !isOpen(t.status)
      ? `A ticket that is ${said(t.status)} needs no more time.`
      : t.pausedAt
        ? 'The clock is paused; resume it before asking for more time.'
        : t.dueAt < now
          ? 'The due date has passed; more time must be asked for before it.'
          : null,
  // The call is for residents who did not rate online, once per resolution.
  follow_up: (t) =>
    t.status !== 'resolved' && t.status !== 'closed'
      ? `A ticket that is ${said(t.status)} is not called back; only a resolved or closed one.`
      : t.rating !== null
        ? 'The resident already rated this ticket online.'
        : t.followUpAt !== null
          ? 'The follow-up call of this ticket is already recorded.'
          : null,
  note: () => null,
};

/** A joint ticket with parts is worked through them: each side accepts and finishes its own. */
const byParts = (r: LoadedTicket) =>
  r.ticket.owner === 'joint' && r.partCount > 0 ? 'Work a joint ticket through its parts.' : null;

const assignProblem = (t: Ticket, what: string) =>
  !isOpen(t.status)
    ? `A ticket that is ${said(t.status)} cannot be ${what}.`
    : t.owner === 'joint'
      ? "Assign a joint ticket's parts, not the ticket."
      : null;

/** Why this action may not be taken on the ticket now (a 409), or null. */
export const deskActionProblem = (action: DeskActionName, row: LoadedTicket, now: number) =>
  problems[action](row.ticket, row, now);

/**
 * What the policy must allow for each action: working the ticket, except a note, which anyone
 * who may read the ticket adds (the community committee on a ticket the property company owns:
 * the two sides work it together), and the follow-up call, which the joint desk makes for both.
 */
export const deskActionNeeds = (action: DeskActionName) =>
  action === 'note' || action === 'follow_up' ? 'ticket.read' : 'ticket.work';

/**
 * The actions this staff member may take on this ticket now: those the policy allows them, of
 * the ones its status allows.
 * @example deskActionsFor(staff, row, now) // → ['accept', 'reject', 'duplicate', 'reroute', 'flag', 'note']
 */
export function deskActionsFor(staff: StaffMember, row: LoadedTicket, now: number): DeskActionName[] {
  const place = ticketPlace(row.ticket);
  return (Object.keys(problems) as DeskActionName[]).filter(
    (action) =>
      decide(staff, deskActionNeeds(action), place) === 'allow' &&
      problems[action](row.ticket, row, now) === null &&
      // Claiming is for the owner's own staff; overseers assign.
      (action !== 'claim' || isMemberOf(staff, row.ticket.owner as PartSide, row.ticket)),
  );
}
