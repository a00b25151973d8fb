import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';

/**
 * A unit was merged into (or replaced by) another: its assignments in force move to the successor.
 * Sent by the planning context when the directory records a succession (causation = that event).
 */
export class TransferAssignmentsCommand extends Command<{ transferred: number; merged: number }> {
  constructor(
    readonly predecessorCode: string,
    readonly successorCode: string,
    readonly effectiveDate: string,
    readonly metadata: CommandMetadata,
    /** The day the sender considers today (the catch-up job's run date); defaults to the clock's. */
    readonly asOf?: string,
  ) {
    super();
  }
}
