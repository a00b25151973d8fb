import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EXECUTION_COMMANDS_CONTROLLERS, EXECUTION_COMMANDS_PROVIDERS } from './execution-commands.parts';
import { EXECUTION_EVIDENCE_CONTROLLERS, EXECUTION_EVIDENCE_PROVIDERS } from './execution-evidence.parts';
import { EXECUTION_QUERIES_CONTROLLERS, EXECUTION_QUERIES_PROVIDERS } from './execution-queries.parts';
import { EXECUTION_REMINDERS_CONTROLLERS, EXECUTION_REMINDERS_PROVIDERS } from './execution-reminders.parts';

/**
 * Bounded context: execution (thực hiện) — progress updates with evidence, verification, obstacles and
 * directives, extensions, urging, reminders, and the progress read models. It reads planning's
 * assignments through the published view `planning_assignment` and its events; it owns its tables.
 */
@Module({
  imports: [CqrsModule],
  controllers: [...EXECUTION_COMMANDS_CONTROLLERS, ...EXECUTION_EVIDENCE_CONTROLLERS, ...EXECUTION_QUERIES_CONTROLLERS, ...EXECUTION_REMINDERS_CONTROLLERS],
  providers: [...EXECUTION_COMMANDS_PROVIDERS, ...EXECUTION_EVIDENCE_PROVIDERS, ...EXECUTION_QUERIES_PROVIDERS, ...EXECUTION_REMINDERS_PROVIDERS],
})
export class ExecutionModule {}
