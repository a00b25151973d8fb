import { AggregateRoot, vietnamDate } from '@dieu-hanh/api/shared/kernel';
import { type PeriodFacts, type IndicatorFigure, ReportingEventType, reportingEvent } from '@dieu-hanh/api/reporting/contracts';
import type { ReportSectionsDto, ReportTaskEntryDto, UnitReportStatus } from '@dieu-hanh/shared/contracts';
import { definedOnly } from './defined-only';
import { reasonRequired, reportTransitionRefused, reportVersionConflict } from './reporting.errors';

/** One indicator value as the unit states it (already validated for its kind). */
export interface IndicatorValueProps extends IndicatorFigure {
  evidence: string | null;
}

export interface UnitReportProps {
  id: string;
  periodId: string;
  planId: string;
  provinceCode: string;
  unitCode: string;
  revision: number;
  version: number;
  status: UnitReportStatus;
  sections: ReportSectionsDto;
  /** The unit's own words per assignment id. */
  taskNotes: Record<string, string>;
  /** The task entries as submitted; null while never submitted in this revision (a draft reads the live work). */
  snapshot: ReportTaskEntryDto[] | null;
  values: IndicatorValueProps[];
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  onTime: boolean | null;
  returnReason: string | null;
  revisionReason: string | null;
  acceptedAt: Date | null;
  updatedAt: Date;
  updatedBy: string;
}

/** What the report needs to know of its period. */
export interface PeriodContext extends PeriodFacts {
  status: 'open' | 'closed';
  dueDate: string;
  requiresUnitApproval: boolean;
}

export const EMPTY_SECTIONS: ReportSectionsDto = { results: '', difficulties: '', proposals: '' };

const EDITABLE: readonly UnitReportStatus[] = ['draft', 'returned', 'awaiting-approval', 'submitted'];

/**
 * A unit's report for one period (báo cáo của đơn vị). One approval chain carries the narrative, the task
 * statuses and the indicator values together: a transition moves them all, so nothing is half-approved.
 *
 * draft ─submit─► awaiting-approval (when the period asks the unit's leader to approve) ─approve─► submitted
 * draft ─submit─► submitted ─accept─► accepted (immutable) ─reopen(reason)─► draft, revision + 1
 * awaiting-approval | submitted ─return(reason)─► returned ─submit─► …
 * A submitted report changes only with a reason while the period is open, and the change is a new submission.
 */
export class UnitReport extends AggregateRoot {
  private constructor(private props: UnitReportProps, private readonly period: PeriodContext) {
    super();
  }

  static start(p: { id: string; provinceCode: string; unitCode: string; values: IndicatorValueProps[] }, period: PeriodContext, by: string, now: Date): UnitReport {
    if (period.status !== 'open') throw closedPeriod();
    const r = new UnitReport(
      {
        id: p.id,
        periodId: period.periodId,
        planId: period.planId,
        provinceCode: p.provinceCode,
        unitCode: p.unitCode,
        revision: 1,
        version: 1,
        status: 'draft',
        sections: { ...EMPTY_SECTIONS },
        taskNotes: {},
        snapshot: null,
        values: p.values,
        firstSubmittedAt: null,
        submittedAt: null,
        onTime: null,
        returnReason: null,
        revisionReason: null,
        acceptedAt: null,
        updatedAt: now,
        updatedBy: by,
      },
      period,
    );
    r.record(reportingEvent(ReportingEventType.UnitReportStarted, p.id, r.facts()));
    return r;
  }

  static restore(props: UnitReportProps, period: PeriodContext): UnitReport {
    return new UnitReport(structuredClone(props), period);
  }

  snapshot(): UnitReportProps {
    return structuredClone(this.props);
  }

  private facts() {
    const { periodId, planId, planTitle, periodLabel, focalUnitCode } = this.period;
    return { periodId, planId, planTitle, periodLabel, focalUnitCode, reportId: this.props.id, unitCode: this.props.unitCode, revision: this.props.revision, status: this.props.status };
  }

  private figures(): IndicatorFigure[] {
    return this.props.values.map(({ indicatorId, numerator, denominator, value, rank }) => ({ indicatorId, numerator, denominator, value, rank }));
  }

  private checkVersion(version: number): void {
    if (version !== this.props.version) throw reportVersionConflict(this.props.version);
  }

  private touch(by: string, now: Date): void {
    this.props.version += 1;
    this.props.updatedAt = now;
    this.props.updatedBy = by;
  }

  /**
   * Edits the narrative, the unit's notes per task or its indicator values. On a report already submitted
   * (or waiting for its leader) a reason is required and the change is submitted again at once: figures
   * that reached the focal unit never change silently.
   */
  revise(
    change: { version: number; sections?: Partial<ReportSectionsDto>; taskNotes?: Record<string, string | null>; values?: IndicatorValueProps[]; reason?: string | null },
    entries: ReportTaskEntryDto[],
    by: string,
    now: Date,
  ): void {
    this.checkVersion(change.version);
    const p = this.props;
    if (!EDITABLE.includes(p.status))
      throw reportTransitionRefused('Báo cáo đã được tiếp nhận nên không sửa được; cần mở lại báo cáo (có lý do).', 'An accepted report cannot change; it must be reopened (with a reason).', p.status);
    if (!this.writable()) throw closedPeriod(p.status);
    const resubmits = p.status === 'submitted' || p.status === 'awaiting-approval';
    const reason = change.reason?.trim() || null;
    if (resubmits && !reason)
      throw reasonRequired('Báo cáo đã gửi: nêu lý do sửa đổi số liệu, nội dung.', 'The report was already submitted: give the reason for the change.');
    const changed: ('sections' | 'task-notes' | 'indicators')[] = [];
    if (change.sections) {
      p.sections = { ...p.sections, ...definedOnly(change.sections) };
      changed.push('sections');
    }
    if (change.taskNotes) {
      for (const [id, note] of Object.entries(change.taskNotes)) {
        if (note === null || note === '') delete p.taskNotes[id];
        else p.taskNotes[id] = note;
      }
      changed.push('task-notes');
    }
    if (change.values) {
      const byId = new Map(p.values.map((v) => [v.indicatorId, v]));
      for (const v of change.values) byId.set(v.indicatorId, v);
      p.values = [...byId.values()];
      changed.push('indicators');
    }
    this.touch(by, now);
    this.record(reportingEvent(ReportingEventType.UnitReportRevised, p.id, { ...this.facts(), changed, figures: this.figures(), reason }));
    if (resubmits) {
      p.snapshot = entries;
      this.arrive(now, reason);
    }
  }

  /** Open period, or a report reopened (with a reason) after the period closed: the only way figures change then. */
  private writable(): boolean {
    return this.period.status === 'open' || this.props.revision > 1;
  }

  /** Sends the report on: to the unit's leader when the period asks for it, else to the focal unit. */
  submit(version: number, snapshot: ReportTaskEntryDto[], by: string, now: Date): void {
    this.checkVersion(version);
    const p = this.props;
    if (p.status !== 'draft' && p.status !== 'returned')
      throw reportTransitionRefused('Chỉ gửi được báo cáo đang soạn hoặc bị trả lại.', 'Only a draft or returned report can be submitted.', p.status);
    if (!this.writable()) throw closedPeriod(p.status);
    p.snapshot = snapshot;
    p.returnReason = null;
    this.touch(by, now);
    this.arrive(now, null);
  }

  /** The report reaches the next step; the first time it reaches the focal unit decides "on time". */
  private arrive(now: Date, reason: string | null): void {
    const p = this.props;
    if (this.period.requiresUnitApproval) {
      p.status = 'awaiting-approval';
      this.record(reportingEvent(ReportingEventType.UnitReportSubmitted, p.id, { ...this.facts(), onTime: this.onTimeAt(now), figures: this.figures(), reason }));
      return;
    }
    this.reachFocal(now);
    this.record(reportingEvent(ReportingEventType.UnitReportSubmitted, p.id, { ...this.facts(), onTime: p.onTime ?? this.onTimeAt(now), figures: this.figures(), reason }));
  }

  private reachFocal(now: Date): void {
    const p = this.props;
    p.status = 'submitted';
    p.submittedAt = now;
    if (!p.firstSubmittedAt) {
      p.firstSubmittedAt = now;
      p.onTime = this.onTimeAt(now);
    }
  }

  private onTimeAt(now: Date): boolean {
    return vietnamDate(now) <= this.period.dueDate;
  }

  /** The unit's leader (commune leader, department head) approves: the report goes to the focal unit. */
  approve(version: number, by: string, now: Date): void {
    this.checkVersion(version);
    const p = this.props;
    if (p.status !== 'awaiting-approval') throw reportTransitionRefused('Báo cáo không ở trạng thái chờ lãnh đạo đơn vị duyệt.', 'The report is not waiting for the unit leader’s approval.', p.status);
    this.reachFocal(now);
    this.touch(by, now);
    this.record(reportingEvent(ReportingEventType.UnitReportApproved, p.id, { ...this.facts(), reason: null }));
  }

  /** The focal unit accepts the report: narrative, statuses and figures together; from now on immutable. */
  accept(version: number, by: string, now: Date): void {
    this.checkVersion(version);
    const p = this.props;
    if (p.status !== 'submitted') throw reportTransitionRefused('Chỉ tiếp nhận được báo cáo đã gửi.', 'Only a submitted report can be accepted.', p.status);
    p.status = 'accepted';
    p.acceptedAt = now;
    this.touch(by, now);
    this.record(reportingEvent(ReportingEventType.UnitReportAccepted, p.id, { ...this.facts(), reason: null }));
  }

  /** Returned with a reason, by the focal unit (submitted) or the unit's leader (awaiting approval): all of it goes back. */
  returnWith(version: number, reason: string | null | undefined, by: string, now: Date): void {
    this.checkVersion(version);
    const p = this.props;
    const why = reason?.trim();
    if (!why) throw reasonRequired('Nêu lý do trả lại báo cáo.', 'Give the reason for returning the report.');
    if (p.status !== 'submitted' && p.status !== 'awaiting-approval')
      throw reportTransitionRefused('Chỉ trả lại được báo cáo đã gửi hoặc đang chờ duyệt.', 'Only a submitted report or one waiting for approval can be returned.', p.status);
    p.status = 'returned';
    p.returnReason = why;
    this.touch(by, now);
    this.record(reportingEvent(ReportingEventType.UnitReportReturned, p.id, { ...this.facts(), reason: why }));
  }

  /**
   * Reopens an accepted report as a new revision (the accepted one is archived by the caller, unchanged):
   * the only way its figures change once accepted, or after the period closed.
   */
  reopen(version: number, reason: string | null | undefined, by: string, now: Date): UnitReportProps {
    this.checkVersion(version);
    const p = this.props;
    const why = reason?.trim();
    if (!why) throw reasonRequired('Nêu lý do mở lại báo cáo.', 'Give the reason for reopening the report.');
    if (p.status !== 'accepted') throw reportTransitionRefused('Chỉ mở lại được báo cáo đã tiếp nhận.', 'Only an accepted report can be reopened.', p.status);
    const archived = structuredClone(p);
    p.revision += 1;
    p.status = 'draft';
    p.revisionReason = why;
    p.returnReason = null;
    p.acceptedAt = null;
    p.snapshot = null;
    this.touch(by, now);
    this.record(reportingEvent(ReportingEventType.UnitReportReopened, p.id, { ...this.facts(), reason: why }));
    return archived;
  }

  get status(): UnitReportStatus {
    return this.props.status;
  }
}

function closedPeriod(status?: string) {
  return reportTransitionRefused('Kỳ báo cáo đã đóng; chỉ sửa được bằng cách mở lại báo cáo.', 'The reporting period is closed; the report changes only by reopening it.', status);
}
