import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import type { EntityManager } from 'typeorm';

/**
 * A read model kept from the event log inside the command's own transaction: the events and what is
 * derived from them (notifications, counters) commit or roll back together, so nothing is lost between
 * a commit and a subscriber, and there is no checkpoint to drift. Keep projectors set-based and cheap:
 * they run in every command's transaction.
 */
export interface InTransactionProjector {
  readonly name: string;
  project(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
}

/** Where bounded contexts register their in-transaction projectors (at module init). */
@Injectable()
export class ProjectorRegistry {
  private readonly projectors: InTransactionProjector[] = [];

  register(projector: InTransactionProjector): void {
    if (!this.projectors.some((p) => p.name === projector.name)) this.projectors.push(projector);
  }

  all(): readonly InTransactionProjector[] {
    return this.projectors;
  }
}
