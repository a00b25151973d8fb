import { AggregateRoot } from '@dieu-hanh/api/shared/kernel';
import { type PeriodFacts, ReportingEventType, reportingEvent } from '@dieu-hanh/api/reporting/contracts';
import type { ConsolidatedReportStatus, ReportSectionsDto } from '@dieu-hanh/shared/contracts';
import { definedOnly } from './defined-only';
import { reasonRequired, reportTransitionRefused, reportVersionConflict } from './reporting.errors';

/** The document's own fields (Decree 30 layout): number and symbol, place, date, recipients, signer. */
export interface ConsolidatedDocumentFields {
  documentNumber: string | null;
  place: string;
  documentDate: string | null;
  recipients: string[];
  signerTitle: string | null;
  signerName: string | null;
}

export interface ConsolidatedReportProps {
  id: string;
  periodId: string;
  planId: string;
  provinceCode: string;
  focalUnitCode: string;
  revision: number;
  version: number;
  status: ConsolidatedReportStatus;
  sections: ReportSectionsDto;
  document: ConsolidatedDocumentFields;
  /** The composed figures as submitted (tables, indicators, completeness): what the leader approved. Null while a draft. */
  composition: unknown | null;
  returnReason: string | null;
  revisionReason: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  updatedAt: Date;
  updatedBy: string;
}

export interface ConsolidationContext extends PeriodFacts {
  issuerUnitCode: string;
}

/**
 * The focal unit's consolidated report for a period (báo cáo tổng hợp), composed from the unit reports and
 * the read models, edited, sent to the leader who approves or returns it. Approved, it is immutable;
 * reopening (with a reason) makes the next revision and the approved one is kept as it was.
 */
export class ConsolidatedReport extends AggregateRoot {
  private constructor(private props: ConsolidatedReportProps, private readonly ctx: ConsolidationContext) {
    super();
  }

  static compose(p: { id: string; provinceCode: string; sections: ReportSectionsDto; document: ConsolidatedDocumentFields }, ctx: ConsolidationContext, by: string, now: Date): ConsolidatedReport {
    const r = new ConsolidatedReport(
      {
        id: p.id,
        periodId: ctx.periodId,
        planId: ctx.planId,
        provinceCode: p.provinceCode,
        focalUnitCode: ctx.focalUnitCode,
        revision: 1,
        version: 1,
        status: 'draft',
        sections: p.sections,
        document: p.document,
        composition: null,
        returnReason: null,
        revisionReason: null,
        submittedAt: null,
        approvedAt: null,
        updatedAt: now,
        updatedBy: by,
      },
      ctx,
    );
    r.record(reportingEvent(ReportingEventType.ConsolidatedReportComposed, p.id, r.facts()));
    return r;
  }

  static restore(props: ConsolidatedReportProps, ctx: ConsolidationContext): ConsolidatedReport {
    return new ConsolidatedReport(structuredClone(props), ctx);
  }

  snapshot(): ConsolidatedReportProps {
    return structuredClone(this.props);
  }

  get status(): ConsolidatedReportStatus {
    return this.props.status;
  }

  private facts() {
    const { periodId, planId, planTitle, periodLabel, focalUnitCode, issuerUnitCode } = this.ctx;
    return { periodId, planId, planTitle, periodLabel, focalUnitCode, issuerUnitCode, reportId: this.props.id, revision: this.props.revision, status: this.props.status };
  }

  private step(version: number, by: string, now: Date): void {
    if (version !== this.props.version) throw reportVersionConflict(this.props.version);
    this.props.version += 1;
    this.props.updatedAt = now;
    this.props.updatedBy = by;
  }

  revise(change: { version: number; sections?: Partial<ReportSectionsDto>; document?: Partial<ConsolidatedDocumentFields> }, by: string, now: Date): void {
    const p = this.props;
    if (p.status !== 'draft' && p.status !== 'returned')
      throw reportTransitionRefused('Chỉ sửa được báo cáo tổng hợp đang soạn hoặc bị trả lại.', 'Only a draft or returned consolidated report can be edited.', p.status);
    this.step(change.version, by, now);
    const changed: string[] = [];
    if (change.sections) {
      p.sections = { ...p.sections, ...definedOnly(change.sections) };
      changed.push('sections');
    }
    if (change.document) {
      p.document = { ...p.document, ...definedOnly(change.document) };
      changed.push('document');
    }
    this.record(reportingEvent(ReportingEventType.ConsolidatedReportRevised, p.id, { ...this.facts(), changed }));
  }

  /** Sends it to the leader with the figures as composed now: the leader approves exactly these. */
  submit(version: number, composition: unknown, by: string, now: Date): void {
    const p = this.props;
    if (p.status !== 'draft' && p.status !== 'returned')
      throw reportTransitionRefused('Chỉ trình được báo cáo tổng hợp đang soạn hoặc bị trả lại.', 'Only a draft or returned consolidated report can be submitted.', p.status);
    this.step(version, by, now);
    p.status = 'submitted';
    p.composition = composition;
    p.submittedAt = now;
    p.returnReason = null;
    this.record(reportingEvent(ReportingEventType.ConsolidatedReportSubmitted, p.id, this.facts()));
  }

  approve(version: number, by: string, now: Date): void {
    const p = this.props;
    if (p.status !== 'submitted') throw reportTransitionRefused('Chỉ phê duyệt được báo cáo tổng hợp đã trình.', 'Only a submitted consolidated report can be approved.', p.status);
    this.step(version, by, now);
    p.status = 'approved';
    p.approvedAt = now;
    this.record(reportingEvent(ReportingEventType.ConsolidatedReportApproved, p.id, { ...this.facts(), reason: null }));
  }

  returnWith(version: number, reason: string | null | undefined, by: string, now: Date): void {
    const p = this.props;
    const why = reason?.trim();
    if (!why) throw reasonRequired('Nêu lý do trả lại báo cáo tổng hợp.', 'Give the reason for returning the consolidated report.');
    if (p.status !== 'submitted') throw reportTransitionRefused('Chỉ trả lại được báo cáo tổng hợp đã trình.', 'Only a submitted consolidated report can be returned.', p.status);
    this.step(version, by, now);
    p.status = 'returned';
    p.returnReason = why;
    p.composition = null;
    this.record(reportingEvent(ReportingEventType.ConsolidatedReportReturned, p.id, { ...this.facts(), reason: why }));
  }

  /** Reopens an approved report as the next revision; returns the approved one for the archive. */
  reopen(version: number, reason: string | null | undefined, by: string, now: Date): ConsolidatedReportProps {
    const p = this.props;
    const why = reason?.trim();
    if (!why) throw reasonRequired('Nêu lý do mở lại báo cáo tổng hợp.', 'Give the reason for reopening the consolidated report.');
    if (p.status !== 'approved') throw reportTransitionRefused('Chỉ mở lại được báo cáo tổng hợp đã phê duyệt.', 'Only an approved consolidated report can be reopened.', p.status);
    const archived = structuredClone(p);
    this.step(version, by, now);
    p.revision += 1;
    p.status = 'draft';
    p.revisionReason = why;
    p.composition = null;
    p.approvedAt = null;
    p.submittedAt = null;
    this.record(reportingEvent(ReportingEventType.ConsolidatedReportReopened, p.id, { ...this.facts(), reason: why }));
    return archived;
  }
}
