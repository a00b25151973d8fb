import { type DomainEvent, domainEvent } from '@dieu-hanh/api/shared/kernel';
import type { ConsolidatedReportStatus, ExportFormat, ExportSubject, PeriodKind, UnitReportStatus } from '@dieu-hanh/shared/contracts';

/**
 * Reporting's published events. Periods are their own stream (`aggregateType: 'report-period'`), each unit
 * report and consolidated report its own (`'unit-report'`, `'consolidated-report'`). Notifications read
 * these through `isReportingEvent`; payloads only grow.
 */
export const ReportingEventType = {
  PeriodOpened: 'reporting.period-opened',
  PeriodClosed: 'reporting.period-closed',
  ReportsUrged: 'reporting.reports-urged',
  PeriodClosingSoon: 'reporting.period-closing-soon',
  UnitReportStarted: 'reporting.unit-report-started',
  UnitReportRevised: 'reporting.unit-report-revised',
  UnitReportSubmitted: 'reporting.unit-report-submitted',
  UnitReportApproved: 'reporting.unit-report-approved',
  UnitReportAccepted: 'reporting.unit-report-accepted',
  UnitReportReturned: 'reporting.unit-report-returned',
  UnitReportReopened: 'reporting.unit-report-reopened',
  IndicatorValuesImported: 'reporting.indicator-values-imported',
  ConsolidatedReportComposed: 'reporting.consolidated-report-composed',
  ConsolidatedReportRevised: 'reporting.consolidated-report-revised',
  ConsolidatedReportSubmitted: 'reporting.consolidated-report-submitted',
  ConsolidatedReportApproved: 'reporting.consolidated-report-approved',
  ConsolidatedReportReturned: 'reporting.consolidated-report-returned',
  ConsolidatedReportReopened: 'reporting.consolidated-report-reopened',
  ExportRequested: 'reporting.export-requested',
} as const;
export type ReportingEventTypeName = (typeof ReportingEventType)[keyof typeof ReportingEventType];

/** What every reporting event says: the plan and period it belongs to (titles for messages). */
export interface PeriodFacts {
  planId: string;
  planTitle: string;
  periodId: string;
  periodLabel: string;
  focalUnitCode: string;
}

export interface PeriodOpenedPayload extends PeriodFacts {
  kind: PeriodKind;
  startDate: string;
  endDate: string;
  dueDate: string;
  requiresUnitApproval: boolean;
  /** The units expected to report, at opening. */
  expectedUnitCodes: string[];
}
export interface PeriodClosedPayload extends PeriodFacts {
  submitted: number;
  expected: number;
}
export interface ReportsUrgedPayload extends PeriodFacts {
  unitCodes: string[];
  message: string | null;
  dueDate: string;
}
export interface PeriodClosingSoonPayload extends PeriodFacts {
  unitCodes: string[];
  dueDate: string;
  daysLeft: number;
}

/** A unit report's facts. `figures` lists the indicator values as they stand after the event. */
export interface UnitReportFacts extends PeriodFacts {
  reportId: string;
  unitCode: string;
  revision: number;
  status: UnitReportStatus;
}
export interface IndicatorFigure {
  indicatorId: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rank: number | null;
}
export type UnitReportStartedPayload = UnitReportFacts;
export interface UnitReportRevisedPayload extends UnitReportFacts {
  /** Which parts changed. */
  changed: ('sections' | 'task-notes' | 'indicators')[];
  figures: IndicatorFigure[];
  /** Given when a report already submitted is changed (its figures change only with a reason). */
  reason: string | null;
}
export interface UnitReportSubmittedPayload extends UnitReportFacts {
  onTime: boolean;
  figures: IndicatorFigure[];
  /** Given for a second submission in the same revision. */
  reason: string | null;
}
export interface UnitReportDecisionPayload extends UnitReportFacts {
  reason: string | null;
}
export interface IndicatorValuesImportedPayload extends PeriodFacts {
  fileName: string;
  applied: { reportId: string; unitCode: string; indicatorId: string }[];
}

export interface ConsolidatedReportFacts extends PeriodFacts {
  reportId: string;
  revision: number;
  status: ConsolidatedReportStatus;
  /** The plan's issuing body: its leaders approve the consolidated report. */
  issuerUnitCode: string;
}
export interface ConsolidatedReportRevisedPayload extends ConsolidatedReportFacts {
  changed: string[];
}
export interface ConsolidatedReportDecisionPayload extends ConsolidatedReportFacts {
  reason: string | null;
}

/** Who asked for which document or list, in which format (the audit trail of what left the system). */
export interface ExportRequestedPayload {
  exportId: string;
  subject: ExportSubject;
  subjectId: string;
  format: ExportFormat;
}

export interface ReportingEventPayloads {
  [ReportingEventType.PeriodOpened]: PeriodOpenedPayload;
  [ReportingEventType.PeriodClosed]: PeriodClosedPayload;
  [ReportingEventType.ReportsUrged]: ReportsUrgedPayload;
  [ReportingEventType.PeriodClosingSoon]: PeriodClosingSoonPayload;
  [ReportingEventType.UnitReportStarted]: UnitReportStartedPayload;
  [ReportingEventType.UnitReportRevised]: UnitReportRevisedPayload;
  [ReportingEventType.UnitReportSubmitted]: UnitReportSubmittedPayload;
  [ReportingEventType.UnitReportApproved]: UnitReportDecisionPayload;
  [ReportingEventType.UnitReportAccepted]: UnitReportDecisionPayload;
  [ReportingEventType.UnitReportReturned]: UnitReportDecisionPayload;
  [ReportingEventType.UnitReportReopened]: UnitReportDecisionPayload;
  [ReportingEventType.IndicatorValuesImported]: IndicatorValuesImportedPayload;
  [ReportingEventType.ConsolidatedReportComposed]: ConsolidatedReportFacts;
  [ReportingEventType.ConsolidatedReportRevised]: ConsolidatedReportRevisedPayload;
  [ReportingEventType.ConsolidatedReportSubmitted]: ConsolidatedReportFacts;
  [ReportingEventType.ConsolidatedReportApproved]: ConsolidatedReportDecisionPayload;
  [ReportingEventType.ConsolidatedReportReturned]: ConsolidatedReportDecisionPayload;
  [ReportingEventType.ConsolidatedReportReopened]: ConsolidatedReportDecisionPayload;
  [ReportingEventType.ExportRequested]: ExportRequestedPayload;
}

const AGGREGATE: Record<ReportingEventTypeName, 'report-period' | 'unit-report' | 'consolidated-report' | 'export'> = {
  [ReportingEventType.PeriodOpened]: 'report-period',
  [ReportingEventType.PeriodClosed]: 'report-period',
  [ReportingEventType.ReportsUrged]: 'report-period',
  [ReportingEventType.PeriodClosingSoon]: 'report-period',
  [ReportingEventType.IndicatorValuesImported]: 'report-period',
  [ReportingEventType.UnitReportStarted]: 'unit-report',
  [ReportingEventType.UnitReportRevised]: 'unit-report',
  [ReportingEventType.UnitReportSubmitted]: 'unit-report',
  [ReportingEventType.UnitReportApproved]: 'unit-report',
  [ReportingEventType.UnitReportAccepted]: 'unit-report',
  [ReportingEventType.UnitReportReturned]: 'unit-report',
  [ReportingEventType.UnitReportReopened]: 'unit-report',
  [ReportingEventType.ConsolidatedReportComposed]: 'consolidated-report',
  [ReportingEventType.ConsolidatedReportRevised]: 'consolidated-report',
  [ReportingEventType.ConsolidatedReportSubmitted]: 'consolidated-report',
  [ReportingEventType.ConsolidatedReportApproved]: 'consolidated-report',
  [ReportingEventType.ConsolidatedReportReturned]: 'consolidated-report',
  [ReportingEventType.ConsolidatedReportReopened]: 'consolidated-report',
  [ReportingEventType.ExportRequested]: 'export',
};

/** Builds a reporting event on its stream: the period's id for period events, else the report's. */
export function reportingEvent<T extends ReportingEventTypeName>(type: T, aggregateId: string, payload: ReportingEventPayloads[T]): DomainEvent<ReportingEventPayloads[T]> {
  return domainEvent(type, AGGREGATE[type], aggregateId, payload);
}

/** Narrows a stored event to one reporting event type, with its typed payload. */
export function isReportingEvent<T extends ReportingEventTypeName>(event: DomainEvent, type: T): event is DomainEvent<ReportingEventPayloads[T]> & { type: T } {
  return event.type === type;
}

export const REPORTING_EVENT_TYPES: readonly ReportingEventTypeName[] = Object.values(ReportingEventType);
