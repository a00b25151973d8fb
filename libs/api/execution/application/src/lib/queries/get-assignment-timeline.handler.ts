import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ExecutionEventType, isExecutionEvent } from '@dieu-hanh/api/execution/contracts';
import { workAssignmentNotFound } from '@dieu-hanh/api/execution/domain';
import type { DomainEvent } from '@dieu-hanh/api/shared/kernel';
import type { EvidenceDto, TimelineEntryDto } from '@dieu-hanh/shared/contracts';
import { mayViewWork, workVisibility } from '../access/work-access.policy';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { WorkReadModel } from '../ports/work.read-model';
import { WorkRepository } from '../ports/work.repository';
import { timelineSummary, unitCodesOf } from './timeline-summary';
import { GetAssignmentTimelineQuery } from './work-read.queries';

/**
 * GET /assignments/:id/timeline: who did what and when on one assignment — planning's and execution's
 * events of its stream, oldest first, each with a Vietnamese summary built from its typed payload and
 * the evidence a progress report attached. 404 (the same as every verb) when the caller does not see it.
 */
@QueryHandler(GetAssignmentTimelineQuery)
export class GetAssignmentTimelineHandler implements IQueryHandler<GetAssignmentTimelineQuery> {
  constructor(
    private readonly works: WorkRepository,
    private readonly read: WorkReadModel,
    private readonly evidence: EvidenceRepository,
  ) {}

  async execute({ scope, assignmentId }: GetAssignmentTimelineQuery): Promise<TimelineEntryDto[]> {
    const a = await this.works.assignment(assignmentId);
    if (!a || !mayViewWork(workVisibility(scope), a.access)) throw workAssignmentNotFound(assignmentId);
    const stream = await this.read.assignmentEvents(assignmentId);
    const events = stream.map((s) => ({ stored: s, event: { type: s.type, aggregateType: 'assignment', aggregateId: assignmentId, payload: s.payload } as DomainEvent }));
    const evidenceIds = new Set<string>();
    const codes = new Set<string>();
    for (const { event } of events) {
      if (isExecutionEvent(event, ExecutionEventType.ProgressReported)) for (const id of event.payload.evidenceIds ?? []) evidenceIds.add(id);
      for (const c of unitCodesOf(event)) codes.add(c);
    }
    const files = evidenceIds.size ? await this.evidence.byIds([...evidenceIds]) : [];
    const byId = new Map<string, EvidenceDto>(files.map((f) => [f.id, f]));
    const names = codes.size ? await this.works.unitNames([...codes]) : new Map<string, string>();
    const name = (code: string) => names.get(code) ?? code;
    return events.map(({ stored, event }) => ({
      at: stored.occurredAt.toISOString(),
      type: stored.type,
      actor: stored.actorUsername,
      unitCode: stored.actorUnitCode,
      summary: timelineSummary(event, name),
      evidence: isExecutionEvent(event, ExecutionEventType.ProgressReported)
        ? (event.payload.evidenceIds ?? []).map((id) => byId.get(id)).filter((f): f is EvidenceDto => !!f)
        : [],
      payload: stored.payload,
    }));
  }
}
