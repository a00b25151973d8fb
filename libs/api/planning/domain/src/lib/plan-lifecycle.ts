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

/** Who may perform a transition, by tier of the issuing unit (city plans vs a commune's own plans). */
const ROLES: Record<PlanTransition, { 1: readonly string[]; 2: readonly string[] }> = {
  submit: { 1: ['department-officer', 'office-officer'], 2: ['commune-officer', 'commune-leader'] },
  approve: { 1: ['leader'], 2: ['commune-leader'] },
  return: { 1: ['leader'], 2: ['commune-leader'] },
  issue: { 1: ['leader', 'office-officer'], 2: ['commune-leader'] },
  close: { 1: ['leader'], 2: ['commune-leader'] },
  amend: { 1: ['leader', 'office-officer'], 2: ['commune-leader'] },
};

export function nextStatus(from: PlanStatus, transition: PlanTransition): PlanStatus | null {
  const t = TRANSITIONS[transition];
  return t.from.includes(from) ? t.to : null;
}

export function mayPerform(transition: PlanTransition, issuerTier: 1 | 2, roles: readonly string[]): boolean {
  return ROLES[transition][issuerTier].some((r) => roles.includes(r));
}

/** Only drafts and returned drafts are edited in place; an issued plan changes by amendment. */
export function isEditable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'returned';
}
