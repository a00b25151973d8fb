import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';

/**
 * What goes on the @nestjs/cqrs EventBus after a commit: the stored event. Event handlers and sagas
 * subscribe to this one class and filter on `event.type`, so the bus carries exactly what the log holds.
 */
export class DomainEventMessage {
  constructor(readonly event: RecordedEvent) {}
}
