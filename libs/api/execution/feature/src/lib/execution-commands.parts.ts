import type { Provider, Type } from '@nestjs/common';

/** The commands side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: A1.) */
export const EXECUTION_COMMANDS_CONTROLLERS: Type<unknown>[] = [];
export const EXECUTION_COMMANDS_PROVIDERS: Provider[] = [];
