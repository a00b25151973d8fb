import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExtensionRequest, workTransitionRefused } from '@dieu-hanh/api/execution/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { actsForAssignee, verifierOf } from '../access/work-access.policy';
import { ExtensionRepository } from '../ports/extension.repository';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { NOT_ASSIGNEE, assertOpenForWork, assignmentInSight, personOf, refuse } from './work-command.support';
import { RequestExtensionCommand } from './work.commands';

/** The assignee asks for a later due date with a reason; the unit that verifies its work decides. One pending request at a time. */
@CommandHandler(RequestExtensionCommand)
export class RequestExtensionHandler implements ICommandHandler<RequestExtensionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly works: WorkRepository,
    private readonly extensions: ExtensionRepository,
    private readonly view: AssignmentWorkView,
    private readonly clock: Clock,
  ) {}

  async execute({ assignmentId, body, metadata }: RequestExtensionCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const a = await assignmentInSight(this.works, assignmentId, scope);
      if (!actsForAssignee(scope, a.access)) refuse(NOT_ASSIGNEE.vi, NOT_ASSIGNEE.en);
      assertOpenForWork(a);
      const props = await this.works.lock(a);
      if (props.verification === 'verified') {
        throw workTransitionRefused('Kết quả thực hiện đã được xác nhận.', 'The work was already verified.', 'verified');
      }
      const standing = await this.works.standing(a.assignmentId, props);
      if (standing.pendingExtension) {
        throw workTransitionRefused('Nhiệm vụ đã có đề nghị gia hạn đang chờ quyết định.', 'An extension request is already waiting for a decision.', 'pending-extension');
      }
      const extension = ExtensionRequest.request(
        {
          id: randomUUID(),
          assignmentId: a.assignmentId,
          currentDue: props.dueOverride ?? a.taskDue,
          requestedDue: body.requestedDue,
          reason: body.reason,
          requestedUnitCode: a.access.unitCode,
          deciderUnitCodes: verifierOf(a.access).units.map((u) => u.unitCode),
        },
        eventFactsOf(a),
        this.clock.today(),
        scope.username,
        this.clock.now(),
      );
      await this.extensions.insert(extension.snapshot());
      tx.record(...extension.pullEvents());
      return this.view.build(scope, a, props);
    });
  }
}
