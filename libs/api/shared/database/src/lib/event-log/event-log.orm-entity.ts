import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One row per domain event, append-only (enforced by a trigger, see the migration). */
@Entity({ name: 'event_log' })
@Index('event_log_aggregate_idx', ['aggregateType', 'aggregateId', 'sequence'])
export class EventLogOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'sequence' })
  sequence!: string;

  @Column({ type: 'uuid', name: 'event_id', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text', name: 'aggregate_type' })
  aggregateType!: string;

  @Column({ type: 'text', name: 'aggregate_id' })
  aggregateId!: string;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'text', name: 'actor_subject' })
  actorSubject!: string;

  @Column({ type: 'text', name: 'actor_username' })
  actorUsername!: string;

  @Column({ type: 'text', name: 'actor_unit_code', nullable: true })
  actorUnitCode!: string | null;

  @Column({ type: 'text', name: 'province_code', nullable: true })
  provinceCode!: string | null;

  @Column({ type: 'uuid', name: 'correlation_id' })
  correlationId!: string;

  @Column({ type: 'uuid', name: 'causation_id', nullable: true })
  causationId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: object;
}
