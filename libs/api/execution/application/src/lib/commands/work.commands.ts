import { Command, Query } from '@nestjs/cqrs';
import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type {
  AnswerObstacleRequest,
  AssignmentWorkDto,
  DirectiveRequest,
  EscalateObstacleRequest,
  ExtensionDecisionRequest,
  ExtensionRequestRequest,
  ProgressUpdateRequest,
  RaiseObstacleRequest,
  ReturnWorkRequest,
  UrgeRequest,
  UrgeResultDto,
  VerifyRequest,
} from '@dieu-hanh/shared/contracts';

/** Execution's commands: each is one transaction with its events, answered with the assignment's new state. */

/** The assignee reports progress. Idempotent by (caller, Idempotency-Key): a retry returns the state, recording nothing. */
export class ReportProgressCommand extends Command<AssignmentWorkDto> {
  constructor(readonly assignmentId: string, readonly body: ProgressUpdateRequest, readonly requestKey: string, readonly metadata: CommandMetadata) {
    super();
  }
}
export class VerifyWorkCommand extends Command<AssignmentWorkDto> {
  constructor(readonly assignmentId: string, readonly body: VerifyRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class ReturnWorkCommand extends Command<AssignmentWorkDto> {
  constructor(readonly assignmentId: string, readonly body: ReturnWorkRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class RaiseObstacleCommand extends Command<AssignmentWorkDto> {
  constructor(readonly assignmentId: string, readonly body: RaiseObstacleRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class AnswerObstacleCommand extends Command<AssignmentWorkDto> {
  constructor(readonly obstacleId: string, readonly body: AnswerObstacleRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class EscalateObstacleCommand extends Command<AssignmentWorkDto> {
  constructor(readonly obstacleId: string, readonly body: EscalateObstacleRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class GiveDirectiveCommand extends Command<AssignmentWorkDto> {
  constructor(readonly obstacleId: string, readonly body: DirectiveRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class RequestExtensionCommand extends Command<AssignmentWorkDto> {
  constructor(readonly assignmentId: string, readonly body: ExtensionRequestRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class DecideExtensionCommand extends Command<AssignmentWorkDto> {
  constructor(readonly extensionId: string, readonly body: ExtensionDecisionRequest, readonly metadata: CommandMetadata) {
    super();
  }
}
export class UrgeCommand extends Command<UrgeResultDto> {
  constructor(readonly body: UrgeRequest, readonly metadata: CommandMetadata) {
    super();
  }
}

/** GET /assignments/:id/work: the write page's model (state, verifier, evidence, obstacles, extensions, allowed actions). */
export class GetAssignmentWorkQuery extends Query<AssignmentWorkDto> {
  constructor(readonly assignmentId: string, readonly scope: AccessScope) {
    super();
  }
}
