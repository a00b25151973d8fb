import type { Provider, Type } from '@nestjs/common';

/** The queries side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: A2.) */
export const EXECUTION_QUERIES_CONTROLLERS: Type<unknown>[] = [];
export const EXECUTION_QUERIES_PROVIDERS: Provider[] = [];
