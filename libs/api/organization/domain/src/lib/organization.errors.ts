import { DomainError } from '@dieu-hanh/api/shared/kernel';

// Codes mirror ErrorCode in shared/contracts; the domain keeps its own literals to stay dependency-free.
export const unitNotFound = (code: string) =>
  new DomainError(
    'ORGANIZATION.UNIT_NOT_FOUND',
    'not-found',
    `Không tìm thấy đơn vị ${code}.`,
    `Unit ${code} was not found.`,
  );

export const unitCodeTaken = (code: string) =>
  new DomainError(
    'ORGANIZATION.UNIT_CODE_TAKEN',
    'conflict',
    `Mã đơn vị ${code} đã tồn tại.`,
    `Unit code ${code} is already taken.`,
    [{ field: 'body.code', code: 'taken', vi: 'Mã đã được dùng', en: 'Code already in use' }],
  );

export const unitInvalid = (field: string, vi: string, en: string) =>
  new DomainError('ORGANIZATION.UNIT_INVALID', 'validation', vi, en, [{ field, code: 'invalid', vi, en }]);

export const unitParentInvalid = (vi: string, en: string) =>
  new DomainError('ORGANIZATION.UNIT_PARENT_INVALID', 'validation', vi, en, [
    { field: 'body.parentCode', code: 'invalid', vi, en },
  ]);

export const successionInvalid = (field: string, vi: string, en: string) =>
  new DomainError('ORGANIZATION.SUCCESSION_INVALID', 'validation', vi, en, [{ field, code: 'invalid', vi, en }]);

export const unitGroupNotFound = (code: string) =>
  new DomainError(
    'ORGANIZATION.UNIT_GROUP_NOT_FOUND',
    'not-found',
    `Không tìm thấy nhóm đơn vị ${code}.`,
    `Unit group ${code} was not found.`,
  );
