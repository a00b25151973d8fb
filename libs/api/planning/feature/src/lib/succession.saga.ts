import { Injectable, Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TransferAssignmentsCommand } from '@dieu-hanh/api/planning/application';
import { DomainEventMessage } from '@dieu-hanh/api/shared/database';
import { systemActor } from '@dieu-hanh/api/shared/kernel';

/**
 * When the directory records a succession (Sở TT&TT merged into Sở KH&CN), planning moves the
 * predecessor's assignments to the successor: a command of its own, caused by that event. It runs after
 * the directory's commit; if the process stops in between, the next issue or amendment resolves the
 * successor anyway (fan-out follows successions), and the command can be sent again safely.
 */
@Injectable()
@EventsHandler(DomainEventMessage)
export class SuccessionSaga implements IEventHandler<DomainEventMessage> {
  private readonly logger = new Logger('SuccessionSaga');

  constructor(private readonly commands: CommandBus) {}

  async handle({ event }: DomainEventMessage): Promise<void> {
    if (event.type !== 'organization.unit-succession-recorded') return;
    const p = event.payload as { predecessorCode: string; successorCode: string; effectiveDate: string };
    try {
      const result = await this.commands.execute(
        new TransferAssignmentsCommand(p.predecessorCode, p.successorCode, p.effectiveDate, {
          actor: systemActor('planning'),
          correlationId: event.correlationId,
          causationId: event.id,
        }),
      );
      this.logger.log({ ...p, ...result }, 'assignments transferred to the successor');
    } catch (error) {
      this.logger.error({ err: error, ...p }, 'transferring assignments to the successor failed');
    }
  }
}
