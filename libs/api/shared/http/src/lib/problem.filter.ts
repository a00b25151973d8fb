import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@dieu-hanh/api/shared/kernel';
import type { ProblemDetails } from '@dieu-hanh/shared/contracts';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemException, problem } from './problem';
import { RETRY_AFTER_SECONDS, isServiceUnavailable } from './service-unavailable';

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
};

/**
 * The one place where errors become HTTP: every failure leaves as RFC 9457 problem+json with a stable
 * code and a Vietnamese and English message. Unknown errors are logged with their stack and answered
 * with a 500 that reveals nothing. A database that cannot be reached is a 503 with Retry-After, not a 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const body = this.toProblem(error);
    body.instance = req.originalUrl;
    body.requestId = req.id ? String(req.id) : undefined;
    if (body.status === 503) {
      this.logger.warn({ err: String(error), requestId: body.requestId }, 'service unavailable');
    } else if (body.status >= 500 || process.env['DEBUG_PROBLEMS']) {
      this.logger.error({ err: error, requestId: body.requestId }, 'unhandled error');
    }
    if (res.headersSent) return;
    if (body.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (body.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof DomainError) {
      return problem(DOMAIN_STATUS[error.kind], error.code, error.vi, error.en, {
        ...(error.fields.length
          ? { errors: error.fields.map((f) => ({ field: f.field, code: f.code, message: { vi: f.vi, en: f.en } })) }
          : {}),
        ...error.extra,
      });
    }
    if (error instanceof ProblemException) {
      return problem(error.getStatus(), error.code, error.vi, error.en, error.fieldErrors.length ? { errors: error.fieldErrors } : {});
    }
    // The router could not percent-decode a path segment (`/plans/%zz`, overlong UTF-8, a lone surrogate):
    // a bad parameter like any other, named and never echoed.
    if (isUndecodablePath(error)) {
      return problem(400, 'REQUEST.VALIDATION_FAILED', 'Đường dẫn chứa tham số không giải mã được.', 'A path parameter could not be decoded.', {
        errors: [{ field: 'param', code: 'malformed', message: { vi: 'Mã hóa phần trăm không hợp lệ', en: 'Invalid percent-encoding' } }],
      });
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) {
        return problem(404, 'REQUEST.NOT_FOUND', 'Không tìm thấy tài nguyên.', 'Resource not found.');
      }
      if (status === 405) return problem(405, 'REQUEST.METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ.', 'Method not allowed.');
      if (status === 413) return problem(413, 'REQUEST.PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn.', 'The request body is too large.');
      if (status === 415) return problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung không được hỗ trợ.', 'Unsupported media type.');
      // The exception's own text may repeat what the client sent: answer with fixed words only.
      if (status < 500) return problem(status, 'REQUEST.INVALID', 'Yêu cầu không hợp lệ.', 'The request is invalid.');
    }
    if (isServiceUnavailable(error)) {
      return problem(
        503,
        'SERVER.UNAVAILABLE',
        'Hệ thống tạm thời gián đoạn (không kết nối được cơ sở dữ liệu), vui lòng thử lại sau ít giây.',
        'The service is temporarily unavailable (its database cannot be reached); please retry in a few seconds.',
      );
    }
    const e = error as { status?: number } | null;
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      return problem(e.status, 'REQUEST.INVALID', 'Yêu cầu không hợp lệ.', 'The request is invalid.');
    }
    return problem(500, 'SERVER.INTERNAL', 'Lỗi hệ thống, vui lòng thử lại sau.', 'Internal server error; please try again later.');
  }
}

function isUndecodablePath(error: unknown): boolean {
  const e = error as { status?: unknown; message?: unknown } | null;
  const status = error instanceof HttpException ? error.getStatus() : e?.status;
  return status === 400 && typeof e?.message === 'string' && e.message.startsWith('Failed to decode param');
}
