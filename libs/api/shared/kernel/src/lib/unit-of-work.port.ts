import type { CommandMetadata } from './actor';
import type { DomainEvent } from './domain-event';

/**
 * Runs one command's work in one database transaction. Events recorded through `record` are appended
 * to the event log inside that same transaction and published only after it commits, so there is never
 * a change without its event, nor an event without its change.
 */
export abstract class UnitOfWork {
  abstract run<T>(metadata: CommandMetadata, work: (tx: TransactionScope) => Promise<T>): Promise<T>;
}

export interface TransactionScope {
  record(...events: DomainEvent[]): void;
}
