import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type AccessScope, IdempotencyStore } from '@dieu-hanh/api/shared/kernel';
import type { Request, Response } from 'express';
import { type Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { ProblemException } from './problem';

const HEADER = 'idempotency-key';
/** Printable ASCII without spaces, as clients generate them (UUIDs, ULIDs, random tokens). */
const KEY = /^[\x21-\x7e]{1,128}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const field = (code: string, vi: string, en: string) => [{ field: `header.${HEADER}`, code, message: { vi, en } }];

/**
 * `Idempotency-Key` on creates and commands: a client that retries (a flaky mobile network, a double
 * click) gets the first answer instead of a second plan. Keys are per caller; the same key with another
 * request is refused (422); a repeat while the first is still running gets 409 with Retry-After. A
 * command that fails wrote nothing (one transaction), so its key is released for the retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { scope?: AccessScope }>();
    const raw = req.headers[HEADER];
    if (raw === undefined || !WRITES.has(req.method)) return next.handle();
    if (typeof raw !== 'string' || !KEY.test(raw)) {
      throw new ProblemException(
        400,
        'REQUEST.IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key phải gồm 1–128 ký tự ASCII in được, không có khoảng trắng.',
        'Idempotency-Key must be 1–128 printable ASCII characters without spaces.',
        field('invalid', 'Khóa không hợp lệ', 'Invalid key'),
      );
    }
    // Public routes have no caller to scope a key to: they run as usual.
    if (!req.scope) return next.handle();
    const principal = `${req.scope.realm}:${req.scope.subject}`;
    const fingerprint = createHash('sha256').update(`${req.method} ${req.originalUrl}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
    const res = http.getResponse<Response>();
    return from(this.store.claim(principal, raw, fingerprint)).pipe(
      mergeMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            res.setHeader('Idempotent-Replayed', 'true');
            return of(claim.body);
          case 'in-progress':
            res.setHeader('Retry-After', '1');
            return throwError(
              () =>
                new ProblemException(
                  409,
                  'REQUEST.IDEMPOTENCY_IN_PROGRESS',
                  'Yêu cầu với khóa này đang được xử lý; vui lòng thử lại sau giây lát.',
                  'A request with this key is still being processed; retry in a moment.',
                  field('in-progress', 'Đang xử lý', 'In progress'),
                ),
            );
          case 'mismatch':
            return throwError(
              () =>
                new ProblemException(
                  422,
                  'REQUEST.IDEMPOTENCY_KEY_REUSED',
                  'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.',
                  'This Idempotency-Key was already used for a different request.',
                  field('reused', 'Khóa đã dùng cho yêu cầu khác', 'Key used for another request'),
                ),
            );
          default:
            return next.handle().pipe(
              mergeMap((body) => from(this.store.complete(principal, raw, body)).pipe(mergeMap(() => of(body)))),
              catchError((error: unknown) => from(this.store.release(principal, raw)).pipe(mergeMap(() => throwError(() => error)))),
            );
        }
      }),
    );
  }
}
