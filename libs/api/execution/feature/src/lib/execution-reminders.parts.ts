import type { Provider, Type } from '@nestjs/common';
import { DueReminders, SendDueRemindersHandler } from '@dieu-hanh/api/execution/application';
import { SqlDueReminders } from '@dieu-hanh/api/execution/infrastructure';
import { RemindersJob } from './reminders.job';

/**
 * The reminders side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: C1.)
 * Needs the kernel's JobScheduler (JobsModule from @dieu-hanh/api/shared/jobs, global).
 */
export const EXECUTION_REMINDERS_CONTROLLERS: Type<unknown>[] = [];
export const EXECUTION_REMINDERS_PROVIDERS: Provider[] = [SendDueRemindersHandler, { provide: DueReminders, useClass: SqlDueReminders }, RemindersJob];
