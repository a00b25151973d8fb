import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ProblemFieldError } from '@dieu-hanh/shared/contracts';
import { assertSafeInput } from './input-safety';
import { ProblemException } from './problem';

const VI: Record<string, string> = {
  whitelistValidation: 'Trường này không được phép',
  isString: 'Phải là chuỗi ký tự',
  isInt: 'Phải là số nguyên',
  isIn: 'Giá trị không nằm trong danh sách cho phép',
  isEnum: 'Giá trị không nằm trong danh sách cho phép',
  min: 'Giá trị quá nhỏ',
  max: 'Giá trị quá lớn',
  maxLength: 'Quá dài',
  minLength: 'Quá ngắn',
  isNotEmpty: 'Không được để trống',
  matches: 'Sai định dạng',
  isArray: 'Phải là một danh sách',
  arrayMaxSize: 'Danh sách quá dài',
  isIsoDate: 'Phải là ngày dạng yyyy-MM-dd',
  isDefined: 'Bắt buộc',
  isNotNull: 'Không được là null',
  nestedValidation: 'Giá trị lồng nhau không hợp lệ',
};

function flatten(errors: ValidationError[], location: string, prefix = ''): ProblemFieldError[] {
  return errors.flatMap((err) => {
    const path = prefix ? `${prefix}.${err.property}` : err.property;
    // A required field that is missing fails every rule on it ("too long", "not a string"…): say once that it is required.
    if (err.value === undefined && err.constraints && !err.constraints['whitelistValidation']) {
      return [{ field: `${location}.${path}`, code: 'isDefined', message: { vi: VI['isDefined'], en: `${err.property} is required` } }];
    }
    // A null on a field that may be omitted but not null fails every rule too: say only that.
    if (err.value === null && err.constraints?.['isNotNull']) {
      return [{ field: `${location}.${path}`, code: 'isNotNull', message: { vi: VI['isNotNull'], en: err.constraints['isNotNull'] } }];
    }
    const own = Object.entries(err.constraints ?? {}).map(([code, en]) => ({
      field: `${location}.${path}`,
      code,
      message: { vi: VI[code] ?? 'Giá trị không hợp lệ', en },
    }));
    return [...own, ...flatten(err.children ?? [], location, path)];
  });
}

/**
 * Shape validation at the edge: unknown fields are refused (not silently dropped), types are checked,
 * and the answer names every offending field with where it came from (`body.x`, `query.y`).
 */
export class ProblemValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      // The value is read (to tell a missing field) but never echoed in the problem.
      validationError: { target: false, value: true },
      exceptionFactory: (errors) =>
        new ProblemException(
          400,
          'REQUEST.VALIDATION_FAILED',
          'Dữ liệu gửi lên không hợp lệ.',
          'The request failed validation.',
          flatten(errors, '$'),
        ),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Bodies are checked once by jsonBody; query strings and path parameters here (express decodes
    // `?q=%00` to a NUL, which PostgreSQL refuses).
    if (metadata.type === 'query' || metadata.type === 'param') {
      assertSafeInput(value, metadata.data ? `${metadata.type}.${metadata.data}` : metadata.type);
    }
    if (metadata.type === 'body' && (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))) {
      if (metadata.metatype && metadata.metatype !== Object && typeof metadata.metatype === 'function' && !isPrimitive(metadata.metatype)) {
        throw new ProblemException(400, 'REQUEST.VALIDATION_FAILED', 'Nội dung phải là một đối tượng JSON.', 'The body must be a JSON object.', [
          { field: 'body', code: 'isObject', message: { vi: 'Phải là đối tượng JSON', en: 'Must be a JSON object' } },
        ]);
      }
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof ProblemException) {
        const where = metadata.type === 'custom' ? 'input' : metadata.type;
        const fields = error.fieldErrors.map((f) => ({ ...f, field: f.field.replace(/^\$/, where) }));
        throw new ProblemException(error.getStatus(), error.code, error.vi, error.en, fields);
      }
      throw error;
    }
  }
}

function isPrimitive(t: unknown): boolean {
  return t === String || t === Number || t === Boolean;
}
