/**
 * Every error code the API can answer with (`code` of a problem+json body), in one list. Clients branch
 * on these, never on message text. The API's error factories keep their own literals (a domain stays
 * dependency-free); error-codes.spec.ts scans the API's source and fails when a code it emits is missing
 * here, or when a code listed here is emitted nowhere.
 *
 * Prefixes: REQUEST (the HTTP request itself), AUTH (who is calling), SERVER (our side), then one per
 * bounded context: ORGANIZATION, PLANNING, NOTIFICATION (a new context adds its own, e.g. EXECUTION).
 */
export const ErrorCode = {
  // The request
  ValidationFailed: 'REQUEST.VALIDATION_FAILED',
  MalformedJson: 'REQUEST.MALFORMED_JSON',
  TooDeep: 'REQUEST.TOO_DEEP',
  Invalid: 'REQUEST.INVALID',
  IdempotencyKeyInvalid: 'REQUEST.IDEMPOTENCY_KEY_INVALID',
  IdempotencyKeyReused: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
  IdempotencyInProgress: 'REQUEST.IDEMPOTENCY_IN_PROGRESS',
  PayloadTooLarge: 'REQUEST.PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  NotFound: 'REQUEST.NOT_FOUND',
  MethodNotAllowed: 'REQUEST.METHOD_NOT_ALLOWED',
  Conflict: 'REQUEST.CONFLICT',
  // The caller
  Unauthenticated: 'AUTH.UNAUTHENTICATED',
  TokenInvalid: 'AUTH.TOKEN_INVALID',
  TokenExpired: 'AUTH.TOKEN_EXPIRED',
  UnknownIssuer: 'AUTH.UNKNOWN_ISSUER',
  AccountUnitUnknown: 'AUTH.ACCOUNT_UNIT_UNKNOWN',
  Forbidden: 'AUTH.FORBIDDEN',
  // The server
  Internal: 'SERVER.INTERNAL',
  ServiceUnavailable: 'SERVER.UNAVAILABLE',
  // Organization (the unit directory)
  UnitNotFound: 'ORGANIZATION.UNIT_NOT_FOUND',
  UnitCodeTaken: 'ORGANIZATION.UNIT_CODE_TAKEN',
  UnitInvalid: 'ORGANIZATION.UNIT_INVALID',
  UnitParentInvalid: 'ORGANIZATION.UNIT_PARENT_INVALID',
  UnitGroupNotFound: 'ORGANIZATION.UNIT_GROUP_NOT_FOUND',
  SuccessionInvalid: 'ORGANIZATION.SUCCESSION_INVALID',
  // Planning
  PlanNotFound: 'PLANNING.PLAN_NOT_FOUND',
  PlanInvalid: 'PLANNING.PLAN_INVALID',
  PlanNotEditable: 'PLANNING.NOT_EDITABLE',
  PlanTransitionRefused: 'PLANNING.TRANSITION_REFUSED',
  PlanVersionConflict: 'PLANNING.VERSION_CONFLICT',
  PlanNumberTaken: 'PLANNING.NUMBER_TAKEN',
  ParentPlanInvalid: 'PLANNING.PARENT_INVALID',
  /** A commune's plan names a unit or group outside the commune (or one that does not exist). */
  ReferenceOutOfReach: 'PLANNING.REFERENCE_OUT_OF_REACH',
  AssignmentNotFound: 'PLANNING.ASSIGNMENT_NOT_FOUND',
  AssignmentsChangedMeanwhile: 'PLANNING.ASSIGNMENTS_CHANGED_MEANWHILE',
  // Notification
  NotificationNotFound: 'NOTIFICATION.NOT_FOUND',
  // Execution (work on assignments: progress, verification, obstacles, extensions, urging)
  /** Progress updates and evidence uploads need an Idempotency-Key (a retry must never record twice). */
  IdempotencyKeyRequired: 'REQUEST.IDEMPOTENCY_KEY_REQUIRED',
  ExecutionAssignmentNotFound: 'EXECUTION.ASSIGNMENT_NOT_FOUND',
  /** A write on an assignment started from a stale version; the problem carries the current state (`current`). */
  WorkVersionConflict: 'EXECUTION.VERSION_CONFLICT',
  WorkInvalid: 'EXECUTION.WORK_INVALID',
  WorkTransitionRefused: 'EXECUTION.TRANSITION_REFUSED',
  EvidenceNotAttachable: 'EXECUTION.EVIDENCE_NOT_ATTACHABLE',
  ObstacleNotFound: 'EXECUTION.OBSTACLE_NOT_FOUND',
  ObstacleTransitionRefused: 'EXECUTION.OBSTACLE_TRANSITION_REFUSED',
  ExtensionNotFound: 'EXECUTION.EXTENSION_NOT_FOUND',
  ExtensionInvalid: 'EXECUTION.EXTENSION_INVALID',
  ExtensionAlreadyDecided: 'EXECUTION.EXTENSION_ALREADY_DECIDED',
  UrgeInvalid: 'EXECUTION.URGE_INVALID',
  // Execution: evidence files
  /** Not exactly one file in the multipart field `file`. */
  EvidenceFileRequired: 'EXECUTION.EVIDENCE_FILE_REQUIRED',
  /** 413: the file exceeds EVIDENCE_MAX_BYTES. */
  EvidenceTooLarge: 'EXECUTION.EVIDENCE_TOO_LARGE',
  /** 415: the content is not PDF, DOCX, XLSX, JPEG, PNG, WEBP or HEIC, whatever the name says. */
  EvidenceTypeRefused: 'EXECUTION.EVIDENCE_TYPE_REFUSED',
  /** 403: the caller sees the assignment but may not upload to it. */
  EvidenceUploadRefused: 'EXECUTION.EVIDENCE_UPLOAD_REFUSED',
  EvidenceNotFound: 'EXECUTION.EVIDENCE_NOT_FOUND',
  // Reporting (periods, unit and consolidated reports, indicator values, exports)
  ReportingPlanNotFound: 'REPORTING.PLAN_NOT_FOUND',
  ReportingPeriodNotFound: 'REPORTING.PERIOD_NOT_FOUND',
  ReportNotFound: 'REPORTING.REPORT_NOT_FOUND',
  ExportNotFound: 'REPORTING.EXPORT_NOT_FOUND',
  /** A bad report body, indicator value, import file or export format, with the fields at fault. */
  ReportingInvalid: 'REPORTING.INVALID',
  /** A report or period whose state does not allow this (`currentStatus`). */
  ReportTransitionRefused: 'REPORTING.TRANSITION_REFUSED',
  ReportVersionConflict: 'REPORTING.VERSION_CONFLICT',
  ReportingPeriodExists: 'REPORTING.PERIOD_EXISTS',
} as const;

/** One of the codes above. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES: readonly ErrorCodeValue[] = Object.values(ErrorCode);

/** Whether a problem's `code` is one of ours (a proxy or a gateway may answer with something else). */
export function isErrorCode(code: unknown): code is ErrorCodeValue {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}
