import type { Timeframe } from '@dieu-hanh/shared/util-timeframe';
import type { IndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';

/**
 * A unit or a whole group named by a task ("UBND các xã, phường" expands at issue), or a reference
 * kept as written for a human to settle ("UBND các xã, phường đã đề xuất"): never guessed.
 * `asWritten` keeps the wording of the source document next to the resolved code.
 */
export type UnitRefDto =
  | { unit: string; asWritten?: string }
  | { group: string; asWritten?: string }
  | { pending: string };

export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'issued', 'closed'] as const;
export type PlanStatusDto = (typeof PLAN_STATUSES)[number];

export const PLAN_ROLES = ['drafting', 'focal', 'lead', 'coordinator', 'issuer'] as const;
export type PlanRoleDto = (typeof PLAN_ROLES)[number];

/**
 * What the caller may do with one plan now, decided by the API's access policy (status, role, unit):
 * the browser shows a button for an action listed here and for nothing else, so it never re-derives roles.
 * Commands: `revise` (edit a draft), `submit`, `approve`, `return`, `issue`, `close`, `amend`, `implement`
 * (draft an implementing plan: the caller's unit holds an assignment in this issued plan). Views:
 * `view-history`, `track-implementation` (follow which units have issued their implementing plans).
 */
export const PLAN_ACTIONS = [
  'revise',
  'submit',
  'approve',
  'return',
  'issue',
  'close',
  'amend',
  'implement',
  'view-history',
  'track-implementation',
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * What the caller may do with the plan collection: `draft` a new plan, `review` (the approvals inbox of
 * plans waiting for the caller's decision), `my-work` (the unit's assignments page of a commune).
 */
export const PLAN_LIST_ACTIONS = ['draft', 'review', 'my-work'] as const;
export type PlanListAction = (typeof PLAN_LIST_ACTIONS)[number];

/** A numbered heading of the plan ("I.3 Phát triển hạ tầng số"). */
export interface PlanSectionDto {
  code: string;
  title: string;
}

/** A reporting duty (chế độ báo cáo): who reports what, how often, to whom. */
export interface ReportingDutyDto {
  text: string;
  unitCode?: string | null;
  timeframe?: string | null;
}

export interface PlanTaskRequest {
  /** Keeps a task's identity across revisions and amendments; new tasks omit it. */
  id?: string;
  section?: string | null;
  content: string;
  expectedResult?: string | null;
  directingLeader?: string | null;
  timeframe?: string | null;
  notes?: string | null;
  /** For an implementing plan: the parent plan's task this one carries out. */
  parentTaskId?: string | null;
  leads: UnitRefDto[];
  coordinators: UnitRefDto[];
}

/** One yearly target of an indicator, as written ("> 85%", "Tốp 5"). */
export interface IndicatorTargetRequest {
  year: number;
  text: string;
}

export interface PlanIndicatorRequest {
  id?: string;
  section?: string | null;
  name: string;
  targets: IndicatorTargetRequest[];
  directingLeader?: string | null;
  focal: UnitRefDto[]; // cơ quan đầu mối tổng hợp, hướng dẫn
  implementing: UnitRefDto[]; // cơ quan thực hiện
  coordinators?: UnitRefDto[]; // cơ quan phối hợp
}

export interface PlanDraftRequest {
  title: string;
  symbol?: string;
  year: number;
  focalUnitCode?: string | null;
  theme?: string | null; // chủ đề
  legalBases?: string[]; // căn cứ
  purposes?: string[]; // mục đích, yêu cầu
  directingLeaders?: string[]; // lãnh đạo chỉ đạo
  reportingDuties?: ReportingDutyDto[];
  /** An implementing plan names the parent plan it carries out (kế hoạch triển khai). */
  parentPlanId?: string | null;
  sections?: PlanSectionDto[];
  tasks: PlanTaskRequest[];
  indicators?: PlanIndicatorRequest[];
}

export interface PlanSummaryDto {
  id: string;
  title: string;
  symbol: string;
  number: number | null;
  year: number;
  status: PlanStatusDto;
  version: number;
  issuerUnitCode: string;
  draftingUnitCode: string;
  /** The drafting unit's short name, for lists ("Sở Khoa học và Công nghệ"). */
  draftingUnitName: string;
  focalUnitCode: string | null;
  issueDate: string | null;
  taskCount: number;
  indicatorCount: number;
  parentPlanId: string | null;
  /** How the caller's unit takes part: drafts it, is its focal unit, leads or coordinates tasks, issues it. */
  myRoles: PlanRoleDto[];
  /** What the caller may do with this plan now (the API's access policy decides; the browser only shows). */
  allowedActions: PlanAction[];
}

export interface AssignmentDto {
  id: string;
  taskId: string;
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinator';
  viaGroup: string | null;
  succeeds: string | null;
  /** assigned, or withdrawn when an amendment took the unit off the task. */
  status: string;
}

export interface PlanTaskDto {
  id: string;
  ordinal: number;
  section: string | null;
  content: string;
  expectedResult: string | null;
  directingLeader: string | null;
  timeframe: string | null;
  /** The timeframe read by the platform; `unknown` ones carry a reason and wait for a human. */
  timeframeNormalized: Timeframe | null;
  notes: string | null;
  parentTaskId: string | null;
  leads: UnitRefDto[];
  coordinators: UnitRefDto[];
  /**
   * The assignments the caller may see — a commune only its own — at most 10 per task here (leads first);
   * the whole list is paged at GET /plans/:id/tasks/:taskId/assignments.
   */
  assignments: AssignmentDto[];
  /** Counts of the assignments the caller may see: in force (lead, coordinator) and withdrawn. */
  assignmentCounts: { total: number; lead: number; coordinator: number; withdrawn: number };
}

export interface TaskAssignmentsDto {
  items: AssignmentDto[];
  total: number;
  limit: number;
  offset: number;
}

export interface PlanIndicatorDto {
  id: string;
  ordinal: number;
  section: string | null;
  name: string;
  targets: { year: number; text: string; parsed: IndicatorTarget }[];
  directingLeader: string | null;
  focal: UnitRefDto[];
  implementing: UnitRefDto[];
  coordinators: UnitRefDto[];
}

export interface ReviewCommentDto {
  by: string;
  at: string;
  text: string;
  /** The field the comment is about, as a path into the draft ("title", "tasks.3.timeframe"), or null for the whole plan. */
  field: string | null;
}

export interface PlanDetailDto extends PlanSummaryDto {
  theme: string | null;
  legalBases: string[];
  purposes: string[];
  directingLeaders: string[];
  reportingDuties: ReportingDutyDto[];
  sections: PlanSectionDto[];
  reviewComments: ReviewCommentDto[];
  tasks: PlanTaskDto[];
  indicators: PlanIndicatorDto[];
  /** Names of the units and groups the plan refers to, by code ("01-G-XA-PHUONG" → "UBND các xã, phường"). */
  names: Record<string, string>;
  /** What waits for a human: references kept as written, timeframes and targets the platform could not read. */
  attention: { pendingReferences: number; unknownTimeframes: number; unknownTargets: number };
  parent: Pick<PlanSummaryDto, 'id' | 'title' | 'symbol' | 'number' | 'year' | 'issuerUnitCode'> | null;
  amendmentCount: number;
}

export interface PlanListDto {
  items: PlanSummaryDto[];
  total: number;
  limit: number;
  offset: number;
  /** What the caller may do with the plan collection (draft a plan, open the approvals inbox, the unit's work). */
  allowedActions: PlanListAction[];
}

/** One unit's responsibility for one task (giao việc), with its task and plan. */
export interface AssignmentDetailDto extends AssignmentDto {
  plan: Pick<PlanSummaryDto, 'id' | 'title' | 'symbol' | 'number' | 'year' | 'status' | 'issueDate' | 'focalUnitCode'>;
  task: Omit<PlanTaskDto, 'assignments' | 'assignmentCounts'>;
}

/** The caller's own assignments across issued plans (for a commune: its to-do list). */
export interface MyAssignmentsDto {
  items: (AssignmentDto & { planId: string; planTitle: string; planSymbol: string; taskContent: string; timeframe: string | null; due: string | null })[];
  total: number;
}

/** Amending an issued plan: the whole new content, why, and the version it starts from. */
export interface PlanAmendRequest extends PlanDraftRequest {
  version: number;
  reason: string;
}

export interface PlanAmendResultDto {
  id: string;
  version: number;
  assignmentsAdded: number;
  assignmentsWithdrawn: number;
  tasksChanged: number;
}

/** One entry of a plan's history, from the event log (the audit trail). */
export interface PlanHistoryEntryDto {
  at: string;
  type: string;
  actor: string;
  unitCode: string | null;
  payload: Record<string, unknown>;
}

/** For a parent plan's focal unit: which assigned communes/units have issued their implementing plan. */
export interface ImplementingPlansDto {
  parentPlanId: string;
  units: { unitCode: string; unitName: string; plan: Pick<PlanSummaryDto, 'id' | 'title' | 'symbol' | 'number' | 'status' | 'issueDate'> | null }[];
  issuedCount: number;
  total: number;
}

/** What a notification is about; execution's kinds came with progress reporting (issue 10). */
export type NotificationKind =
  | 'assignment-created'
  | 'assignment-changed'
  | 'assignment-withdrawn'
  | 'plan-submitted'
  | 'plan-returned'
  | 'plan-approved'
  | 'plan-amended'
  | 'work-verification-requested'
  | 'work-verified'
  | 'work-returned'
  | 'obstacle-raised'
  | 'obstacle-answered'
  | 'obstacle-escalated'
  | 'directive-given'
  | 'extension-requested'
  | 'extension-decided'
  | 'work-urged'
  | 'reminder-before-due'
  | 'reminder-overdue'
  // reporting (issue 12)
  | 'report-period-opened'
  | 'report-urged'
  | 'report-due-soon'
  | 'report-submitted'
  | 'report-accepted'
  | 'report-returned'
  | 'report-reopened'
  | 'consolidated-report-submitted'
  | 'consolidated-report-approved'
  | 'consolidated-report-returned';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  unitCode: string;
  planId: string | null;
  assignmentId: string | null;
  titleVi: string;
  titleEn: string;
  createdAt: string;
  readAt: string | null;
  /** The plan's title as the event named it (for grouping per plan); null for older notifications or none. */
  planTitle: string | null;
  /** True for a request to act (submitted plan, verification, obstacle, extension, escalation, urging, reminder). */
  actionRequired: boolean;
  /** When the action it asked for was done (approved, verified, decided…): it then no longer counts as unread. */
  resolvedAt: string | null;
}

export interface NotificationListDto {
  items: NotificationDto[];
  /** Unread and not resolved, across all of the caller's notifications (not only this page). */
  unread: number;
}

/** The caller's notifications of one plan (or of no plan: `planId` null), as the bell shows them. */
export interface NotificationGroupDto {
  planId: string | null;
  planTitle: string | null;
  /** Notifications in the group. */
  count: number;
  /** Unread and not resolved in the group. */
  unread: number;
  /** Open action requests (not resolved) in the group. */
  actionsOpen: number;
  /** The newest notification of the group. */
  latest: NotificationDto;
}

export interface NotificationGroupListDto {
  /** Newest group first (by its latest notification). */
  groups: NotificationGroupDto[];
  /** Unread and not resolved, across every group. */
  unread: number;
  /** How many groups there are (for paging). */
  total: number;
}

/** What the live stream (`GET /notifications/stream`, Server-Sent Events `event: notifications`) says: refetch. */
export interface NotificationStreamMessageDto {
  /** Why: new notifications, some resolved, some read (in another tab or by a colleague), or a resync after a gap. */
  reason: 'changed' | 'resync';
}
