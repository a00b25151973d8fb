import { DomainError } from '@dieu-hanh/api/shared/kernel';

/** Reporting's expected failures (codes listed in `@dieu-hanh/shared/contracts` ErrorCode). */

export const periodNotFound = (id: string) =>
  new DomainError('REPORTING.PERIOD_NOT_FOUND', 'not-found', `Không tìm thấy kỳ báo cáo ${id}.`, `Reporting period ${id} was not found.`);

export const reportNotFound = (id: string) =>
  new DomainError('REPORTING.REPORT_NOT_FOUND', 'not-found', `Không tìm thấy báo cáo ${id}.`, `Report ${id} was not found.`);

export const exportNotFound = (id: string) =>
  new DomainError('REPORTING.EXPORT_NOT_FOUND', 'not-found', `Không tìm thấy yêu cầu kết xuất ${id}.`, `Export ${id} was not found.`);

export const reportingInvalid = (field: string, vi: string, en: string) =>
  new DomainError('REPORTING.INVALID', 'validation', vi, en, [{ field, code: 'invalid', vi, en }]);

/** Several fields at fault at once (indicator values). */
export const reportingInvalidFields = (fields: { field: string; vi: string; en: string }[]) =>
  new DomainError(
    'REPORTING.INVALID',
    'validation',
    'Số liệu báo cáo chưa hợp lệ; xem từng trường.',
    'Some report figures are not valid; see each field.',
    fields.map((f) => ({ ...f, code: 'invalid' })),
  );

/** The report's (or period's) state does not allow this; `currentStatus` says where it stands. */
export const reportTransitionRefused = (vi: string, en: string, currentStatus?: string) =>
  new DomainError('REPORTING.TRANSITION_REFUSED', 'conflict', vi, en, [], currentStatus === undefined ? {} : { currentStatus });

export const reportVersionConflict = (currentVersion: number) =>
  new DomainError(
    'REPORTING.VERSION_CONFLICT',
    'conflict',
    'Báo cáo vừa được người khác cập nhật. Vui lòng tải lại rồi sửa tiếp.',
    'Someone else updated this report meanwhile. Reload it and edit again.',
    [{ field: 'body.version', code: 'stale', vi: 'Phiên bản cũ', en: 'Stale version' }],
    { currentVersion },
  );

export const periodAlreadyOpen = (label: string) =>
  new DomainError('REPORTING.PERIOD_EXISTS', 'conflict', `Kỳ báo cáo "${label}" đã được mở cho kế hoạch này.`, `The reporting period "${label}" is already open for this plan.`);

export const reasonRequired = (vi: string, en: string) => reportingInvalid('body.reason', vi, en);

export const planNotFound = (id: string) => new DomainError('REPORTING.PLAN_NOT_FOUND', 'not-found', `Không tìm thấy kế hoạch ${id}.`, `Plan ${id} was not found.`);
