import type { PlanVisibility } from '@dieu-hanh/api/shared/auth';
import type { AssignmentDetailDto, PlanDetailDto, PlanSummaryDto } from '@dieu-hanh/shared/contracts';

export abstract class PlanReadModel {
  abstract list(visibility: PlanVisibility, filter: { status?: string; year?: number; limit: number; offset: number }): Promise<{ items: PlanSummaryDto[]; total: number }>;
  abstract get(id: string, visibility: PlanVisibility): Promise<PlanDetailDto | null>;
  abstract assignment(id: string, visibility: PlanVisibility): Promise<AssignmentDetailDto | null>;
}
