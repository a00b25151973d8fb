import type { Provider, Type } from '@nestjs/common';

/** The reminders side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: C1.) */
export const EXECUTION_REMINDERS_CONTROLLERS: Type<unknown>[] = [];
export const EXECUTION_REMINDERS_PROVIDERS: Provider[] = [];
