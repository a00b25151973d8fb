import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { PlanSummaryDto } from '@dieu-hanh/shared/contracts';
import { allowedActions } from '../access/plan-access.policy';
import type { WithStanding } from '../ports/plan.read-model';

/** The read side's plan with the caller's `allowedActions` from the policy, and its standing facts dropped. */
export function withAllowedActions<T extends PlanSummaryDto>(scope: AccessScope, row: WithStanding<T>): T {
  const { issuerTier, holdsAssignment, ...dto } = row;
  return { ...dto, allowedActions: allowedActions(scope, { ...dto, issuerTier, holdsAssignment }) } as unknown as T;
}
