/** A message in both product languages: Vietnamese first, English beside it. */
export interface BilingualMessage {
  vi: string;
  en: string;
}

export interface ProblemFieldError {
  /** JSON path of the offending input, e.g. `body.officialName` or `query.tier`. */
  field: string;
  code: string;
  message: BilingualMessage;
}

/** RFC 9457 problem details, as every API error is returned (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable machine-readable code, one of `ErrorCode` (error-codes.ts), e.g. `ORGANIZATION.UNIT_NOT_FOUND`. */
  code: string;
  message: BilingualMessage;
  errors?: ProblemFieldError[];
  requestId?: string;
}
