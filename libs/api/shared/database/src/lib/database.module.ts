import { Global, Module } from '@nestjs/common';
import { Clock, IdempotencyStore, SystemClock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import { EventFeed } from './event-feed/event-feed';
import { SqlIdempotencyStore } from './idempotency/sql-idempotency.store';
import { TransactionContext } from './transaction-context';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';
import { UnhandledExceptionsLogger } from './unhandled-exceptions.logger';

/**
 * Shared persistence services for every bounded context: the transaction context repositories join,
 * the unit of work commands run in, the event feed reactions subscribe to, and the clock. Expects
 * TypeOrmModule.forRoot and CqrsModule.forRoot.
 */
@Global()
@Module({
  providers: [
    TransactionContext,
    EventFeed,
    { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
    { provide: Clock, useClass: SystemClock },
    { provide: IdempotencyStore, useClass: SqlIdempotencyStore },
    UnhandledExceptionsLogger,
  ],
  exports: [TransactionContext, UnitOfWork, Clock, EventFeed, IdempotencyStore],
})
export class DatabaseModule {}
