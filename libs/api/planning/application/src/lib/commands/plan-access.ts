import type { Plan } from '@dieu-hanh/api/planning/domain';
import { mayPerform, planNotFound, type PlanTransition } from '@dieu-hanh/api/planning/domain';
import { forbidden } from '@dieu-hanh/api/shared/auth';
import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';

export function personOf(metadata: CommandMetadata): AccessScope {
  if (metadata.actor.subject === 'system') throw forbidden('Lệnh này cần một người dùng đã đăng nhập.', 'This command needs a signed-in user.');
  return metadata.actor as AccessScope;
}

/**
 * Who may act on a plan: its drafting unit edits and submits; the issuer's leaders decide. Outside the
 * province (or a commune's plan seen from another commune) the plan does not exist.
 */
export function assertMayTransition(plan: Plan, scope: AccessScope, transition: PlanTransition | 'revise'): void {
  const p = plan.snapshot();
  const sameProvince = p.provinceCode === scope.provinceCode;
  // A commune account only ever sees its own commune's plans (and city plans); tier 1 sees the province.
  const communeOk = scope.tier === 1 || p.issuerTier === 1 || scope.communeCode === p.issuerUnitCode;
  if (!sameProvince || !communeOk) throw planNotFound(p.id);
  if (transition === 'revise' || transition === 'submit') {
    if (scope.unitCode !== p.draftingUnitCode) {
      throw forbidden('Chỉ đơn vị soạn thảo được sửa và trình dự thảo.', 'Only the drafting unit may edit and submit the draft.');
    }
    if (transition === 'revise') return;
  }
  if (!mayPerform(transition, p.issuerTier, scope.roles)) {
    throw forbidden('Vai trò của bạn không được thực hiện thao tác này với kế hoạch.', 'Your role may not do this to the plan.');
  }
}
