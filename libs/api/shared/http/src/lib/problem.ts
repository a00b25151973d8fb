import { HttpException } from '@nestjs/common';
import type { ProblemDetails, ProblemFieldError } from '@dieu-hanh/shared/contracts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An HTTP error already shaped as problem details (used at the edge, e.g. by the validation pipe). */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly fieldErrors: ProblemFieldError[] = [],
  ) {
    super(en, status);
  }
}

export function problem(
  status: number,
  code: string,
  vi: string,
  en: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  // Extra members (e.g. currentVersion) never replace the standard ones.
  return {
    ...extra,
    type: `https://dieu-hanh.github.io/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: en,
    status,
    detail: `${vi} / ${en}`,
    code,
    message: { vi, en },
  };
}
