/**
 * Execution (thực hiện nhiệm vụ): what the API and the shells exchange about carrying out assignments —
 * progress updates with evidence, verification, obstacles, directives, extensions, urging, roll-ups.
 * The API's execution context implements it; `libs/web/execution` renders it.
 */

/** An assignment's work status, as the assignee reports it. */
export type WorkStatus =
  | 'not-started' // chưa thực hiện
  | 'in-progress' // đang thực hiện
  | 'done' // hoàn thành
  | 'unable'; // không thực hiện được
export const WORK_STATUSES: readonly WorkStatus[] = ['not-started', 'in-progress', 'done', 'unable'];

/** Where the assignee's last report of completion stands with the unit that verifies it. */
export type Verification =
  | 'none' // nothing to verify yet
  | 'pending' // chờ thẩm định: reported done or unable, waiting for the verifier
  | 'verified' // đã xác nhận
  | 'returned'; // trả lại, with a reason: the assignee must update again

/** How near its due date an open assignment is; computed from dates and Vietnam's today, never stored. */
export type Urgency = 'overdue' | 'due-soon' | 'on-track' | 'no-date' | 'closed';

/** What the caller may do with one assignment (the buttons the shells show). */
export type AssignmentWorkAction =
  | 'update-progress'
  | 'upload-evidence'
  | 'raise-obstacle'
  | 'request-extension'
  | 'verify'
  | 'return'
  | 'urge'
  | 'answer-obstacle'
  | 'escalate-obstacle'
  | 'give-directive'
  | 'decide-extension';

/** Which unit verifies an assignment's work (and decides its extensions), and why. */
export interface VerifierDto {
  /** lead: the task's lead unit accepts a coordinator's contribution; focal: the plan's focal unit; issuer: the issuing committee (its leaders and office); commune: the commune's leaders. */
  kind: 'lead' | 'focal' | 'issuer' | 'commune';
  unitCodes: string[];
  unitNames: string[];
}

/** One row of a work list (việc của tôi, a task's units, a verification queue). */
export interface WorkItemDto {
  assignmentId: string;
  planId: string;
  planTitle: string;
  /** "402/KH-UBND" */
  planSymbol: string;
  taskId: string;
  taskOrdinal: number;
  taskContent: string;
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinator';
  status: WorkStatus;
  percent: number;
  verification: Verification;
  /** The due date in force (yyyy-MM-dd): the task's, or the last approved extension's. */
  due: string | null;
  /** The task's own due date when an extension moved it. */
  originalDue: string | null;
  urgency: Urgency;
  /** Days past due (overdue) or left (due soon); null without a date. */
  days: number | null;
  openObstacles: number;
  pendingExtension: boolean;
  updatedAt: string | null;
  version: number;
}

export interface WorkListDto {
  items: WorkItemDto[];
  total: number;
  /** Counts over the whole filtered list (not the page), for the filter chips. */
  counts: { overdue: number; dueSoon: number; done: number; pendingVerification: number; open: number };
}

/** Query of a work list: every field optional; `q` ignores diacritics. */
export interface WorkListQuery {
  q?: string;
  planId?: string;
  taskId?: string;
  unitCode?: string;
  status?: WorkStatus;
  urgency?: Urgency;
  verification?: Verification;
  role?: 'lead' | 'coordinator';
  limit?: number;
  offset?: number;
}

export interface EvidenceDto {
  id: string;
  /** The name as uploaded (shown; never used as a path). */
  fileName: string;
  /** The type detected from the content (application/pdf, image/jpeg…). */
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface ObstacleDto {
  id: string;
  /** khó khăn, vướng mắc */
  description: string;
  /** đề xuất, kiến nghị */
  proposal: string | null;
  status: 'open' | 'answered' | 'escalated' | 'directed';
  raisedAt: string;
  raisedBy: string;
  answer: string | null;
  answeredBy: string | null;
  escalatedAt: string | null;
  /** ý kiến chỉ đạo */
  directive: string | null;
  directedBy: string | null;
  directedAt: string | null;
}

export interface ExtensionRequestDto {
  id: string;
  currentDue: string | null;
  requestedDue: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: string;
  requestedBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

/** One assignment's execution: the work list row plus its verifier, evidence, obstacles and extensions. */
export interface AssignmentWorkDto extends WorkItemDto {
  note: string | null;
  /** Kết quả, sản phẩm */
  result: string | null;
  verifier: VerifierDto;
  returnReason: string | null;
  evidence: EvidenceDto[];
  obstacles: ObstacleDto[];
  extensions: ExtensionRequestDto[];
  directingLeader: string | null;
  allowedActions: AssignmentWorkAction[];
}

/** POST /assignments/:id/progress (Idempotency-Key required). */
export interface ProgressUpdateRequest {
  /** The version the update starts from; a stale one is 409 with the current state. */
  version: number;
  status: WorkStatus;
  percent: number;
  note?: string | null;
  result?: string | null;
  /** Evidence uploaded first through POST /assignments/:id/evidence. */
  evidenceIds?: string[];
}

export interface VerifyRequest {
  version: number;
  note?: string | null;
}
export interface ReturnWorkRequest {
  version: number;
  reason: string;
}
export interface RaiseObstacleRequest {
  description: string;
  proposal?: string | null;
}
export interface AnswerObstacleRequest {
  answer: string;
}
export interface EscalateObstacleRequest {
  note?: string | null;
}
export interface DirectiveRequest {
  directive: string;
}
export interface ExtensionRequestRequest {
  requestedDue: string;
  reason: string;
}
export interface ExtensionDecisionRequest {
  approve: boolean;
  note?: string | null;
}
/** POST /execution/urge: one assignment, or every late unit of a task. */
export interface UrgeRequest {
  assignmentId?: string;
  taskId?: string;
  message?: string | null;
}
export interface UrgeResultDto {
  urged: number;
}

/** The result of a write on an assignment: its new state. */
export type AssignmentWriteResultDto = AssignmentWorkDto;

/** One line of an assignment's timeline, from the event log. */
export interface TimelineEntryDto {
  at: string;
  type: string;
  actor: string;
  unitCode: string | null;
  /** Vietnamese summary, built by the API from the typed payload. */
  summary: string;
  evidence: EvidenceDto[];
  payload: Record<string, unknown>;
}

/** Counts of assignments by status for one role (lead or coordinator). */
export interface StatusCountsDto {
  total: number;
  notStarted: number;
  inProgress: number;
  done: number;
  unable: number;
  verified: number;
  pendingVerification: number;
  overdue: number;
  /** Mean of the assignments' percents, 0–100. */
  percent: number;
}

/** GET /plans/:id/progress: a plan's roll-up, from the read model (never a scan of every assignment). */
export interface PlanProgressDto {
  planId: string;
  asOf: string;
  lead: StatusCountsDto;
  coordinator: StatusCountsDto;
  byTask: { taskId: string; ordinal: number; lead: StatusCountsDto; coordinator: StatusCountsDto }[];
  byUnit: { unitCode: string; unitName: string; tier: 1 | 2; lead: StatusCountsDto; coordinator: StatusCountsDto }[];
}

/** The leader's inbox in the city shell: escalated obstacles and extension requests waiting for them. */
export interface LeaderInboxDto {
  escalations: (ObstacleDto & { assignmentId: string; planTitle: string; taskContent: string; unitName: string })[];
  extensions: (ExtensionRequestDto & { assignmentId: string; planTitle: string; taskContent: string; unitName: string })[];
}
