import type { HomeVisitStatus } from '../../schema/index.ts';

/**
 * The home-visit workflow as data: each step, the statuses it may start from, where it leads,
 * and who takes it. Everything else is a forbidden transition (409 with the reason).
 *
 *   requested ⇄ info_needed            (the community asks; the requester adds information)
 *   requested → reviewed → sent        (the community checks eligibility, sends to a partner)
 *   sent → accepted → scheduled        (the partner accepts and proposes a slot; the requester
 *                                       confirms it or asks for another; or the partner confirms one)
 *   sent | accepted | scheduled → reviewed   (declined: back to the community for another partner)
 *   scheduled → visited → confirmed    (done; the requester confirms and rates; closes by itself)
 *   scheduled → accepted | reviewed | closed (not completed: revisit, back to the community, or no next step)
 *   requested | info_needed | reviewed → rejected;  any open status → cancelled
 */
export const transitions = {
  approve: { by: 'community', from: ['requested'], to: 'reviewed' },
  ask_info: { by: 'community', from: ['requested', 'reviewed'], to: 'info_needed' },
  reject: { by: 'community', from: ['requested', 'info_needed', 'reviewed'], to: 'rejected' },
  send: { by: 'community', from: ['reviewed'], to: 'sent' },
  cancel: {
    by: 'community',
    from: ['requested', 'info_needed', 'reviewed', 'sent', 'accepted', 'scheduled'],
    to: 'cancelled',
  },
  accept: { by: 'partner', from: ['sent'], to: 'accepted' },
  decline: { by: 'partner', from: ['sent', 'accepted', 'scheduled'], to: 'reviewed' },
  propose: { by: 'partner', from: ['accepted'], to: 'accepted' },
  schedule: { by: 'partner', from: ['accepted'], to: 'scheduled' },
  done: { by: 'partner', from: ['scheduled'], to: 'visited' },
  not_completed_revisit: { by: 'partner', from: ['scheduled'], to: 'accepted' },
  not_completed_community: { by: 'partner', from: ['scheduled'], to: 'reviewed' },
  not_completed_none: { by: 'partner', from: ['scheduled'], to: 'closed' },
  add_info: { by: 'resident', from: ['info_needed'], to: 'requested' },
  confirm_slot: { by: 'resident', from: ['accepted'], to: 'scheduled' },
  other_slot: { by: 'resident', from: ['accepted'], to: 'accepted' },
  confirm_visit: { by: 'resident', from: ['visited'], to: 'confirmed' },
  auto_close: { by: 'system', from: ['visited'], to: 'closed' },
} as const satisfies Record<
  string,
  { by: 'community' | 'partner' | 'resident' | 'system'; from: readonly HomeVisitStatus[]; to: HomeVisitStatus }
>;
export type VisitTransition = keyof typeof transitions;

/** Statuses in which the visit still needs someone to act. */
export const openVisitStatuses = [
  'requested',
  'info_needed',
  'reviewed',
  'sent',
  'accepted',
  'scheduled',
] as const satisfies readonly HomeVisitStatus[];
/** Statuses after which nothing more happens but a rating. */
export const finalVisitStatuses = [
  'confirmed',
  'closed',
  'rejected',
  'cancelled',
] as const satisfies readonly HomeVisitStatus[];
/** Statuses in which the visit is assigned to a partner. */
export const assignedStatuses = ['sent', 'accepted', 'scheduled'] as const satisfies readonly HomeVisitStatus[];

const has = (list: readonly HomeVisitStatus[], status: HomeVisitStatus) => list.includes(status);
export const isOpenVisit = (status: HomeVisitStatus) => has(openVisitStatuses, status);

/** Why a step may not be taken from a status, or null when it may. */
export function visitTransitionProblem(step: VisitTransition, status: HomeVisitStatus): string | null {
  const rule = transitions[step];
  if (has(rule.from, status)) return null;
  const name = step.replace(/_(revisit|community|none)$/, '').replaceAll('_', ' ');
  return `A home visit that is ${status.replace('_', ' ')} cannot take "${name}"; only one that is ${rule.from.join(' or ').replaceAll('_', ' ')}.`;
}

/** Whether a visit is past its due date and still open. */
export const isOverdueVisit = (v: { status: HomeVisitStatus; dueAt: number }, now: number) =>
  isOpenVisit(v.status) && v.dueAt < now;
