import { AggregateRoot } from '@dieu-hanh/api/shared/kernel';
import { ReportingEventType, reportingEvent } from '@dieu-hanh/api/reporting/contracts';
import type { PeriodKind, PeriodStatus } from '@dieu-hanh/shared/contracts';
import { reasonRequired, reportTransitionRefused, reportingInvalid } from './reporting.errors';

export interface ReportingPeriodProps {
  id: string;
  planId: string;
  planTitle: string;
  provinceCode: string;
  kind: PeriodKind;
  /** "2025-Q4" for a regular period (one per plan), "adhoc-<id>" for an ad hoc one. */
  periodKey: string;
  label: string;
  startDate: string;
  endDate: string;
  dueDate: string;
  status: PeriodStatus;
  requiresUnitApproval: boolean;
  focalUnitCode: string;
  openedAt: Date;
  openedBy: string;
  closedAt: Date | null;
}

/**
 * A reporting period of a plan (kỳ báo cáo): regular ones come from the plan's reporting duties, ad hoc ones
 * (đột xuất) are opened by the focal unit with their own due date. Units are told when it opens, reminded
 * before it is due, urged when late; once closed, a report changes only by reopening it.
 */
export class ReportingPeriod extends AggregateRoot {
  private constructor(private props: ReportingPeriodProps) {
    super();
  }

  static open(props: Omit<ReportingPeriodProps, 'status' | 'closedAt'>, expectedUnitCodes: string[]): ReportingPeriod {
    if (props.startDate > props.endDate) throw reportingInvalid('body.endDate', 'Ngày kết thúc kỳ phải sau ngày bắt đầu.', 'The period must end after it starts.');
    if (props.dueDate < props.startDate) throw reportingInvalid('body.dueDate', 'Hạn nộp báo cáo không được trước ngày bắt đầu kỳ.', 'The due date cannot come before the period starts.');
    const p = new ReportingPeriod({ ...props, status: 'open', closedAt: null });
    p.record(
      reportingEvent(ReportingEventType.PeriodOpened, props.id, {
        ...p.facts(),
        kind: props.kind,
        startDate: props.startDate,
        endDate: props.endDate,
        dueDate: props.dueDate,
        requiresUnitApproval: props.requiresUnitApproval,
        expectedUnitCodes,
      }),
    );
    return p;
  }

  static restore(props: ReportingPeriodProps): ReportingPeriod {
    return new ReportingPeriod({ ...props });
  }

  snapshot(): ReportingPeriodProps {
    return { ...this.props };
  }

  facts() {
    const p = this.props;
    return { planId: p.planId, planTitle: p.planTitle, periodId: p.id, periodLabel: p.label, focalUnitCode: p.focalUnitCode };
  }

  close(counts: { submitted: number; expected: number }, now: Date): void {
    if (this.props.status !== 'open') throw reportTransitionRefused('Kỳ báo cáo đã đóng.', 'The reporting period is already closed.', this.props.status);
    this.props.status = 'closed';
    this.props.closedAt = now;
    this.record(reportingEvent(ReportingEventType.PeriodClosed, this.props.id, { ...this.facts(), ...counts }));
  }

  /** Urges the units that have not reported (one event, every unit named: each gets its notification). */
  urge(unitCodes: string[], message: string | null): void {
    if (this.props.status !== 'open') throw reportTransitionRefused('Kỳ báo cáo đã đóng; không đôn đốc được nữa.', 'The reporting period is closed; it can no longer be urged.', this.props.status);
    if (message !== null && !message.trim()) throw reasonRequired('Lời nhắc không được để trống.', 'The message cannot be blank.');
    this.record(reportingEvent(ReportingEventType.ReportsUrged, this.props.id, { ...this.facts(), unitCodes, message, dueDate: this.props.dueDate }));
  }

  /** A reminder before the due date to the units still missing (the scheduled job decides when). */
  remindClosingSoon(unitCodes: string[], daysLeft: number): void {
    this.record(reportingEvent(ReportingEventType.PeriodClosingSoon, this.props.id, { ...this.facts(), unitCodes, dueDate: this.props.dueDate, daysLeft }));
  }
}
