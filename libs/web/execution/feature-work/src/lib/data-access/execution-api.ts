import { HttpClient, HttpErrorResponse, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnswerObstacleRequest,
  AssignmentWorkDto,
  BilingualMessage,
  DirectiveRequest,
  EscalateObstacleRequest,
  EvidenceDto,
  ExtensionDecisionRequest,
  ExtensionRequestRequest,
  LeaderInboxDto,
  PlanProgressDto,
  ProgressUpdateRequest,
  RaiseObstacleRequest,
  ReturnWorkRequest,
  TimelineEntryDto,
  UrgeRequest,
  UrgeResultDto,
  VerifyRequest,
  WorkListDto,
  WorkListQuery,
} from '@dieu-hanh/shared/contracts';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import type { Observable } from 'rxjs';

/** A work-list query as filters hold it: an empty string (or null) is "no filter" and is not sent. */
export type WorkQuery = { [K in keyof WorkListQuery]?: WorkListQuery[K] | '' | null };

/**
 * The execution context's HTTP calls (every route of issue 10), typed with shared/contracts — never
 * redeclared. Writes that must not be recorded twice (progress, evidence) take the caller's
 * Idempotency-Key, generated once per user action and kept with an offline update, so a replay returns
 * the first answer.
 */
@Injectable({ providedIn: 'root' })
export class ExecutionApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(SHELL_CONFIG).apiUrl;

  // ── reads ──────────────────────────────────────────────────────────────────────────────────────
  /** GET /my/work: the caller's unit's assignments (a commune's include its offices'). */
  myWork(query: WorkQuery = {}): Observable<WorkListDto> {
    return this.http.get<WorkListDto>(`${this.base}/my/work`, { params: toParams(query) });
  }

  /** GET /execution/work: everything the caller sees, filtered and paged. */
  work(query: WorkQuery = {}): Observable<WorkListDto> {
    return this.http.get<WorkListDto>(`${this.base}/execution/work`, { params: toParams(query) });
  }

  /** GET /execution/verification-queue: what waits for the caller's unit to verify. */
  verificationQueue(query: WorkQuery = {}): Observable<WorkListDto> {
    return this.http.get<WorkListDto>(`${this.base}/execution/verification-queue`, { params: toParams(query) });
  }

  /** GET /assignments/:id/work: one assignment's execution and what the caller may do with it. */
  assignmentWork(assignmentId: string): Observable<AssignmentWorkDto> {
    return this.http.get<AssignmentWorkDto>(`${this.base}/assignments/${enc(assignmentId)}/work`);
  }

  /** GET /assignments/:id/timeline: who did what and when, from the event log. */
  timeline(assignmentId: string): Observable<TimelineEntryDto[]> {
    return this.http.get<TimelineEntryDto[]>(`${this.base}/assignments/${enc(assignmentId)}/timeline`);
  }

  /** GET /plans/:id/progress: the plan's roll-up from the read model. */
  planProgress(planId: string): Observable<PlanProgressDto> {
    return this.http.get<PlanProgressDto>(`${this.base}/plans/${enc(planId)}/progress`);
  }

  /** GET /execution/leader-inbox. */
  leaderInbox(): Observable<LeaderInboxDto> {
    return this.http.get<LeaderInboxDto>(`${this.base}/execution/leader-inbox`);
  }

  /**
   * GET /evidence/:id/content as a blob, through the authenticated client (the API needs the bearer
   * token, so a bare link would not do).
   */
  evidenceContent(evidenceId: string): Observable<Blob> {
    return this.http.get(`${this.base}/evidence/${enc(evidenceId)}/content`, { responseType: 'blob' });
  }

  // ── the assignee's writes ───────────────────────────────────────────────────────────────────────
  /** POST /assignments/:id/evidence (multipart `file`), Idempotency-Key required. */
  uploadEvidence(assignmentId: string, file: Blob, fileName: string, idempotencyKey: string): Observable<EvidenceDto> {
    const body = new FormData();
    body.append('file', file, fileName);
    return this.http.post<EvidenceDto>(`${this.base}/assignments/${enc(assignmentId)}/evidence`, body, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  /** POST /assignments/:id/progress, Idempotency-Key required; 409 with `current` when the version is stale. */
  updateProgress(assignmentId: string, req: ProgressUpdateRequest, idempotencyKey: string): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/assignments/${enc(assignmentId)}/progress`, req, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  raiseObstacle(assignmentId: string, req: RaiseObstacleRequest): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/assignments/${enc(assignmentId)}/obstacles`, req);
  }

  requestExtension(assignmentId: string, req: ExtensionRequestRequest): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/assignments/${enc(assignmentId)}/extensions`, req);
  }

  // ── the verifier's, handler's and leader's writes ───────────────────────────────────────────────
  verify(assignmentId: string, req: VerifyRequest): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/assignments/${enc(assignmentId)}/verify`, req);
  }

  returnWork(assignmentId: string, req: ReturnWorkRequest): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/assignments/${enc(assignmentId)}/return`, req);
  }

  answerObstacle(obstacleId: string, req: AnswerObstacleRequest): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/obstacles/${enc(obstacleId)}/answer`, req);
  }

  escalateObstacle(obstacleId: string, req: EscalateObstacleRequest = {}): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/obstacles/${enc(obstacleId)}/escalate`, req);
  }

  directive(obstacleId: string, req: DirectiveRequest): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/obstacles/${enc(obstacleId)}/directive`, req);
  }

  decideExtension(extensionId: string, req: ExtensionDecisionRequest): Observable<AssignmentWorkDto> {
    return this.http.post<AssignmentWorkDto>(`${this.base}/extensions/${enc(extensionId)}/decision`, req);
  }

  /** POST /execution/urge: one assignment, or every late unit of a task. */
  urge(req: UrgeRequest): Observable<UrgeResultDto> {
    return this.http.post<UrgeResultDto>(`${this.base}/execution/urge`, req);
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

export function toParams(query: WorkQuery): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p = p.set(k, String(v));
  return p;
}

/** An API problem as a page shows it. */
export interface ExecutionProblem {
  /** HTTP status; 0 when the request never reached the API (offline, network error). */
  status: number;
  code: string | null;
  message: BilingualMessage;
  /** Field errors: field name → bilingual message (problem+json `errors`). */
  fields: Record<string, BilingualMessage>;
  /** On 409 EXECUTION.VERSION_CONFLICT: the assignment's current state. */
  current: AssignmentWorkDto | null;
}

const FALLBACK: BilingualMessage = { vi: 'Không thực hiện được. Vui lòng thử lại.', en: 'Could not be done. Please try again.' };
const OFFLINE: BilingualMessage = { vi: 'Không có kết nối mạng.', en: 'No network connection.' };

/** Reads a problem+json error (see libs/api/shared/http) into what the page shows. */
export function executionProblem(err: unknown): ExecutionProblem {
  if (!(err instanceof HttpErrorResponse)) return { status: 0, code: null, message: FALLBACK, fields: {}, current: null };
  if (err.status === 0) return { status: 0, code: null, message: OFFLINE, fields: {}, current: null };
  const body = (err.error && typeof err.error === 'object' ? err.error : {}) as Record<string, unknown>;
  const message = bilingual(body['message']) ?? textMessage(body['detail'] ?? body['title']) ?? FALLBACK;
  const fields: Record<string, BilingualMessage> = {};
  const errors = body['errors'];
  if (Array.isArray(errors)) {
    for (const e of errors as Record<string, unknown>[]) {
      const field = typeof e?.['field'] === 'string' ? (e['field'] as string) : null;
      const m = bilingual(e?.['message']) ?? textMessage(e?.['detail']);
      if (field && m) fields[fieldName(field)] = m;
    }
  } else if (errors && typeof errors === 'object') {
    for (const [field, v] of Object.entries(errors as Record<string, unknown>)) {
      const m = bilingual(v) ?? textMessage(Array.isArray(v) ? v.join('; ') : v);
      if (m) fields[field] = m;
    }
  }
  const field = body['field'];
  if (typeof field === 'string' && !fields[fieldName(field)]) fields[fieldName(field)] = message;
  const current = body['current'] && typeof body['current'] === 'object' ? (body['current'] as AssignmentWorkDto) : null;
  const code = typeof body['code'] === 'string' ? (body['code'] as string) : null;
  return { status: err.status, code, message, fields, current };
}

/** A network failure (no answer from the API): the update should be queued, not reported as refused. */
export function isNetworkError(err: unknown): boolean {
  return err instanceof HttpErrorResponse ? err.status === 0 : err instanceof TypeError;
}

/** `body.percent` → `percent`: the form's control name. */
function fieldName(path: string): string {
  return path.replace(/^(body|query|params)\./, '');
}

function bilingual(v: unknown): BilingualMessage | null {
  return v && typeof v === 'object' && 'vi' in v && 'en' in v ? (v as BilingualMessage) : null;
}

function textMessage(v: unknown): BilingualMessage | null {
  return typeof v === 'string' && v ? { vi: v, en: v } : null;
}
