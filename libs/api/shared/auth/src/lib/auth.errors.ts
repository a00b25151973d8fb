import { DomainError } from '@dieu-hanh/api/shared/kernel';

export const unauthenticated = (code: string, vi: string, en: string) => new DomainError(code, 'unauthenticated', vi, en);

export const missingToken = () =>
  unauthenticated('AUTH.UNAUTHENTICATED', 'Cần đăng nhập (thiếu mã truy cập Bearer).', 'Authentication required (missing Bearer token).');

export const invalidToken = (reason: string) =>
  unauthenticated('AUTH.TOKEN_INVALID', `Mã truy cập không hợp lệ: ${reason}.`, `The access token is invalid: ${reason}.`);

export const expiredToken = () =>
  unauthenticated('AUTH.TOKEN_EXPIRED', 'Mã truy cập đã hết hạn, vui lòng đăng nhập lại.', 'The access token has expired; sign in again.');

export const unknownIssuer = () =>
  unauthenticated('AUTH.UNKNOWN_ISSUER', 'Mã truy cập do máy chủ đăng nhập không được tin cậy cấp.', 'The token was issued by an untrusted login server.');

export const accountUnitUnknown = (unit: string) =>
  unauthenticated(
    'AUTH.ACCOUNT_UNIT_UNKNOWN',
    `Tài khoản gắn với đơn vị ${unit} không thuộc danh mục của tỉnh, thành phố này.`,
    `The account's unit ${unit} is not in this province's directory.`,
  );

export const forbidden = (vi: string, en: string) => new DomainError('AUTH.FORBIDDEN', 'forbidden', vi, en);
