import type { TicketStatus } from '../../schema/index.ts';

/**
 * The ticket lifecycle as data: each action, the statuses it may start from, and where it
 * leads. Everything else is a forbidden transition (409 with the reason).
 *
 *   submitted → accepted → in_progress → resolved → closed
 *        ↘ rejected / duplicate            ↘ reopened (→ in_progress)
 */
export const transitions = {
  accept: { from: ['submitted'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reject: { from: ['submitted', 'accepted'], to: 'rejected' },
  duplicate: { from: ['submitted', 'accepted', 'in_progress'], to: 'duplicate' },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress' },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus }>;

export type Transition = keyof typeof transitions;

/** Statuses in which a ticket is still being worked on. */
export const openStatuses = ['submitted', 'accepted', 'in_progress'] as const satisfies readonly TicketStatus[];
/** Statuses after which nothing more happens (but a reopen from closed). */
export const finalStatuses = ['closed', 'rejected', 'duplicate'] as const satisfies readonly TicketStatus[];

/** Days after resolution during which the resident may reopen. */
export const REOPEN_DAYS = 14;
/** Days after resolution when a ticket closes by itself if the resident has not confirmed. */
export const AUTO_CLOSE_DAYS = 7;

const pastTense: Record<Transition, string> = {
  accept: 'accepted',
  start: 'started',
  resolve: 'resolved',
  close: 'closed',
  reject: 'rejected',
  duplicate: 'marked duplicate',
  reopen: 'reopened',
};

/** Why an action may not be taken from a status, or null when it may. */
export function transitionProblem(action: Transition, status: TicketStatus): string | null {
  const rule = transitions[action];
  if ((rule.from as readonly TicketStatus[]).includes(status)) return null;
  return `A ticket that is ${status.replace('_', ' ')} cannot be ${pastTense[action]}; only one that is ${rule.from.join(' or ').replace('_', ' ')}.`;
}

export const isOpen = (status: TicketStatus) => (openStatuses as readonly TicketStatus[]).includes(status);
