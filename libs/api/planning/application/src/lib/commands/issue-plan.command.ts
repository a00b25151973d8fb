import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';

export class IssuePlanCommand extends Command<{ id: string; status: string; version: number; assignments: number; pending: number; resolvedAsOf: string }> {
  constructor(
    readonly planId: string,
    readonly number: number,
    readonly issueDate: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
