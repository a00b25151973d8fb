import { DomainError } from '@dieu-hanh/api/shared/kernel';

export const planNotFound = (id: string) =>
  new DomainError(
    'PLANNING.PLAN_NOT_FOUND',
    'not-found',
    `Không tìm thấy kế hoạch ${id}.`,
    `Plan ${id} was not found.`,
  );

export const planTransitionRefused = (from: string, transition: string) =>
  new DomainError(
    'PLANNING.TRANSITION_REFUSED',
    'conflict',
    `Không thể ${TRANSITION_VI[transition] ?? transition} kế hoạch đang ở trạng thái "${STATUS_VI[from] ?? from}".`,
    `Cannot ${transition} a plan that is ${from}.`,
    [],
    { currentStatus: from },
  );

export const planNotEditable = (status: string) =>
  new DomainError(
    'PLANNING.NOT_EDITABLE',
    'conflict',
    `Kế hoạch ở trạng thái "${STATUS_VI[status] ?? status}" không sửa trực tiếp được (kế hoạch đã ban hành thay đổi bằng điều chỉnh).`,
    `A ${status} plan cannot be edited in place (issued plans change by amendment).`,
  );

export const planVersionConflict = (current: number) =>
  new DomainError(
    'PLANNING.VERSION_CONFLICT',
    'conflict',
    'Dự thảo đã được người khác sửa. Vui lòng tải lại bản mới nhất.',
    'Someone else changed this draft. Reload the current version.',
    [{ field: 'body.version', code: 'stale', vi: 'Phiên bản cũ', en: 'Stale version' }],
    { currentVersion: current },
  );

/**
 * Two commands gave the same unit the same task at once (an amendment and a succession's transfer, say):
 * the later transaction is refused whole, and repeating it sees the other's result.
 */
export const assignmentsChangedMeanwhile = () =>
  new DomainError(
    'PLANNING.ASSIGNMENTS_CHANGED_MEANWHILE',
    'conflict',
    'Phân công của nhiệm vụ vừa được một thao tác khác thay đổi. Vui lòng thử lại.',
    'The task’s assignments were changed by another operation at the same time. Please try again.',
  );

export const planInvalid = (field: string, vi: string, en: string) =>
  new DomainError('PLANNING.PLAN_INVALID', 'validation', vi, en, [{ field, code: 'invalid', vi, en }]);

export const planNumberTaken = (number: number, year: number) =>
  new DomainError(
    'PLANNING.NUMBER_TAKEN',
    'conflict',
    `Số kế hoạch ${number} năm ${year} của cơ quan ban hành đã được dùng.`,
    `Plan number ${number} of ${year} is already used by this issuer.`,
    [{ field: 'body.number', code: 'taken', vi: 'Số đã được dùng', en: 'Number already used' }],
  );

const STATUS_VI: Record<string, string> = {
  draft: 'dự thảo',
  submitted: 'đã trình',
  approved: 'đã duyệt',
  returned: 'bị trả lại',
  issued: 'đã ban hành',
  closed: 'đã kết thúc',
};
const TRANSITION_VI: Record<string, string> = {
  submit: 'trình',
  approve: 'phê duyệt',
  return: 'trả lại',
  issue: 'ban hành',
  close: 'kết thúc',
  amend: 'điều chỉnh',
};

export const parentPlanInvalid = (vi: string, en: string) =>
  new DomainError('PLANNING.PARENT_INVALID', 'validation', vi, en, [
    { field: 'body.parentPlanId', code: 'invalid', vi, en },
  ]);

/**
 * A commune's plan names a unit or group outside the commune (another commune, a department, the city
 * committee, a group of all communes), or one that does not exist: the same answer for both, so a commune
 * learns nothing about units it cannot see.
 */
export const referenceOutOfReach = (field: string, name: string) => {
  const vi = `Kế hoạch của xã, phường chỉ giao việc cho chính xã, phường và các cơ quan, đơn vị của mình: "${name}" không thuộc phạm vi đó.`;
  const en = `A commune's plan assigns only the commune itself and its own offices: "${name}" is not among them.`;
  return new DomainError('PLANNING.REFERENCE_OUT_OF_REACH', 'validation', vi, en, [
    { field, code: 'out-of-reach', vi, en },
  ]);
};
