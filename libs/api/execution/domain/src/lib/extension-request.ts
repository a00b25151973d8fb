import { ExecutionEventType, type WorkFacts as WorkEventFacts, executionEvent } from '@dieu-hanh/api/execution/contracts';
import { AggregateRoot, isIsoDate } from '@dieu-hanh/api/shared/kernel';
import { extensionAlreadyDecided, extensionInvalid } from './execution.errors';
import { optionalText, requiredText } from './text';

export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

/** One request for a later due date (table `extension_request`). */
export interface ExtensionProps {
  id: string;
  assignmentId: string;
  /** The due date in force when asked (yyyy-MM-dd), if any. */
  currentDue: string | null;
  requestedDue: string;
  reason: string;
  status: ExtensionStatus;
  requestedAt: Date;
  requestedBy: string;
  requestedUnitCode: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedUnitCode: string | null;
  decisionNote: string | null;
}

const ddMMyyyy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * An extension request (đề nghị gia hạn): the assignee asks for a new date, later than today and than
 * the date in force, with a reason; the unit that verifies the work approves or rejects it once. The due
 * date changes only on approval (the Work's due override); both dates stay in the events.
 */
export class ExtensionRequest extends AggregateRoot {
  private constructor(private props: ExtensionProps, private readonly facts: WorkEventFacts) {
    super();
  }

  static request(
    input: { id: string; assignmentId: string; currentDue: string | null; requestedDue: string; reason: string | null | undefined; requestedUnitCode: string; deciderUnitCodes: readonly string[] },
    facts: WorkEventFacts,
    today: string,
    by: string,
    at: Date,
  ): ExtensionRequest {
    if (typeof input.requestedDue !== 'string' || !isIsoDate(input.requestedDue)) {
      throw extensionInvalid('body.requestedDue', 'Ngày đề nghị gia hạn không hợp lệ (yyyy-MM-dd).', 'The requested date is not a valid date (yyyy-MM-dd).');
    }
    if (input.requestedDue <= today) {
      throw extensionInvalid('body.requestedDue', `Ngày đề nghị gia hạn phải sau hôm nay (${ddMMyyyy(today)}).`, `The requested date must be after today (${today}).`);
    }
    if (input.currentDue && input.requestedDue <= input.currentDue) {
      throw extensionInvalid(
        'body.requestedDue',
        `Ngày đề nghị gia hạn phải sau thời hạn hiện tại (${ddMMyyyy(input.currentDue)}).`,
        `The requested date must be after the current due date (${input.currentDue}).`,
      );
    }
    const reason = requiredText(input.reason, 'body.reason', { vi: 'Lý do đề nghị gia hạn', en: 'The reason' });
    const e = new ExtensionRequest(
      {
        id: input.id, assignmentId: input.assignmentId, currentDue: input.currentDue, requestedDue: input.requestedDue, reason, status: 'pending',
        requestedAt: at, requestedBy: by, requestedUnitCode: input.requestedUnitCode, decidedAt: null, decidedBy: null, decidedUnitCode: null, decisionNote: null,
      },
      facts,
    );
    e.record(
      executionEvent(ExecutionEventType.ExtensionRequested, input.assignmentId, {
        ...facts, extensionId: input.id, currentDue: input.currentDue, requestedDue: input.requestedDue, reason, deciderUnitCodes: [...input.deciderUnitCodes],
      }),
    );
    return e;
  }

  static restore(props: ExtensionProps, facts: WorkEventFacts): ExtensionRequest {
    return new ExtensionRequest({ ...props }, facts);
  }

  get id(): string {
    return this.props.id;
  }
  get assignmentId(): string {
    return this.props.assignmentId;
  }
  get status(): ExtensionStatus {
    return this.props.status;
  }
  get requestedDue(): string {
    return this.props.requestedDue;
  }
  snapshot(): Readonly<ExtensionProps> {
    return { ...this.props };
  }

  /** Approves or rejects, once. `previousDue` is the date in force now (recorded beside the one asked for). */
  decide(input: { approve: boolean; note?: string | null; previousDue: string | null; unitCode: string }, by: string, at: Date): void {
    if (this.props.status !== 'pending') throw extensionAlreadyDecided(this.props.status);
    if (typeof input.approve !== 'boolean') {
      throw extensionInvalid('body.approve', 'Cần chọn đồng ý hoặc không đồng ý.', 'Approve must be true or false.');
    }
    const note = optionalText(input.note, 'body.note', { vi: 'Ý kiến', en: 'The note' });
    this.props = { ...this.props, status: input.approve ? 'approved' : 'rejected', decidedAt: at, decidedBy: by, decidedUnitCode: input.unitCode, decisionNote: note };
    this.record(
      executionEvent(ExecutionEventType.ExtensionDecided, this.assignmentId, {
        ...this.facts, extensionId: this.id, approved: input.approve, previousDue: input.previousDue, requestedDue: this.props.requestedDue, note, decidedByUnitCode: input.unitCode,
      }),
    );
  }
}
