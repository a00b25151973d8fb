import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { UnitEventType, isUnitEvent } from '@dieu-hanh/api/organization/contracts';
import { TransferAssignmentsCommand } from '@dieu-hanh/api/planning/application';
import { type EventSubscriber, type RecordedEvent, systemActor } from '@dieu-hanh/api/shared/kernel';

/**
 * When the directory records a succession (Sở TT&TT merged into Sở KH&CN), planning moves the
 * predecessor's assignments to the successor: a command of its own, caused by that event. A subscriber
 * of the event feed, so a crash after the directory's commit delays the reaction, never loses it.
 *
 * Delivery is at least once, so the command is idempotent: a repeat finds nothing left to move (the
 * predecessor's assignments are locked and re-read, already withdrawn), and it is the same command the
 * SuccessionCatchUp sends, so the two cannot apply one succession twice. A succession dated in the
 * future moves nothing now (the command checks the date); the catch-up applies it on the day.
 *
 * Starts at the head of the log when first registered: successions recorded before are in force in
 * the directory and the catch-up, which runs at start, applies them.
 */
@Injectable()
export class SuccessionSaga implements EventSubscriber {
  readonly name = 'planning.succession-transfer';
  readonly startFrom = 'head' as const;
  readonly eventTypes = [UnitEventType.SuccessionRecorded];
  readonly batchSize = 20;
  private readonly logger = new Logger('SuccessionSaga');

  constructor(private readonly commands: CommandBus) {}

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      if (!isUnitEvent(event, UnitEventType.SuccessionRecorded)) continue;
      const { predecessorCode, successorCode, effectiveDate } = event.payload;
      // A failure is thrown to the feed: the batch is retried with backoff, then parked (feed status).
      const result = await this.commands.execute(
        new TransferAssignmentsCommand(predecessorCode, successorCode, effectiveDate, {
          actor: systemActor('planning'),
          correlationId: event.correlationId,
          causationId: event.id,
        }),
      );
      if (result.transferred || result.merged) this.logger.log({ predecessorCode, successorCode, effectiveDate, eventId: event.id, ...result }, 'assignments transferred to the successor');
    }
  }
}
