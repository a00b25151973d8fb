import { DomainError } from '@dieu-hanh/api/shared/kernel';

/** Execution's expected failures (codes listed in `@dieu-hanh/shared/contracts` ErrorCode). */

export const workAssignmentNotFound = (id: string) =>
  new DomainError('EXECUTION.ASSIGNMENT_NOT_FOUND', 'not-found', `Không tìm thấy nhiệm vụ được giao ${id}.`, `Assignment ${id} was not found.`);

/** A write from a stale version. The handler adds the current state (`current`) for the client to redo its change. */
export const workVersionConflict = (currentVersion: number, current?: unknown) =>
  new DomainError(
    'EXECUTION.VERSION_CONFLICT',
    'conflict',
    'Nhiệm vụ vừa được người khác cập nhật. Vui lòng xem trạng thái mới nhất rồi cập nhật lại.',
    'Someone else updated this assignment meanwhile. Review its current state and update again.',
    [{ field: 'body.version', code: 'stale', vi: 'Phiên bản cũ', en: 'Stale version' }],
    current === undefined ? { currentVersion } : { currentVersion, current },
  );

export const workInvalid = (field: string, vi: string, en: string) =>
  new DomainError('EXECUTION.WORK_INVALID', 'validation', vi, en, [{ field, code: 'invalid', vi, en }]);

/** The work's state does not allow this; `currentStatus` says where it stands (a verification or work status). */
export const workTransitionRefused = (vi: string, en: string, currentStatus?: string) =>
  new DomainError('EXECUTION.TRANSITION_REFUSED', 'conflict', vi, en, [], currentStatus === undefined ? {} : { currentStatus });

export const evidenceNotAttachable = (ids: string[]) =>
  new DomainError(
    'EXECUTION.EVIDENCE_NOT_ATTACHABLE',
    'validation',
    'Có tệp minh chứng không thuộc nhiệm vụ này (hoặc không tồn tại); hãy tải tệp lên nhiệm vụ trước.',
    'Some evidence does not belong to this assignment (or does not exist); upload it to the assignment first.',
    ids.map((id) => ({ field: 'body.evidenceIds', code: 'not-attachable', vi: `Minh chứng ${id} không thuộc nhiệm vụ`, en: `Evidence ${id} is not this assignment’s` })),
  );

export const obstacleNotFound = (id: string) =>
  new DomainError('EXECUTION.OBSTACLE_NOT_FOUND', 'not-found', `Không tìm thấy khó khăn, vướng mắc ${id}.`, `Obstacle ${id} was not found.`);

export const obstacleTransitionRefused = (status: string, action: string) =>
  new DomainError(
    'EXECUTION.OBSTACLE_TRANSITION_REFUSED',
    'conflict',
    `Không thể ${OBSTACLE_ACTION_VI[action] ?? action} khó khăn, vướng mắc đang ở trạng thái "${OBSTACLE_STATUS_VI[status] ?? status}".`,
    `Cannot ${action} an obstacle that is ${status}.`,
    [],
    { currentStatus: status },
  );

export const extensionNotFound = (id: string) =>
  new DomainError('EXECUTION.EXTENSION_NOT_FOUND', 'not-found', `Không tìm thấy đề nghị gia hạn ${id}.`, `Extension request ${id} was not found.`);

export const extensionInvalid = (field: string, vi: string, en: string) =>
  new DomainError('EXECUTION.EXTENSION_INVALID', 'validation', vi, en, [{ field, code: 'invalid', vi, en }]);

export const extensionAlreadyDecided = (status: string) =>
  new DomainError(
    'EXECUTION.EXTENSION_ALREADY_DECIDED',
    'conflict',
    `Đề nghị gia hạn đã được quyết định (${status === 'approved' ? 'đồng ý' : 'không đồng ý'}).`,
    `The extension request was already decided (${status}).`,
    [],
    { currentStatus: status },
  );

export const urgeInvalid = (vi: string, en: string) =>
  new DomainError('EXECUTION.URGE_INVALID', 'validation', vi, en, [{ field: 'body', code: 'invalid', vi, en }]);

const OBSTACLE_STATUS_VI: Record<string, string> = { open: 'chờ xử lý', answered: 'đã trả lời', escalated: 'đã báo cáo lãnh đạo', directed: 'đã có ý kiến chỉ đạo' };
const OBSTACLE_ACTION_VI: Record<string, string> = { answer: 'trả lời', escalate: 'báo cáo lãnh đạo', direct: 'cho ý kiến chỉ đạo' };
