/**
 * A fact that happened in the domain. Every command appends its events to the event log in the same
 * transaction as its state change; the log is the audit trail and feeds history and notifications.
 */
export interface DomainEvent<TPayload extends object = object> {
  /** Stable, explicit name, e.g. `organization.unit-registered`. */
  readonly type: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly payload: TPayload;
}

export function domainEvent<TPayload extends object>(
  type: string,
  aggregateType: string,
  aggregateId: string,
  payload: TPayload,
): DomainEvent<TPayload> {
  return { type, aggregateType, aggregateId, payload };
}

/** An event as stored: the domain fact plus who, where, when and in which causal chain. */
export interface RecordedEvent<TPayload extends object = object> extends DomainEvent<TPayload> {
  readonly id: string;
  readonly sequence: string;
  readonly occurredAt: Date;
  readonly actorSubject: string;
  readonly actorUsername: string;
  readonly actorUnitCode: string | null;
  readonly provinceCode: string | null;
  readonly correlationId: string;
  readonly causationId: string | null;
}
