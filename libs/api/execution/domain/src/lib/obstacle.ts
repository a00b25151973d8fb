import { ExecutionEventType, type WorkFacts as WorkEventFacts, executionEvent } from '@dieu-hanh/api/execution/contracts';
import { AggregateRoot } from '@dieu-hanh/api/shared/kernel';
import { obstacleTransitionRefused } from './execution.errors';
import { optionalText, requiredText } from './text';

export type ObstacleStatus = 'open' | 'answered' | 'escalated' | 'directed';

/** One obstacle (khó khăn, vướng mắc) raised on an assignment (table `obstacle`). */
export interface ObstacleProps {
  id: string;
  assignmentId: string;
  description: string;
  proposal: string | null;
  status: ObstacleStatus;
  raisedAt: Date;
  raisedBy: string;
  raisedUnitCode: string;
  /** The unit it went to: the focal unit, or the issuing committee. */
  handlerUnitCode: string;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  escalatedAt: Date | null;
  escalatedBy: string | null;
  escalationNote: string | null;
  directive: string | null;
  directedAt: Date | null;
  directedBy: string | null;
}

/**
 * An obstacle is its own small aggregate: raised by the assignee (with a proposal), it goes to the focal
 * unit (else the issuing committee), which answers it or escalates it to the task's directing leader;
 * the leader's directive closes it. open → answered | escalated; escalated → directed.
 */
export class Obstacle extends AggregateRoot {
  private constructor(private props: ObstacleProps, private readonly facts: WorkEventFacts) {
    super();
  }

  static raise(
    input: { id: string; assignmentId: string; description: string | null | undefined; proposal?: string | null; handlerUnitCode: string; raisedUnitCode: string },
    facts: WorkEventFacts,
    by: string,
    at: Date,
  ): Obstacle {
    const description = requiredText(input.description, 'body.description', { vi: 'Nội dung khó khăn, vướng mắc', en: 'The description' });
    const proposal = optionalText(input.proposal, 'body.proposal', { vi: 'Đề xuất, kiến nghị', en: 'The proposal' });
    const o = new Obstacle(
      {
        id: input.id, assignmentId: input.assignmentId, description, proposal, status: 'open', raisedAt: at, raisedBy: by,
        raisedUnitCode: input.raisedUnitCode, handlerUnitCode: input.handlerUnitCode, answer: null, answeredAt: null, answeredBy: null,
        escalatedAt: null, escalatedBy: null, escalationNote: null, directive: null, directedAt: null, directedBy: null,
      },
      facts,
    );
    o.record(executionEvent(ExecutionEventType.ObstacleRaised, input.assignmentId, { ...facts, obstacleId: input.id, description, proposal, handlerUnitCode: input.handlerUnitCode }));
    return o;
  }

  static restore(props: ObstacleProps, facts: WorkEventFacts): Obstacle {
    return new Obstacle({ ...props }, facts);
  }

  get id(): string {
    return this.props.id;
  }
  get assignmentId(): string {
    return this.props.assignmentId;
  }
  get status(): ObstacleStatus {
    return this.props.status;
  }
  snapshot(): Readonly<ObstacleProps> {
    return { ...this.props };
  }

  answer(input: { answer: string | null | undefined; unitCode: string }, by: string, at: Date): void {
    if (this.props.status !== 'open') throw obstacleTransitionRefused(this.props.status, 'answer');
    const answer = requiredText(input.answer, 'body.answer', { vi: 'Nội dung trả lời', en: 'The answer' });
    this.props = { ...this.props, status: 'answered', answer, answeredAt: at, answeredBy: by };
    this.record(executionEvent(ExecutionEventType.ObstacleAnswered, this.assignmentId, { ...this.facts, obstacleId: this.id, answer, answeredByUnitCode: input.unitCode }));
  }

  escalate(input: { note?: string | null; directingLeader: string | null; leaderUnitCode: string }, by: string, at: Date): void {
    if (this.props.status !== 'open') throw obstacleTransitionRefused(this.props.status, 'escalate');
    const note = optionalText(input.note, 'body.note', { vi: 'Ý kiến kèm theo', en: 'The note' });
    this.props = { ...this.props, status: 'escalated', escalatedAt: at, escalatedBy: by, escalationNote: note };
    this.record(
      executionEvent(ExecutionEventType.ObstacleEscalated, this.assignmentId, {
        ...this.facts, obstacleId: this.id, directingLeader: input.directingLeader, leaderUnitCode: input.leaderUnitCode, note,
      }),
    );
  }

  direct(input: { directive: string | null | undefined; concernedUnitCodes: readonly string[] }, by: string, at: Date): void {
    if (this.props.status !== 'escalated') throw obstacleTransitionRefused(this.props.status, 'direct');
    const directive = requiredText(input.directive, 'body.directive', { vi: 'Ý kiến chỉ đạo', en: 'The directive' });
    this.props = { ...this.props, status: 'directed', directive, directedAt: at, directedBy: by };
    this.record(
      executionEvent(ExecutionEventType.DirectiveGiven, this.assignmentId, { ...this.facts, obstacleId: this.id, directive, concernedUnitCodes: [...input.concernedUnitCodes] }),
    );
  }
}
