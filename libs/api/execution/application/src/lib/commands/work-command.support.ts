import { workAssignmentNotFound, workTransitionRefused } from '@dieu-hanh/api/execution/domain';
import { forbidden } from '@dieu-hanh/api/shared/auth';
import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import { isOpenForWork, mayViewWork, workVisibility } from '../access/work-access.policy';
import type { AssignmentOfWork, WorkRepository } from '../ports/work.repository';

export function personOf(metadata: CommandMetadata): AccessScope {
  if (metadata.actor.subject === 'system') throw forbidden('Lệnh này cần một người dùng đã đăng nhập.', 'This command needs a signed-in user.');
  return metadata.actor as AccessScope;
}

/** Who made a request, as the Idempotency-Key store names them (realm and subject). */
export const principalOf = (scope: AccessScope) => `${scope.realm}:${scope.subject}`;

/**
 * The assignment a command or query acts on. One the caller cannot see does not exist for any verb: the
 * same 404 as GET, decided by the same visibility rule, so a write never reveals another commune's work.
 */
export async function assignmentInSight(works: WorkRepository, assignmentId: string, scope: AccessScope): Promise<AssignmentOfWork> {
  const a = await works.assignment(assignmentId);
  if (!a || !mayViewWork(workVisibility(scope), a.access)) throw workAssignmentNotFound(assignmentId);
  return a;
}

/** In sight, but the caller's unit and roles give no authority for this: 403. */
export function refuse(vi: string, en: string): never {
  throw forbidden(vi, en);
}

/** Work is carried out only on an assignment in force of a live task in an issued plan: else 409. */
export function assertOpenForWork(a: AssignmentOfWork): void {
  if (!isOpenForWork(a.access)) {
    throw workTransitionRefused(
      'Nhiệm vụ không còn được thực hiện (đã thu hồi, nhiệm vụ bị bỏ hoặc kế hoạch đã kết thúc).',
      'The assignment is no longer carried out (withdrawn, its task removed, or the plan closed).',
      a.access.assignmentStatus !== 'assigned' ? a.access.assignmentStatus : a.access.taskRemoved ? 'task-removed' : a.access.planStatus,
    );
  }
}

export const NOT_ASSIGNEE = {
  vi: 'Chỉ cán bộ của đơn vị được giao mới cập nhật được nhiệm vụ này.',
  en: 'Only officers of the assignee unit may update this assignment.',
};
export const NOT_VERIFIER = {
  vi: 'Chỉ đơn vị thẩm định kết quả của nhiệm vụ này mới được thực hiện thao tác.',
  en: 'Only the unit that verifies this assignment’s work may do this.',
};
