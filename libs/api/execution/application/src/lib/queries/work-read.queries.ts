import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { WorkListFilter, WorkPage } from '../ports/work.read-model';

/** GET /my/work — the caller's unit's work (a commune's includes its offices'). */
export class ListMyWorkQuery {
  constructor(readonly scope: AccessScope, readonly filter: WorkListFilter, readonly page: WorkPage) {}
}

/** GET /execution/work — every assignment the caller sees (department tracking). */
export class ListWorkQuery {
  constructor(readonly scope: AccessScope, readonly filter: WorkListFilter, readonly page: WorkPage) {}
}

/** GET /execution/verification-queue — pending work the caller verifies. */
export class ListVerificationQueueQuery {
  constructor(readonly scope: AccessScope, readonly filter: WorkListFilter, readonly page: WorkPage) {}
}

/** GET /plans/:id/progress — the plan's roll-up from the tallies. */
export class GetPlanProgressQuery {
  constructor(readonly scope: AccessScope, readonly planId: string) {}
}

/** GET /assignments/:id/timeline — the assignment's stream, summarised. */
export class GetAssignmentTimelineQuery {
  constructor(readonly scope: AccessScope, readonly assignmentId: string) {}
}

/** GET /execution/leader-inbox — escalated obstacles and extension requests waiting for the caller. */
export class GetLeaderInboxQuery {
  constructor(readonly scope: AccessScope) {}
}
