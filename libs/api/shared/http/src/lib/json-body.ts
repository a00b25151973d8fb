import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { ProblemException } from './problem';

/**
 * Strict JSON body parsing with a size limit. Parser failures become problem+json here, with their own
 * codes, instead of Nest's generic 400 or a 500.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; status?: number };
      if (e.type === 'entity.too.large') {
        return next(
          new ProblemException(413, 'REQUEST.PAYLOAD_TOO_LARGE', `Nội dung gửi lên vượt quá ${limit}.`, `The request body exceeds ${limit}.`, [
            { field: 'body', code: 'too-large', message: { vi: 'Vượt giới hạn kích thước', en: 'Exceeds the size limit' } },
          ]),
        );
      }
      if (e.type === 'entity.parse.failed') {
        return next(
          new ProblemException(400, 'REQUEST.MALFORMED_JSON', 'Nội dung JSON không hợp lệ.', 'The request body is not valid JSON.', [
            { field: 'body', code: 'malformed', message: { vi: 'JSON sai cú pháp', en: 'Malformed JSON' } },
          ]),
        );
      }
      if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
        return next(new ProblemException(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Bảng mã không được hỗ trợ.', 'Unsupported charset or encoding.'));
      }
      return next(new ProblemException(e.status && e.status < 500 ? e.status : 400, 'REQUEST.INVALID', 'Yêu cầu không hợp lệ.', 'The request body could not be read.'));
    });
}
