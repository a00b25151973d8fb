import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExtensionRequest, Work, extensionNotFound } from '@dieu-hanh/api/execution/domain';
import { Clock, type DomainError, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { mayVerify, verifierUnitFor } from '../access/work-access.policy';
import { ExtensionRepository } from '../ports/extension.repository';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { NOT_VERIFIER, assignmentInSight, personOf, refuse } from './work-command.support';
import { DecideExtensionCommand } from './work.commands';

/**
 * The unit that verifies the work approves or rejects an extension request, once. Approval moves the
 * due date in force (`work_state.due_override`); the event keeps the date before and the one asked for.
 */
@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<DecideExtensionCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly works: WorkRepository,
    private readonly extensions: ExtensionRepository,
    private readonly view: AssignmentWorkView,
    private readonly clock: Clock,
  ) {}

  async execute({ extensionId, body, metadata }: DecideExtensionCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const found = await this.extensions.find(extensionId);
      if (!found) throw extensionNotFound(extensionId);
      const a = await assignmentInSight(this.works, found.assignmentId, scope).catch((e: DomainError) => {
        throw e.kind === 'not-found' ? extensionNotFound(extensionId) : e;
      });
      if (!mayVerify(scope, a.access)) refuse(NOT_VERIFIER.vi, NOT_VERIFIER.en);
      // Lock order as every command: the work first, then the request.
      const props = await this.works.lock(a);
      const locked = (await this.extensions.find(extensionId, { lock: true })) ?? found;
      const extension = ExtensionRequest.restore(locked, eventFactsOf(a));
      const previousDue = props.dueOverride ?? a.taskDue;
      extension.decide({ approve: body.approve, note: body.note, previousDue, unitCode: verifierUnitFor(scope, a.access) }, scope.username, this.clock.now());
      let saved = props;
      if (extension.status === 'approved') {
        const work = Work.restore(props, eventFactsOf(a));
        work.extendDue(extension.requestedDue);
        saved = work.snapshot();
        await this.works.save(saved);
      }
      await this.extensions.update(extension.snapshot());
      tx.record(...extension.pullEvents());
      return this.view.build(scope, a, saved);
    });
  }
}
