import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import {
  Clock,
  type CommandMetadata,
  type DomainEvent,
  type RecordedEvent,
  type TransactionScope,
  UnitOfWork,
} from '@dieu-hanh/api/shared/kernel';
import { DataSource } from 'typeorm';
import { crashPoint } from './crash-point';
import { EventFeed } from './event-feed/event-feed';
import { TransactionContext } from './transaction-context';

/**
 * One command = one PostgreSQL transaction that holds both the state change and its events in
 * `event_log`. Nothing else happens in it: reactions (projections, other contexts' commands) read the
 * log through the event feed after COMMIT, so they never see a rolled-back fact and a crash never loses
 * one. After the commit the local feed runner is nudged, so they follow within milliseconds.
 */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: TransactionContext,
    private readonly clock: Clock,
    @Optional() private readonly feed?: EventFeed,
  ) {
    super();
  }

  async run<T>(metadata: CommandMetadata, work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    if (this.context.inTransaction()) {
      throw new Error('Nested units of work are not supported: one command, one transaction.');
    }
    const pending: DomainEvent[] = [];
    const scope: TransactionScope = { record: (...events) => pending.push(...events) };

    const { result, recorded } = await this.dataSource.transaction(async (manager) =>
      this.context.runWith(manager, async () => {
        const result = await work(scope);
        crashPoint('after-state-before-event');
        const recorded = await this.append(manager, metadata, pending);
        crashPoint('after-event-before-commit');
        return { result, recorded };
      }),
    );

    if (recorded.length) this.feed?.nudge();
    return result;
  }

  private async append(
    manager: import('typeorm').EntityManager,
    metadata: CommandMetadata,
    events: DomainEvent[],
  ): Promise<RecordedEvent[]> {
    if (events.length === 0) return [];
    const occurredAt = this.clock.now();
    const actor = metadata.actor;
    const rows = events.map((e) => ({
      eventId: randomUUID(),
      type: e.type,
      aggregateType: e.aggregateType,
      aggregateId: e.aggregateId,
      occurredAt,
      actorSubject: actor.subject,
      actorUsername: actor.username,
      actorUnitCode: actor.unitCode,
      provinceCode: actor.provinceCode,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId ?? null,
      payload: e.payload,
    }));
    // One multi-row INSERT per command, however many events (a fan-out can record thousands).
    const recorded: RecordedEvent[] = [];
    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const params: unknown[] = [];
      const values = part
        .map((r, j) => {
          const b = j * 12;
          params.push(
            r.eventId,
            r.type,
            r.aggregateType,
            r.aggregateId,
            r.occurredAt,
            r.actorSubject,
            r.actorUsername,
            r.actorUnitCode,
            r.provinceCode,
            r.correlationId,
            r.causationId,
            JSON.stringify(r.payload),
          );
          return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8},$${b + 9},$${b + 10},$${b + 11},$${b + 12}::jsonb)`;
        })
        .join(',');
      const inserted: { sequence: string }[] = await manager.query(
        `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, occurred_at, actor_subject, actor_username,
                                actor_unit_code, province_code, correlation_id, causation_id, payload)
         VALUES ${values} RETURNING sequence`,
        params,
      );
      part.forEach((r, j) => recorded.push({ ...r, id: r.eventId, sequence: String(inserted[j].sequence) }));
    }
    return recorded;
  }
}

export function newCorrelationId(): string {
  return randomUUID();
}
