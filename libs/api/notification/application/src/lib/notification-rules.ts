import { NotificationEventType } from '@dieu-hanh/api/notification/contracts';
import { ExecutionEventType, isExecutionEvent, type WorkFacts } from '@dieu-hanh/api/execution/contracts';
import {
  type AssignmentFacts,
  AssignmentEventType,
  isAssignmentEvent,
  isPlanEvent,
  PlanEventType,
} from '@dieu-hanh/api/planning/contracts';
import { type PeriodFacts, ReportingEventType, isReportingEvent } from '@dieu-hanh/api/reporting/contracts';
import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import type { NotificationKind } from '@dieu-hanh/shared/contracts';

/** A notification to be stored: to a unit (everyone working for it sees it), from one event. */
export interface NotificationDraft {
  eventId: string;
  unitCode: string;
  kind: NotificationKind;
  planId: string | null;
  /** The plan's title as the event names it: the bell groups per plan and shows it. */
  planTitle: string | null;
  assignmentId: string | null;
  titleVi: string;
  titleEn: string;
  /**
   * Set on a request to act: the action that resolves it (`resolutionsFor` of a later event names the
   * same key). Null for a plain piece of news.
   */
  resolutionKey: string | null;
}

/** The keys of action requests; one place so the request and what resolves it cannot drift apart. */
export const ResolutionKey = {
  /** A submitted plan waits for the issuing body's decision (approve, return; issue or close end it too). */
  planDecision: (planId: string) => `plan:${planId}:decision`,
  /** A reported completion (done / unable) waits for the verifier. */
  verification: (assignmentId: string) => `assignment:${assignmentId}:verification`,
  /** An urging or a reminder waits for the assignee to report the work done (or unable). */
  completion: (assignmentId: string) => `assignment:${assignmentId}:completion`,
  /** A raised obstacle waits for the handler's answer or escalation. */
  obstacleHandling: (obstacleId: string) => `obstacle:${obstacleId}:handling`,
  /** An escalated obstacle waits for the leader's directive. */
  directive: (obstacleId: string) => `obstacle:${obstacleId}:directive`,
  /** An extension request waits for the decision. */
  extensionDecision: (extensionId: string) => `extension:${extensionId}:decision`,
  /** A period's opening, urging or reminder waits for the unit's report to reach the focal unit. */
  reportSubmission: (periodId: string, unitCode: string) => `period:${periodId}:unit:${unitCode}:report`,
  /** A submitted unit report waits for the focal unit (accept or return). */
  reportReview: (reportId: string) => `report:${reportId}:review`,
  /** A submitted consolidated report waits for the leader's decision. */
  consolidatedDecision: (reportId: string) => `consolidated:${reportId}:decision`,
} as const;

const uniq = (codes: readonly (string | null | undefined)[]): string[] => [...new Set(codes.filter((c): c is string => !!c))];

/**
 * Which events tell whom what. Pure: the projection stores what this returns. Events not listed
 * notify nobody. Payloads are read through the publishing contexts' event types (planning's,
 * execution's), so a renamed field fails to compile here instead of sending "undefined" to every commune.
 */
export function notificationsFor(event: RecordedEvent, unitName: (code: string) => string = (code) => code): NotificationDraft[] {
  type Text = { kind: NotificationKind; vi: string; en: string; key?: string | null };
  // To units about an assignment, in its plan.
  const about = (p: AssignmentFacts | WorkFacts, units: readonly (string | null | undefined)[], t: Text): NotificationDraft[] =>
    uniq(units).map((unitCode) => ({
      eventId: event.id,
      unitCode,
      kind: t.kind,
      planId: p.planId,
      planTitle: p.planTitle,
      assignmentId: event.aggregateId,
      titleVi: t.vi,
      titleEn: t.en,
      resolutionKey: t.key ?? null,
    }));
  // To a unit concerned by a plan's move: the issuing committee or the drafting unit.
  const aboutPlan = (title: string, unitCode: string, t: Text): NotificationDraft[] => [
    { eventId: event.id, unitCode, kind: t.kind, planId: event.aggregateId, planTitle: title, assignmentId: null, titleVi: t.vi, titleEn: t.en, resolutionKey: t.key ?? null },
  ];

  // Planning: assignments and plans.
  if (isAssignmentEvent(event, AssignmentEventType.Created)) {
    const p = event.payload;
    const [vi, en] = p.role === 'lead' ? ['chủ trì', 'lead'] : ['phối hợp', 'coordinator'];
    return about(p, [p.unitCode], { kind: 'assignment-created', vi: `Nhiệm vụ mới (${vi}): ${p.planTitle}`, en: `New assignment (${en}): ${p.planTitle}` });
  }
  if (isAssignmentEvent(event, AssignmentEventType.Changed)) {
    const p = event.payload;
    return about(p, [p.unitCode], { kind: 'assignment-changed', vi: `Nhiệm vụ được điều chỉnh: ${p.planTitle}`, en: `Assignment amended: ${p.planTitle}` });
  }
  if (isAssignmentEvent(event, AssignmentEventType.Withdrawn)) {
    const p = event.payload;
    return about(p, [p.unitCode], { kind: 'assignment-withdrawn', vi: `Nhiệm vụ được rút khỏi đơn vị: ${p.planTitle}`, en: `Assignment withdrawn: ${p.planTitle}` });
  }
  if (isPlanEvent(event, PlanEventType.Submitted)) {
    const p = event.payload;
    return aboutPlan(p.title, p.issuerUnitCode, {
      kind: 'plan-submitted',
      vi: `Kế hoạch trình duyệt: ${p.title}`,
      en: `Plan submitted for approval: ${p.title}`,
      key: ResolutionKey.planDecision(event.aggregateId),
    });
  }
  if (isPlanEvent(event, PlanEventType.Returned)) {
    const p = event.payload;
    return aboutPlan(p.title, p.draftingUnitCode, { kind: 'plan-returned', vi: `Dự thảo bị trả lại kèm ý kiến: ${p.title}`, en: `Draft returned with comments: ${p.title}` });
  }
  if (isPlanEvent(event, PlanEventType.Approved)) {
    const p = event.payload;
    return aboutPlan(p.title, p.draftingUnitCode, { kind: 'plan-approved', vi: `Kế hoạch đã được phê duyệt: ${p.title}`, en: `Plan approved: ${p.title}` });
  }

  // Execution: progress, verification, obstacles, extensions, urging, reminders.
  if (isExecutionEvent(event, ExecutionEventType.ProgressReported)) {
    const p = event.payload;
    if (!p.verifierUnitCodes?.length) return [];
    const [vi, en] = p.status === 'unable' ? ['báo cáo không thực hiện được', 'reported unable'] : ['báo cáo hoàn thành', 'reported done'];
    return about(p, p.verifierUnitCodes, {
      kind: 'work-verification-requested',
      vi: `Chờ thẩm định: ${unitName(p.unitCode)} ${vi} — ${p.planTitle}`,
      en: `Awaiting verification: ${unitName(p.unitCode)} ${en} — ${p.planTitle}`,
      key: ResolutionKey.verification(event.aggregateId),
    });
  }
  if (isExecutionEvent(event, ExecutionEventType.WorkVerified)) {
    const p = event.payload;
    return about(p, [p.unitCode], { kind: 'work-verified', vi: `Kết quả đã được xác nhận: ${p.planTitle}`, en: `Work verified: ${p.planTitle}` });
  }
  if (isExecutionEvent(event, ExecutionEventType.WorkReturned)) {
    const p = event.payload;
    return about(p, [p.unitCode], {
      kind: 'work-returned',
      vi: `Kết quả bị trả lại: ${p.reason} — ${p.planTitle}`,
      en: `Work returned: ${p.reason} — ${p.planTitle}`,
    });
  }
  if (isExecutionEvent(event, ExecutionEventType.ObstacleRaised)) {
    const p = event.payload;
    return about(p, [p.handlerUnitCode], {
      kind: 'obstacle-raised',
      vi: `Khó khăn, vướng mắc cần xử lý (${unitName(p.unitCode)}): ${p.planTitle}`,
      en: `Obstacle to handle (${unitName(p.unitCode)}): ${p.planTitle}`,
      key: ResolutionKey.obstacleHandling(p.obstacleId),
    });
  }
  if (isExecutionEvent(event, ExecutionEventType.ObstacleAnswered)) {
    const p = event.payload;
    return about(p, [p.unitCode], { kind: 'obstacle-answered', vi: `Vướng mắc đã được trả lời: ${p.planTitle}`, en: `Obstacle answered: ${p.planTitle}` });
  }
  if (isExecutionEvent(event, ExecutionEventType.ObstacleEscalated)) {
    const p = event.payload;
    return about(p, [p.leaderUnitCode], {
      kind: 'obstacle-escalated',
      vi: `Xin ý kiến chỉ đạo (${unitName(p.unitCode)}): ${p.planTitle}`,
      en: `Directive requested (${unitName(p.unitCode)}): ${p.planTitle}`,
      key: ResolutionKey.directive(p.obstacleId),
    });
  }
  if (isExecutionEvent(event, ExecutionEventType.DirectiveGiven)) {
    const p = event.payload;
    return about(p, [p.unitCode, ...p.concernedUnitCodes], { kind: 'directive-given', vi: `Ý kiến chỉ đạo: ${p.planTitle}`, en: `Leader’s directive: ${p.planTitle}` });
  }
  if (isExecutionEvent(event, ExecutionEventType.ExtensionRequested)) {
    const p = event.payload;
    const to = vnDate(p.requestedDue);
    return about(p, p.deciderUnitCodes, {
      kind: 'extension-requested',
      vi: `Đề nghị gia hạn đến ${to} (${unitName(p.unitCode)}): ${p.planTitle}`,
      en: `Extension to ${to} requested (${unitName(p.unitCode)}): ${p.planTitle}`,
      key: ResolutionKey.extensionDecision(p.extensionId),
    });
  }
  if (isExecutionEvent(event, ExecutionEventType.ExtensionDecided)) {
    const p = event.payload;
    const to = vnDate(p.requestedDue);
    return about(
      p,
      [p.unitCode],
      p.approved
        ? { kind: 'extension-decided', vi: `Đồng ý gia hạn đến ${to}: ${p.planTitle}`, en: `Extension to ${to} approved: ${p.planTitle}` }
        : { kind: 'extension-decided', vi: `Không đồng ý gia hạn: ${p.planTitle}`, en: `Extension refused: ${p.planTitle}` },
    );
  }
  if (isExecutionEvent(event, ExecutionEventType.Urged)) {
    const p = event.payload;
    return about(p, [p.unitCode], {
      kind: 'work-urged',
      vi: `Đôn đốc thực hiện nhiệm vụ: ${p.planTitle}`,
      en: `Urged to complete the assignment: ${p.planTitle}`,
      key: ResolutionKey.completion(event.aggregateId),
    });
  }
  if (isExecutionEvent(event, ExecutionEventType.ReminderDue)) {
    const p = event.payload;
    const due = vnDate(p.due);
    return about(
      p,
      [p.unitCode],
      p.kind === 'overdue'
        ? {
            kind: 'reminder-overdue',
            vi: `Nhiệm vụ quá hạn (hạn ${due}): ${p.planTitle}`,
            en: `Assignment overdue (due ${due}): ${p.planTitle}`,
            key: ResolutionKey.completion(event.aggregateId),
          }
        : {
            kind: 'reminder-before-due',
            vi: `Nhiệm vụ sắp đến hạn (${due}): ${p.planTitle}`,
            en: `Assignment due soon (${due}): ${p.planTitle}`,
            key: ResolutionKey.completion(event.aggregateId),
          },
    );
  }
  return reportingNotifications(event, unitName);
}

/** Reporting's events: periods opened, urged and closing to the units that owe a report; decisions to whom they concern. */
function reportingNotifications(event: RecordedEvent, unitName: (code: string) => string): NotificationDraft[] {
  const to = (p: PeriodFacts, units: readonly (string | null | undefined)[], kind: NotificationKind, vi: string, en: string, key: (unit: string) => string | null = () => null): NotificationDraft[] =>
    uniq(units).map((unitCode) => ({
      eventId: event.id,
      unitCode,
      kind,
      planId: p.planId,
      planTitle: p.planTitle,
      assignmentId: null,
      titleVi: vi,
      titleEn: en,
      resolutionKey: key(unitCode),
    }));
  const owed = (p: PeriodFacts) => (unit: string) => ResolutionKey.reportSubmission(p.periodId, unit);
  if (isReportingEvent(event, ReportingEventType.PeriodOpened)) {
    const p = event.payload;
    const due = vnDate(p.dueDate);
    return to(p, p.expectedUnitCodes, 'report-period-opened', `Kỳ báo cáo ${p.periodLabel} đã mở, hạn nộp ${due}: ${p.planTitle}`, `Reporting period ${p.periodLabel} is open, due ${due}: ${p.planTitle}`, owed(p));
  }
  if (isReportingEvent(event, ReportingEventType.ReportsUrged)) {
    const p = event.payload;
    return to(p, p.unitCodes, 'report-urged', `Đôn đốc nộp báo cáo ${p.periodLabel} (hạn ${vnDate(p.dueDate)}): ${p.planTitle}`, `Urged to submit the ${p.periodLabel} report (due ${vnDate(p.dueDate)}): ${p.planTitle}`, owed(p));
  }
  if (isReportingEvent(event, ReportingEventType.PeriodClosingSoon)) {
    const p = event.payload;
    return to(p, p.unitCodes, 'report-due-soon', `Còn ${p.daysLeft} ngày đến hạn nộp báo cáo ${p.periodLabel}: ${p.planTitle}`, `${p.daysLeft} day(s) left to submit the ${p.periodLabel} report: ${p.planTitle}`, owed(p));
  }
  if (isReportingEvent(event, ReportingEventType.UnitReportSubmitted) && event.payload.status === 'submitted') {
    const p = event.payload;
    return to(p, [p.focalUnitCode], 'report-submitted', `${unitName(p.unitCode)} đã gửi báo cáo ${p.periodLabel}: ${p.planTitle}`, `${unitName(p.unitCode)} submitted its ${p.periodLabel} report: ${p.planTitle}`, () =>
      ResolutionKey.reportReview(p.reportId),
    );
  }
  if (isReportingEvent(event, ReportingEventType.UnitReportApproved)) {
    const p = event.payload;
    return to(p, [p.focalUnitCode], 'report-submitted', `${unitName(p.unitCode)} đã gửi báo cáo ${p.periodLabel}: ${p.planTitle}`, `${unitName(p.unitCode)} submitted its ${p.periodLabel} report: ${p.planTitle}`, () =>
      ResolutionKey.reportReview(p.reportId),
    );
  }
  if (isReportingEvent(event, ReportingEventType.UnitReportAccepted)) {
    const p = event.payload;
    return to(p, [p.unitCode], 'report-accepted', `Báo cáo ${p.periodLabel} đã được tiếp nhận: ${p.planTitle}`, `Your ${p.periodLabel} report was accepted: ${p.planTitle}`);
  }
  if (isReportingEvent(event, ReportingEventType.UnitReportReturned)) {
    const p = event.payload;
    return to(p, [p.unitCode], 'report-returned', `Báo cáo ${p.periodLabel} bị trả lại: ${p.reason} — ${p.planTitle}`, `Your ${p.periodLabel} report was returned: ${p.reason} — ${p.planTitle}`, owed(p));
  }
  if (isReportingEvent(event, ReportingEventType.UnitReportReopened)) {
    const p = event.payload;
    return to(p, [p.unitCode], 'report-reopened', `Báo cáo ${p.periodLabel} được mở lại: ${p.reason} — ${p.planTitle}`, `Your ${p.periodLabel} report was reopened: ${p.reason} — ${p.planTitle}`, owed(p));
  }
  if (isReportingEvent(event, ReportingEventType.ConsolidatedReportSubmitted)) {
    const p = event.payload;
    return to(p, [p.issuerUnitCode], 'consolidated-report-submitted', `Báo cáo tổng hợp ${p.periodLabel} chờ phê duyệt: ${p.planTitle}`, `Consolidated ${p.periodLabel} report awaits approval: ${p.planTitle}`, () =>
      ResolutionKey.consolidatedDecision(p.reportId),
    );
  }
  if (isReportingEvent(event, ReportingEventType.ConsolidatedReportApproved)) {
    const p = event.payload;
    return to(p, [p.focalUnitCode], 'consolidated-report-approved', `Báo cáo tổng hợp ${p.periodLabel} đã được phê duyệt: ${p.planTitle}`, `Consolidated ${p.periodLabel} report approved: ${p.planTitle}`);
  }
  if (isReportingEvent(event, ReportingEventType.ConsolidatedReportReturned)) {
    const p = event.payload;
    return to(p, [p.focalUnitCode], 'consolidated-report-returned', `Báo cáo tổng hợp ${p.periodLabel} bị trả lại: ${p.reason} — ${p.planTitle}`, `Consolidated ${p.periodLabel} report returned: ${p.reason} — ${p.planTitle}`);
  }
  return [];
}

/**
 * The action requests an event resolves (pure). A later request with the same key also resolves the
 * earlier ones (a new report supersedes the one awaiting verification); the projection never resolves
 * the event's own notifications, nor ones created after the event.
 */
export function resolutionsFor(event: RecordedEvent): string[] {
  if (
    isPlanEvent(event, PlanEventType.Approved) ||
    isPlanEvent(event, PlanEventType.Returned) ||
    isPlanEvent(event, PlanEventType.Issued) ||
    isPlanEvent(event, PlanEventType.Closed)
  ) {
    return [ResolutionKey.planDecision(event.aggregateId)];
  }
  if (isAssignmentEvent(event, AssignmentEventType.Withdrawn)) {
    return [ResolutionKey.verification(event.aggregateId), ResolutionKey.completion(event.aggregateId)];
  }
  if (isExecutionEvent(event, ExecutionEventType.ProgressReported)) {
    // Any new report supersedes a completion awaiting verification; reporting done or unable answers an urging.
    const done = event.payload.status === 'done' || event.payload.status === 'unable';
    return [ResolutionKey.verification(event.aggregateId), ...(done ? [ResolutionKey.completion(event.aggregateId)] : [])];
  }
  if (isExecutionEvent(event, ExecutionEventType.WorkVerified)) {
    return [ResolutionKey.verification(event.aggregateId), ResolutionKey.completion(event.aggregateId)];
  }
  if (isExecutionEvent(event, ExecutionEventType.WorkReturned)) return [ResolutionKey.verification(event.aggregateId)];
  if (isExecutionEvent(event, ExecutionEventType.ObstacleAnswered) || isExecutionEvent(event, ExecutionEventType.ObstacleEscalated)) {
    return [ResolutionKey.obstacleHandling(event.payload.obstacleId)];
  }
  if (isExecutionEvent(event, ExecutionEventType.DirectiveGiven)) {
    const id = event.payload.obstacleId;
    return id ? [ResolutionKey.obstacleHandling(id), ResolutionKey.directive(id)] : [];
  }
  if (isExecutionEvent(event, ExecutionEventType.ExtensionDecided)) return [ResolutionKey.extensionDecision(event.payload.extensionId)];
  // A report that reaches the focal unit answers the period's requests to that unit; a decision answers the review.
  if (isReportingEvent(event, ReportingEventType.UnitReportSubmitted) && event.payload.status === 'submitted') return [ResolutionKey.reportSubmission(event.payload.periodId, event.payload.unitCode)];
  if (isReportingEvent(event, ReportingEventType.UnitReportApproved)) return [ResolutionKey.reportSubmission(event.payload.periodId, event.payload.unitCode)];
  if (isReportingEvent(event, ReportingEventType.UnitReportAccepted) || isReportingEvent(event, ReportingEventType.UnitReportReturned)) return [ResolutionKey.reportReview(event.payload.reportId)];
  if (isReportingEvent(event, ReportingEventType.ConsolidatedReportApproved) || isReportingEvent(event, ReportingEventType.ConsolidatedReportReturned))
    return [ResolutionKey.consolidatedDecision(event.payload.reportId)];
  return [];
}

/** The unit codes whose notifications an event of the notification context itself changes (read marks). */
export function readMarksOf(event: RecordedEvent): string[] {
  if (event.type === NotificationEventType.Read || event.type === NotificationEventType.AllRead) {
    const unit = (event.payload as { unitCode?: unknown }).unitCode;
    return typeof unit === 'string' && unit ? [unit] : [];
  }
  return [];
}

/** yyyy-MM-dd → dd/MM/yyyy (as every date the user reads). */
function vnDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso ?? '');
}
