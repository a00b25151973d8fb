import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ProblemException } from '@dieu-hanh/api/shared/http';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { type Observable, from, switchMap } from 'rxjs';

const MAX_BYTES = 5 * 1024 * 1024;

/** Reads the one XLSX of an indicator import into memory (multer), 5 MB at most (413 beyond). */
@Injectable()
export class IndicatorUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler = multer({
    storage: multer.memoryStorage(),
    defParamCharset: 'utf8',
    limits: { fileSize: MAX_BYTES, files: 1, fields: 2, fieldSize: 8 * 1024, parts: 3, headerPairs: 20 },
  }).single('file');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const read = new Promise<void>((resolve, reject) =>
      this.upload(req, res, (err?: unknown) => {
        if (!err) return resolve();
        const code = (err as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE')
          return reject(new ProblemException(413, 'REPORTING.INVALID', 'Tệp quá lớn (tối đa 5 MB).', 'The file is too large (5 MB at most).', [{ field: 'body.file', code: 'too-large', message: { vi: 'Tối đa 5 MB', en: 'At most 5 MB' } }]));
        reject(new ProblemException(400, 'REPORTING.INVALID', 'Biểu mẫu tải tệp không hợp lệ.', 'The upload form is not valid.', [{ field: 'body.file', code: 'invalid', message: { vi: 'Không đọc được', en: 'Unreadable' } }]));
      }),
    );
    return from(read).pipe(switchMap(() => next.handle()));
  }
}
