import type { Plan, PlanDraftContent } from '@dieu-hanh/api/planning/domain';
import {
  parentPlanInvalid,
  planInvalid,
  planNotFound,
  type PlanTransition,
} from '@dieu-hanh/api/planning/domain';
import { forbidden } from '@dieu-hanh/api/shared/auth';
import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import { Role } from '@dieu-hanh/shared/contracts';
import { authorityFor, mayDraft, planVisibility } from '../access/plan-access.policy';
import type { PlanReadModel } from '../ports/plan.read-model';
import type { AssignmentRepository } from '../ports/assignment.repository';
import type { PlanRepository } from '../ports/plan.repository';

export function personOf(metadata: CommandMetadata): AccessScope {
  if (metadata.actor.subject === 'system')
    throw forbidden('Lệnh này cần một người dùng đã đăng nhập.', 'This command needs a signed-in user.');
  return metadata.actor as AccessScope;
}

/**
 * The plan a command acts on, locked for the transaction. A plan the caller cannot read does not exist
 * for any verb: the same 404 as GET, decided by the same visibility rule as every read, so a write never
 * reveals another unit's draft (a 403 would).
 */
export async function planInSight(
  plans: PlanRepository,
  readModel: PlanReadModel,
  planId: string,
  scope: AccessScope,
): Promise<Plan> {
  const plan = await plans.find(planId, { lock: true });
  if (!plan || !(await readModel.isVisible(planId, planVisibility(scope)))) throw planNotFound(planId);
  return plan;
}

/**
 * Who may act on a plan the caller sees (planInSight decided that): the policy's authority rule — the
 * drafting unit edits and submits; the issuing body's leaders decide. A wrong status is the lifecycle's
 * 409, asked afterwards by the aggregate.
 */
export function assertMayTransition(
  plan: Plan,
  scope: AccessScope,
  transition: PlanTransition | 'revise',
): void {
  const p = plan.snapshot();
  // Roles and holding do not matter to these transitions' authority; the policy reads status, tier and units.
  const refusal = authorityFor(transition, scope, { ...p, myRoles: [], holdsAssignment: false });
  if (refusal === 'not-drafting-unit') {
    throw forbidden(
      'Chỉ đơn vị soạn thảo được sửa và trình dự thảo.',
      'Only the drafting unit may edit and submit the draft.',
    );
  }
  if (refusal === 'role') {
    throw forbidden(
      'Vai trò của bạn không được thực hiện thao tác này với kế hoạch.',
      'Your role may not do this to the plan.',
    );
  }
}

/** Only the roles that draft plans may create one (a new plan or an implementing plan). */
export function assertMayDraft(scope: AccessScope): void {
  if (!mayDraft(scope)) {
    if (
      scope.tier === 2 &&
      !scope.communeCode &&
      scope.roles.some((r) => r === Role.CommuneOfficer || r === Role.CommuneLeader)
    ) {
      throw forbidden('Không xác định được cơ quan ban hành.', 'No issuing committee for your unit.');
    }
    throw forbidden('Vai trò của bạn không soạn thảo kế hoạch.', 'Your role does not draft plans.');
  }
}

/** An implementing plan's tasks may only point at live tasks of its parent. */
export async function assertImplementsParent(
  plans: PlanRepository,
  content: PlanDraftContent,
  parentPlanId: string,
): Promise<void> {
  const parent = await plans.parentOf(parentPlanId);
  const taskIds = new Set(parent?.taskIds ?? []);
  content.tasks.forEach((t, i) => {
    if (t.parentTaskId && !taskIds.has(t.parentTaskId)) {
      throw planInvalid(
        `body.tasks.${i}.parentTaskId`,
        'Nhiệm vụ cấp trên không thuộc kế hoạch cấp trên.',
        'The parent task is not in the parent plan.',
      );
    }
  });
}

/**
 * A unit implements a plan it was given: the parent must be issued, in the same province, and the
 * drafting unit (a commune, or a department) must hold an assignment in it.
 */
export async function assertMayImplement(
  plans: PlanRepository,
  assignments: AssignmentRepository,
  readModel: PlanReadModel,
  content: PlanDraftContent,
  scope: AccessScope,
): Promise<void> {
  if (!content.parentPlanId) return;
  const parent = await plans.parentOf(content.parentPlanId);
  // A plan the caller cannot read is answered like one that does not exist.
  if (
    !parent ||
    parent.provinceCode !== scope.provinceCode ||
    !(await readModel.isVisible(parent.id, planVisibility(scope)))
  ) {
    throw parentPlanInvalid('Không tìm thấy kế hoạch cấp trên.', 'The parent plan was not found.');
  }
  if (parent.status !== 'issued')
    throw parentPlanInvalid(
      'Chỉ lập kế hoạch triển khai cho kế hoạch đã ban hành.',
      'Only an issued plan can be implemented.',
    );
  const holder = scope.tier === 2 ? (scope.communeCode ?? scope.unitCode) : scope.unitCode;
  if (!(await assignments.unitHoldsAssignment(parent.id, holder))) {
    throw parentPlanInvalid(
      'Đơn vị của bạn không được giao nhiệm vụ trong kế hoạch cấp trên.',
      'Your unit holds no assignment in the parent plan.',
    );
  }
  await assertImplementsParent(plans, content, parent.id);
}
