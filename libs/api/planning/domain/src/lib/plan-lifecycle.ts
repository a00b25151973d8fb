/**
 * Lifecycle of a plan (kế hoạch): draft → submitted → approved | returned → issued → closed.
 * Returned drafts are edited and submitted again. Every transition is a command with its event.
 */
export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'issued' | 'closed';
export type PlanTransition = 'submit' | 'approve' | 'return' | 'issue' | 'close' | 'amend';

const TRANSITIONS: Record<PlanTransition, { from: readonly PlanStatus[]; to: PlanStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  issue: { from: ['approved'], to: 'issued' },
  close: { from: ['issued'], to: 'closed' },
  // An amendment keeps the plan issued; it is recorded with who, when and why.
  amend: { from: ['issued'], to: 'issued' },
};

// Who may perform a transition is an access rule: planning's access policy owns it
// (libs/api/planning/application/src/lib/access/plan-access.policy.ts, TRANSITION_ROLES).

export function nextStatus(from: PlanStatus, transition: PlanTransition): PlanStatus | null {
  const t = TRANSITIONS[transition];
  return t.from.includes(from) ? t.to : null;
}

/** Only drafts and returned drafts are edited in place; an issued plan changes by amendment. */
export function isEditable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'returned';
}
