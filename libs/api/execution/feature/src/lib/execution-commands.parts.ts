import type { Provider, Type } from '@nestjs/common';
import { ExtensionRepository, ObstacleRepository, WORK_HANDLERS, WorkRepository } from '@dieu-hanh/api/execution/application';
import { SqlExtensionRepository, SqlObstacleRepository, SqlWorkRepository } from '@dieu-hanh/api/execution/infrastructure';
import { WorkController } from './work.controller';

/** The commands side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: A1.) */
export const EXECUTION_COMMANDS_CONTROLLERS: Type<unknown>[] = [WorkController];
export const EXECUTION_COMMANDS_PROVIDERS: Provider[] = [
  ...WORK_HANDLERS,
  { provide: WorkRepository, useClass: SqlWorkRepository },
  { provide: ObstacleRepository, useClass: SqlObstacleRepository },
  { provide: ExtensionRepository, useClass: SqlExtensionRepository },
];
