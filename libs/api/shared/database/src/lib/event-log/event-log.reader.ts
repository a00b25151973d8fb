import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import type { EntityManager } from 'typeorm';
import type { EventLogOrmEntity } from './event-log.orm-entity';

export function toRecordedEvent(row: EventLogOrmEntity): RecordedEvent {
  return {
    id: row.eventId,
    sequence: String(row.sequence),
    type: row.type,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    occurredAt: row.occurredAt,
    actorSubject: row.actorSubject,
    actorUsername: row.actorUsername,
    actorUnitCode: row.actorUnitCode,
    provinceCode: row.provinceCode,
    correlationId: row.correlationId,
    causationId: row.causationId,
    payload: row.payload,
  };
}

/** History of one aggregate, oldest first: the source of "who did what and when". */
export async function readAggregateHistory(
  manager: EntityManager,
  aggregateType: string,
  aggregateId: string,
  limit = 200,
): Promise<RecordedEvent[]> {
  const rows = await manager.query(
    `SELECT sequence, event_id AS "eventId", type, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId",
            occurred_at AS "occurredAt", actor_subject AS "actorSubject", actor_username AS "actorUsername",
            actor_unit_code AS "actorUnitCode", province_code AS "provinceCode", correlation_id AS "correlationId",
            causation_id AS "causationId", payload
       FROM event_log WHERE aggregate_type = $1 AND aggregate_id = $2 ORDER BY sequence LIMIT $3`,
    [aggregateType, aggregateId, limit],
  );
  return rows.map(toRecordedEvent);
}
