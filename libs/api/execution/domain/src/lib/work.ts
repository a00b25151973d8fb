import {
  ExecutionEventType,
  type WorkFacts as WorkEventFacts,
  executionEvent,
} from '@dieu-hanh/api/execution/contracts';
import { AggregateRoot } from '@dieu-hanh/api/shared/kernel';
import type { Verification, WorkStatus } from '@dieu-hanh/shared/contracts';
import { workInvalid, workTransitionRefused, workVersionConflict } from './execution.errors';
import { optionalText, requiredText } from './text';

export const WORK_STATUS_VALUES: readonly WorkStatus[] = ['not-started', 'in-progress', 'done', 'unable'];

/** One assignment's execution state (table `work_state`); no row yet = not started, version 0. */
export interface WorkProps {
  assignmentId: string;
  status: WorkStatus;
  percent: number;
  note: string | null;
  result: string | null;
  verification: Verification;
  returnReason: string | null;
  /** The due date of the last approved extension (yyyy-MM-dd), else null: the task's own date holds. */
  dueOverride: string | null;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface ProgressReport {
  /** The version the update starts from. */
  version: number;
  status: WorkStatus;
  percent: number;
  note?: string | null;
  result?: string | null;
  /** Evidence already checked to belong to the assignment. */
  evidenceIds?: readonly string[];
  /** Who will verify (recorded when the report asks for verification). */
  verifierUnitCodes: readonly string[];
}

const STATUS_VI: Record<WorkStatus, string> = {
  'not-started': 'chưa thực hiện',
  'in-progress': 'đang thực hiện',
  done: 'hoàn thành',
  unable: 'không thực hiện được',
};

/** Whether the report asks the verifier to act: done or unable. */
export const asksVerification = (status: WorkStatus) => status === 'done' || status === 'unable';

/**
 * The work on one assignment (an aggregate of execution): the assignee reports progress; the verifier
 * verifies or returns a report of completion. Every change bumps the version (optimistic concurrency)
 * and records one of execution's published events on the assignment's stream. Rules:
 * - status is one of four; percent an integer 0–100; done ⇒ 100, not started ⇒ 0;
 * - done or unable asks for verification ('pending'); other statuses ask nothing ('none');
 * - verified work is closed: no more reports; only pending work is verified or returned;
 * - returning needs a reason; the status stays as reported until the assignee reports again.
 */
export class Work extends AggregateRoot {
  private constructor(private props: WorkProps, private readonly facts: WorkEventFacts) {
    super();
  }

  /** The work of an assignment no one has reported on yet. */
  static notStarted(assignmentId: string, facts: WorkEventFacts): Work {
    return new Work(
      { assignmentId, status: 'not-started', percent: 0, note: null, result: null, verification: 'none', returnReason: null, dueOverride: null, version: 0, updatedAt: null, updatedBy: null },
      facts,
    );
  }

  static restore(props: WorkProps, facts: WorkEventFacts): Work {
    return new Work({ ...props }, facts);
  }

  get id(): string {
    return this.props.assignmentId;
  }
  get version(): number {
    return this.props.version;
  }
  snapshot(): Readonly<WorkProps> {
    return { ...this.props };
  }

  /** The due date in force: the approved extension's, else the task's. */
  effectiveDue(taskDue: string | null): string | null {
    return this.props.dueOverride ?? taskDue;
  }

  assertVersion(version: number): void {
    if (version !== this.props.version) throw workVersionConflict(this.props.version);
  }

  reportProgress(report: ProgressReport, by: string, at: Date): void {
    this.assertVersion(report.version);
    if (this.props.verification === 'verified') {
      throw workTransitionRefused(
        'Kết quả thực hiện đã được xác nhận; không cập nhật thêm được.',
        'The work was verified; it cannot be updated any more.',
        'verified',
      );
    }
    if (!WORK_STATUS_VALUES.includes(report.status)) {
      throw workInvalid('body.status', 'Trạng thái không hợp lệ.', 'Unknown status.');
    }
    const { percent, status } = report;
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
      throw workInvalid('body.percent', 'Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.', 'Percent must be a whole number from 0 to 100.');
    }
    if (status === 'done' && percent !== 100) {
      throw workInvalid('body.percent', 'Nhiệm vụ hoàn thành phải đạt 100%.', 'Done work is 100 percent.');
    }
    if (status === 'not-started' && percent !== 0) {
      throw workInvalid('body.percent', 'Nhiệm vụ chưa thực hiện có tỷ lệ 0%.', 'Work not started is 0 percent.');
    }
    const note = optionalText(report.note, 'body.note', { vi: 'Ghi chú', en: 'The note' });
    const result = optionalText(report.result, 'body.result', { vi: 'Kết quả, sản phẩm', en: 'The result' });
    const previousStatus = this.props.status;
    const pending = asksVerification(status);
    this.props = {
      ...this.props,
      status,
      percent,
      note,
      result,
      verification: pending ? 'pending' : 'none',
      // A new report of completion replaces the one returned; the reason stays in the history.
      returnReason: pending ? null : this.props.returnReason,
      version: this.props.version + 1,
      updatedAt: at,
      updatedBy: by,
    };
    this.record(
      executionEvent(ExecutionEventType.ProgressReported, this.id, {
        ...this.facts,
        status,
        percent,
        previousStatus,
        note,
        result,
        evidenceIds: [...(report.evidenceIds ?? [])],
        version: this.props.version,
        verifierUnitCodes: pending ? [...report.verifierUnitCodes] : [],
      }),
    );
  }

  private assertPending(action: 'verify' | 'return'): void {
    if (this.props.verification !== 'pending') {
      throw workTransitionRefused(
        `Chỉ ${action === 'verify' ? 'xác nhận' : 'trả lại'} được kết quả đang chờ thẩm định (hiện: ${VERIFICATION_VI[this.props.verification]}; trạng thái ${STATUS_VI[this.props.status]}).`,
        `Only work waiting for verification can be ${action === 'verify' ? 'verified' : 'returned'} (it is ${this.props.verification}).`,
        this.props.verification,
      );
    }
  }

  verify(input: { version: number; note?: string | null; verifierUnitCode: string }, by: string, at: Date): void {
    this.assertVersion(input.version);
    this.assertPending('verify');
    const note = optionalText(input.note, 'body.note', { vi: 'Ý kiến', en: 'The note' });
    this.props = { ...this.props, verification: 'verified', returnReason: null, version: this.props.version + 1, updatedAt: at, updatedBy: by };
    this.record(
      executionEvent(ExecutionEventType.WorkVerified, this.id, { ...this.facts, verifierUnitCode: input.verifierUnitCode, note, version: this.props.version }),
    );
  }

  returnWork(input: { version: number; reason: string | null | undefined; verifierUnitCode: string }, by: string, at: Date): void {
    this.assertVersion(input.version);
    const reason = requiredText(input.reason, 'body.reason', { vi: 'Lý do trả lại', en: 'The reason for returning' });
    this.assertPending('return');
    this.props = { ...this.props, verification: 'returned', returnReason: reason, version: this.props.version + 1, updatedAt: at, updatedBy: by };
    this.record(
      executionEvent(ExecutionEventType.WorkReturned, this.id, { ...this.facts, verifierUnitCode: input.verifierUnitCode, reason, version: this.props.version }),
    );
  }

  /** An approved extension moves the due date in force (not the version: the assignee's report is untouched). */
  extendDue(due: string): void {
    this.props = { ...this.props, dueOverride: due };
  }
}

const VERIFICATION_VI: Record<Verification, string> = {
  none: 'chưa báo cáo hoàn thành',
  pending: 'chờ thẩm định',
  verified: 'đã xác nhận',
  returned: 'đã trả lại',
};
