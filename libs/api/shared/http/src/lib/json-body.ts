import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { MAX_JSON_DEPTH, assertSafeInput, jsonNestingExceeds, tooDeepProblem } from './input-safety';
import { ProblemException } from './problem';

const TOO_DEEP = 'entity.too.deep';

/**
 * Runs on the raw bytes before JSON.parse: nesting deeper than MAX_JSON_DEPTH is refused before
 * anything (parser, class-transformer, logger) recurses into it.
 */
function refuseDeepNesting(_req: unknown, _res: unknown, buf: Buffer, encoding: string | null): void {
  let text: Uint8Array | string = buf;
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    try {
      text = new TextDecoder(encoding).decode(buf);
    } catch {
      /* an encoding TextDecoder lacks (utf-32): count on the bytes */
    }
  }
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) throw Object.assign(new Error('JSON nested too deep'), { type: TOO_DEEP, status: 400 });
}

/**
 * Strict JSON body parsing with a size limit and a nesting limit. Parser failures become problem+json
 * here, with their own codes, instead of Nest's generic 400 or a 500. A parsed body is then checked
 * once for text PostgreSQL cannot store (NUL, lone surrogates) and keys reaching a prototype.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true, type: ['application/json', 'application/*+json'], verify: refuseDeepNesting });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) {
        try {
          if (req.body !== undefined) assertSafeInput(req.body, 'body');
        } catch (error) {
          return next(error);
        }
        return next();
      }
      const e = err as { type?: string; status?: number };
      if (e.type === TOO_DEEP) return next(tooDeepProblem(MAX_JSON_DEPTH));
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
