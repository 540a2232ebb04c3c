import { decide, type StaffMember } from '../staff/policy.ts';
import type { DeskAction } from './actions.ts';
import { isOpen, transitionProblem } from './lifecycle.ts';
import { type LoadedTicket, ticketPlace } from './views.ts';

export type DeskActionName = DeskAction['action'];
type Ticket = LoadedTicket['ticket'];

const said = (status: string) => status.replace('_', ' ');

/**
 * Why each staff action cannot be taken on the ticket as it stands now, or null when it can.
 * The server refuses by this table and the ticket view offers by it, so the two never disagree.
 */
const problems: Record<DeskActionName, (t: Ticket) => string | null> = {
  accept: (t) => transitionProblem('accept', t.status),
  start: (t) => transitionProblem('start', t.status),
  resolve: (t) => transitionProblem('resolve', t.status),
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
  note: () => null,
};

/** Why this action may not be taken on the ticket now (a 409), or null. */
export const deskActionProblem = (action: DeskActionName, t: Ticket) => problems[action](t);

/**
 * What the policy must allow for each action: working the ticket, except a note, which anyone
 * who may read the ticket adds (the community committee on a ticket the property company owns:
 * the two sides work it together).
 */
export const deskActionNeeds = (action: DeskActionName) => (action === 'note' ? 'ticket.read' : 'ticket.work');

/**
 * The actions this staff member may take on this ticket now: those the policy allows them, of
 * the ones its status allows.
 * @example deskActionsFor(staff, row) // → ['accept', 'reject', 'duplicate', 'reroute', 'flag', 'note']
 */
export function deskActionsFor(staff: StaffMember, row: LoadedTicket): DeskActionName[] {
  const place = ticketPlace(row.ticket);
  return (Object.keys(problems) as DeskActionName[]).filter(
    (action) => decide(staff, deskActionNeeds(action), place) === 'allow' && problems[action](row.ticket) === null,
  );
}
