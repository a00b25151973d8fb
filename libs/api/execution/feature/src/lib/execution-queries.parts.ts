import type { Provider, Type } from '@nestjs/common';
import { WORK_READ_HANDLERS, WorkReadModel } from '@dieu-hanh/api/execution/application';
import { ProgressTallySubscriber, SqlWorkReadModel } from '@dieu-hanh/api/execution/infrastructure';
import { ProgressTallyRegistration } from './progress-tally.registration';
import { WorkQueriesController } from './work-queries.controller';

/** The queries side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: A2.) */
export const EXECUTION_QUERIES_CONTROLLERS: Type<unknown>[] = [WorkQueriesController];
export const EXECUTION_QUERIES_PROVIDERS: Provider[] = [
  ...WORK_READ_HANDLERS,
  { provide: WorkReadModel, useClass: SqlWorkReadModel },
  ProgressTallySubscriber,
  ProgressTallyRegistration,
];
