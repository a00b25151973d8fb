import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { EvidenceConfig } from '@dieu-hanh/api/execution/infrastructure';
import { ProblemException } from '@dieu-hanh/api/shared/http';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { EVIDENCE_CONFIG } from './evidence.config';

/** Printable ASCII without spaces, as the idempotency interceptor accepts. */
const KEY = /^[\x21-\x7e]{1,128}$/;
/** Multipart framing around the file (boundaries, part headers, a few small fields). */
const FRAMING = 64 * 1024;

const fileField = (code: string, vi: string, en: string) => [{ field: 'body.file', code, message: { vi, en } }];

export const formatMegabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function evidenceTooLarge(maxBytes: number): ProblemException {
  const max = formatMegabytes(maxBytes);
  return new ProblemException(413, 'EXECUTION.EVIDENCE_TOO_LARGE', `Tệp minh chứng vượt quá ${max}.`, `The evidence file exceeds ${max}.`, fileField('too-large', `Tối đa ${max}`, `At most ${max}`));
}

function fileRequired(): ProblemException {
  return new ProblemException(
    400,
    'EXECUTION.EVIDENCE_FILE_REQUIRED',
    'Gửi đúng một tệp, trong trường "file" của biểu mẫu multipart/form-data.',
    'Send exactly one file, in the "file" field of a multipart/form-data body.',
    fileField('required', 'Cần đúng một tệp', 'Exactly one file is required'),
  );
}

export function idempotencyKeyRequired(): ProblemException {
  return new ProblemException(
    400,
    'REQUEST.IDEMPOTENCY_KEY_REQUIRED',
    'Cần gửi kèm tiêu đề Idempotency-Key (mỗi lần tải lên một khóa mới; gửi lại đúng khóa đó khi thử lại).',
    'The Idempotency-Key header is required (a new key per upload; the same key when retrying it).',
    [{ field: 'header.idempotency-key', code: 'required', message: { vi: 'Bắt buộc', en: 'Required' } }],
  );
}

/**
 * Reads the one evidence file of an upload into memory with multer (memory storage), within limits:
 * one file in the field `file`, at most `EVIDENCE_MAX_BYTES` (413 beyond, the rest of the body drained
 * so the client reads the answer), a few small text fields at most. Nothing is written to disk here;
 * the command decides, from the content, whether the file is kept. The Idempotency-Key is checked
 * first, so an upload without one is refused before its body is read.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;

  constructor(@Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      // Browsers send the file name's UTF-8 bytes as they are ("Biên bản.pdf").
      defParamCharset: 'utf8',
      limits: { fileSize: config.maxBytes, files: 1, fields: 8, fieldSize: 1024, fieldNameSize: 100, parts: 9, headerPairs: 20 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !KEY.test(key)) throw idempotencyKeyRequired();
    if (!req.is('multipart/form-data')) throw fileRequired();
    // A body announced far beyond the limit is refused without reading it.
    const announced = Number(req.headers['content-length']);
    if (Number.isFinite(announced) && announced > this.config.maxBytes + FRAMING) {
      res.setHeader('Connection', 'close');
      throw evidenceTooLarge(this.config.maxBytes);
    }
    await new Promise<void>((resolve, reject) =>
      this.upload(req, res, (error?: unknown) => (error ? reject(this.problemOf(error)) : resolve())),
    );
    if (!req.file?.buffer?.byteLength) throw fileRequired();
    return next.handle();
  }

  private problemOf(error: unknown): unknown {
    if (error instanceof multer.MulterError) {
      return error.code === 'LIMIT_FILE_SIZE' ? evidenceTooLarge(this.config.maxBytes) : fileRequired();
    }
    // busboy's framing errors (malformed multipart, truncated body) are the client's.
    const e = error as { status?: number; statusCode?: number } | null;
    if (error instanceof Error && !(e?.status && e.status >= 500)) return fileRequired();
    return error;
  }
}
