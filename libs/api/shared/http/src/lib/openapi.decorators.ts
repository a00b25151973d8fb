import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import type { BilingualMessage, ProblemDetails, ProblemFieldError } from '@dieu-hanh/shared/contracts';
import { PROBLEM_CONTENT_TYPE, problem } from './problem';
import { RETRY_AFTER_SECONDS } from './service-unavailable';

// Schemas of the error body every failure carries (the `ProblemDetails` contract, RFC 9457). Classes
// implement the contract interfaces, so the compiler keeps the document and the contract together.

@ApiSchema({ name: 'BilingualMessage', description: 'A message in Vietnamese and English.' })
export class BilingualMessageSchema implements BilingualMessage {
  @ApiProperty({ example: 'Không tìm thấy kế hoạch.' }) vi!: string;
  @ApiProperty({ example: 'Plan not found.' }) en!: string;
}

@ApiSchema({ name: 'ProblemFieldError', description: 'One offending input.' })
export class ProblemFieldErrorSchema implements ProblemFieldError {
  @ApiProperty({
    description:
      'Where the input came from and its JSON path: `body.tasks.0.content`, `query.limit`, `param.id`',
    example: 'body.title',
  })
  field!: string;
  @ApiProperty({
    description: 'The rule it broke (class-validator constraint or a domain code)',
    example: 'maxLength',
  })
  code!: string;
  @ApiProperty({ type: BilingualMessageSchema }) message!: BilingualMessage;
}

@ApiSchema({
  name: 'ProblemDetails',
  description:
    'RFC 9457 problem details, as every error is returned (`application/problem+json`). Clients branch on `code`, never on text.',
})
export class ProblemDetailsSchema implements ProblemDetails {
  @ApiProperty({ format: 'uri', example: 'https://dieu-hanh.github.io/problems/request-not-found' })
  type!: string;
  @ApiProperty({ description: 'The English message', example: 'Resource not found.' }) title!: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 404 }) status!: number;
  @ApiProperty({
    description: 'Vietnamese / English',
    example: 'Không tìm thấy tài nguyên. / Resource not found.',
  })
  detail!: string;
  @ApiPropertyOptional({
    description: 'The request path',
    example: '/plans/6f1c2d3e-0000-4000-8000-000000000000',
  })
  instance?: string;
  @ApiProperty({
    description: 'Stable machine-readable code',
    pattern: '^[A-Z]+\\.[A-Z_]+$',
    example: 'REQUEST.NOT_FOUND',
  })
  code!: string;
  @ApiProperty({ type: BilingualMessageSchema }) message!: BilingualMessage;
  @ApiPropertyOptional({
    type: [ProblemFieldErrorSchema],
    description: 'The offending inputs (validation and some conflicts)',
  })
  errors?: ProblemFieldError[];
  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, for support' }) requestId?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'PLANNING.VERSION_CONFLICT: the version to reload' })
  currentVersion?: number;
  @ApiPropertyOptional({ description: 'PLANNING.TRANSITION_REFUSED: the status the plan is in' })
  currentStatus?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'EXECUTION.VERSION_CONFLICT: the assignment’s current work (AssignmentWorkDto), to redo the change from',
  })
  current?: Record<string, unknown>;
}

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 503;

const DEFAULTS: Record<ProblemStatus, { description: string; example: ProblemDetails }> = {
  400: {
    description:
      'Invalid request: a parameter, the query or the body failed validation (REQUEST.VALIDATION_FAILED, REQUEST.MALFORMED_JSON), or a domain rule refused the input.',
    example: problem(
      400,
      'REQUEST.VALIDATION_FAILED',
      'Dữ liệu gửi lên không hợp lệ.',
      'The request failed validation.',
      {
        errors: [
          {
            field: 'body.title',
            code: 'maxLength',
            message: { vi: 'Quá dài', en: 'title must be shorter than or equal to 500 characters' },
          },
        ],
      },
    ),
  },
  401: {
    description:
      'No valid bearer token (AUTH.UNAUTHENTICATED, AUTH.TOKEN_INVALID, AUTH.TOKEN_EXPIRED, AUTH.UNKNOWN_ISSUER, AUTH.ACCOUNT_UNIT_UNKNOWN).',
    example: problem(
      401,
      'AUTH.UNAUTHENTICATED',
      'Cần đăng nhập (thiếu mã truy cập Bearer).',
      'Authentication required (missing Bearer token).',
    ),
  },
  403: {
    description: 'The caller’s unit or roles may not do this (AUTH.FORBIDDEN).',
    example: problem(403, 'AUTH.FORBIDDEN', 'Không có quyền thực hiện thao tác này.', 'You may not do this.'),
  },
  404: {
    description: 'Not found, or outside the caller’s scope (the same answer for both).',
    example: problem(404, 'REQUEST.NOT_FOUND', 'Không tìm thấy tài nguyên.', 'Resource not found.'),
  },
  409: {
    description: 'Conflicts with the current state.',
    example: problem(
      409,
      'REQUEST.CONFLICT',
      'Xung đột với trạng thái hiện tại.',
      'Conflicts with the current state.',
    ),
  },
  413: {
    description: 'The body exceeds the size limit (REQUEST.PAYLOAD_TOO_LARGE).',
    example: problem(
      413,
      'REQUEST.PAYLOAD_TOO_LARGE',
      'Nội dung gửi lên vượt quá 1mb.',
      'The request body exceeds 1mb.',
    ),
  },
  415: {
    description: 'The body’s charset or encoding is not supported (REQUEST.UNSUPPORTED_MEDIA_TYPE).',
    example: problem(
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'Bảng mã không được hỗ trợ.',
      'Unsupported charset or encoding.',
    ),
  },
  503: {
    description:
      'The database cannot be reached right now (SERVER.UNAVAILABLE): retry after `Retry-After` seconds.',
    example: problem(
      503,
      'SERVER.UNAVAILABLE',
      'Hệ thống tạm thời gián đoạn (không kết nối được cơ sở dữ liệu), vui lòng thử lại sau ít giây.',
      'The service is temporarily unavailable (its database cannot be reached); please retry in a few seconds.',
    ),
  },
};

type Header = { description: string; schema: { type: 'string' | 'integer'; example: string | number } };
const HEADERS: Partial<Record<ProblemStatus, Record<string, Header>>> = {
  401: {
    'WWW-Authenticate': { description: 'Always `Bearer`', schema: { type: 'string', example: 'Bearer' } },
  },
  503: {
    'Retry-After': {
      description: 'Seconds to wait before retrying',
      schema: { type: 'integer', example: RETRY_AFTER_SECONDS },
    },
  },
};

/** A problem response of one status, with what it means for this operation (the codes it can carry). */
export interface ProblemResponseSpec {
  status: ProblemStatus;
  description: string;
  /** The example's code and messages; the defaults' otherwise. */
  example?: { code: string; vi: string; en: string; extra?: Record<string, unknown> };
}

/**
 * The error responses an operation (or, on a class, every operation of a controller) can give, as
 * `application/problem+json` with the shared `ProblemDetails` schema and an example:
 * `@ApiProblemResponses(400, 404, { status: 409, description: 'PLANNING.VERSION_CONFLICT …' })`.
 */
export function ApiProblemResponses(
  ...specs: (ProblemStatus | ProblemResponseSpec)[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsSchema),
    ...specs.map((spec) => {
      const { status, description, example } =
        typeof spec === 'number' ? { status: spec, description: undefined, example: undefined } : spec;
      const value = example
        ? problem(status, example.code, example.vi, example.en, example.extra as Partial<ProblemDetails>)
        : DEFAULTS[status].example;
      return ApiResponse({
        status,
        description: description ?? DEFAULTS[status].description,
        ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
        content: {
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) }, example: value },
        },
      });
    }),
  ) as MethodDecorator & ClassDecorator;
}
