import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';

/** Submit, approve, return (with comments), close — each is a command with its own event. */
export class SubmitPlanCommand extends Command<{ id: string; status: string; version: number }> {
  constructor(readonly planId: string, readonly metadata: CommandMetadata) {
    super();
  }
}
export class ApprovePlanCommand extends Command<{ id: string; status: string; version: number }> {
  constructor(readonly planId: string, readonly metadata: CommandMetadata) {
    super();
  }
}
export class ReturnPlanCommand extends Command<{ id: string; status: string; version: number }> {
  constructor(readonly planId: string, readonly comments: { text: string; field?: string | null }[], readonly metadata: CommandMetadata) {
    super();
  }
}
export class ClosePlanCommand extends Command<{ id: string; status: string; version: number }> {
  constructor(readonly planId: string, readonly metadata: CommandMetadata) {
    super();
  }
}
