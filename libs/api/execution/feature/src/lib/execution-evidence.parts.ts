import type { Provider, Type } from '@nestjs/common';

/** The evidence side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: B.) */
export const EXECUTION_EVIDENCE_CONTROLLERS: Type<unknown>[] = [];
export const EXECUTION_EVIDENCE_PROVIDERS: Provider[] = [];
