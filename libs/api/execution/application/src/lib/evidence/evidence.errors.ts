import { DomainError } from '@dieu-hanh/api/shared/kernel';
import { EVIDENCE_TYPES_LABEL } from './evidence-type.detector';

/** Evidence's expected failures. The feature layer maps EVIDENCE_TYPE_REFUSED to 415. */
export const EvidenceErrorCode = {
  TypeRefused: 'EXECUTION.EVIDENCE_TYPE_REFUSED',
  NotFound: 'EXECUTION.EVIDENCE_NOT_FOUND',
  UploadRefused: 'EXECUTION.EVIDENCE_UPLOAD_REFUSED',
} as const;

export function evidenceTypeRefused(): DomainError {
  return new DomainError(
    EvidenceErrorCode.TypeRefused,
    'validation',
    `Tệp không thuộc loại được chấp nhận (${EVIDENCE_TYPES_LABEL}); loại tệp được xác định theo nội dung, không theo tên.`,
    `The file is not an accepted type (${EVIDENCE_TYPES_LABEL}); the type is read from the content, not the name.`,
    [{ field: 'body.file', code: 'type-refused', vi: 'Loại tệp không được chấp nhận', en: 'File type not accepted' }],
  );
}

export function evidenceNotFound(): DomainError {
  return new DomainError(EvidenceErrorCode.NotFound, 'not-found', 'Không tìm thấy tệp minh chứng.', 'Evidence file not found.');
}

export function evidenceUploadRefused(): DomainError {
  return new DomainError(
    EvidenceErrorCode.UploadRefused,
    'forbidden',
    'Chỉ đơn vị được giao (cán bộ có quyền cập nhật tiến độ) mới được tải minh chứng lên nhiệm vụ này, và chỉ khi nhiệm vụ còn được cập nhật.',
    'Only the assignee unit (an officer who may update its progress) may upload evidence to this assignment, and only while it may still be updated.',
  );
}

export function evidenceKeyReused(): DomainError {
  return new DomainError(
    'REQUEST.IDEMPOTENCY_KEY_REUSED',
    'validation',
    'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.',
    'This Idempotency-Key was already used for a different request.',
    [{ field: 'header.idempotency-key', code: 'reused', vi: 'Khóa đã dùng cho yêu cầu khác', en: 'Key used for another request' }],
  );
}
