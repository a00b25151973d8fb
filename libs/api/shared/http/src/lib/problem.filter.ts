import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@dieu-hanh/api/shared/kernel';
import type { ProblemDetails } from '@dieu-hanh/shared/contracts';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemException, problem } from './problem';

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
 * with a 500 that reveals nothing.
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
    if (body.status >= 500 || process.env['DEBUG_PROBLEMS']) {
      this.logger.error({ err: error, requestId: body.requestId }, 'unhandled error');
    }
    if (res.headersSent) return;
    if (body.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
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
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (status === 404) {
        return problem(404, 'REQUEST.NOT_FOUND', 'Không tìm thấy tài nguyên.', 'Resource not found.');
      }
      if (status === 405) return problem(405, 'REQUEST.METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ.', 'Method not allowed.');
      if (status === 413) return problem(413, 'REQUEST.PAYLOAD_TOO_LARGE', 'Nội dung gửi lên quá lớn.', 'The request body is too large.');
      if (status === 415) return problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung không được hỗ trợ.', 'Unsupported media type.');
      if (status < 500) return problem(status, 'REQUEST.INVALID', 'Yêu cầu không hợp lệ.', error.message);
    }
    const e = error as { status?: number } | null;
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      return problem(e.status, 'REQUEST.INVALID', 'Yêu cầu không hợp lệ.', 'The request is invalid.');
    }
    return problem(500, 'SERVER.INTERNAL', 'Lỗi hệ thống, vui lòng thử lại sau.', 'Internal server error; please try again later.');
  }
}
