import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssignmentDetailDto,
  ImplementingPlansDto,
  MeDto,
  MyAssignmentsDto,
  NotificationListDto,
  PlanAmendRequest,
  PlanAmendResultDto,
  PlanDetailDto,
  PlanDraftRequest,
  PlanHistoryEntryDto,
  PlanListDto,
  PlanStatusDto,
  PlanSummaryDto,
  TaskAssignmentsDto,
  ReviewCommentDto,
  SuccessorChainDto,
  UnitDto,
  UnitGroupDto,
  UnitKind,
  UnitListDto,
} from '@dieu-hanh/shared/contracts';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import type { Observable } from 'rxjs';

/** Filters of GET /plans; `role` is how the caller's unit takes part in the plan. */
export interface PlanFilter {
  status?: PlanStatusDto | '';
  year?: number | null;
  role?: PlanSummaryDto['myRoles'][number] | '';
  /** Words of the number, symbol or title; the API ignores diacritics. */
  q?: string;
  limit?: number;
  offset?: number;
}

/** What every plan command answers: the plan and its new version (for the next optimistic write). */
export type PlanWriteResult = Pick<PlanSummaryDto, 'id' | 'version'>;

export interface UnitSearch {
  q?: string;
  kind?: UnitKind;
  tier?: 1 | 2;
  parent?: string;
  group?: string;
  limit?: number;
  offset?: number;
}

/** Typed access to the API; request and response types come from shared/contracts, never redeclared. */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);
  private readonly base = inject(SHELL_CONFIG).apiUrl;

  me(): Observable<MeDto> {
    return this.http.get<MeDto>(`${this.base}/me`);
  }

  searchUnits(search: UnitSearch): Observable<UnitListDto> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(search)) if (v !== undefined && v !== null && v !== '') params = params.set(k, String(v));
    return this.http.get<UnitListDto>(`${this.base}/units`, { params });
  }

  unit(code: string): Observable<UnitDto> {
    return this.http.get<UnitDto>(`${this.base}/units/${encodeURIComponent(code)}`);
  }

  successors(code: string): Observable<SuccessorChainDto> {
    return this.http.get<SuccessorChainDto>(`${this.base}/units/${encodeURIComponent(code)}/successors`);
  }

  unitGroups(): Observable<UnitGroupDto[]> {
    return this.http.get<UnitGroupDto[]>(`${this.base}/unit-groups`);
  }

  plans(filter: PlanFilter = {}): Observable<PlanListDto> {
    let params = new HttpParams().set('limit', 100);
    for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== '') params = params.set(k, String(v));
    return this.http.get<PlanListDto>(`${this.base}/plans`, { params });
  }

  plan(id: string): Observable<PlanDetailDto> {
    return this.http.get<PlanDetailDto>(`${this.base}/plans/${encodeURIComponent(id)}`);
  }

  assignment(id: string): Observable<AssignmentDetailDto> {
    return this.http.get<AssignmentDetailDto>(`${this.base}/assignments/${encodeURIComponent(id)}`);
  }

  /** A new draft (a department for the city, a commune for itself; `parentPlanId` makes an implementing plan). */
  createPlan(draft: PlanDraftRequest): Observable<PlanWriteResult> {
    return this.http.post<PlanWriteResult>(`${this.base}/plans`, draft);
  }

  /** Revises a draft or a returned plan; 409 (problem with `currentVersion`) when someone else changed it. */
  updatePlan(id: string, draft: PlanDraftRequest & { version: number }): Observable<PlanWriteResult> {
    return this.http.put<PlanWriteResult>(`${this.base}/plans/${encodeURIComponent(id)}`, draft);
  }

  submitPlan(id: string): Observable<PlanWriteResult> {
    return this.http.post<PlanWriteResult>(`${this.base}/plans/${encodeURIComponent(id)}/submit`, {});
  }

  approvePlan(id: string): Observable<PlanWriteResult> {
    return this.http.post<PlanWriteResult>(`${this.base}/plans/${encodeURIComponent(id)}/approve`, {});
  }

  /** Returns a submitted plan with comments, each about the whole plan (`field: null`) or one field ("tasks.2.timeframe"). */
  returnPlan(id: string, comments: Pick<ReviewCommentDto, 'text' | 'field'>[]): Observable<PlanWriteResult> {
    return this.http.post<PlanWriteResult>(`${this.base}/plans/${encodeURIComponent(id)}/return`, { comments });
  }

  /** Issues an approved plan (`issueDate` ISO yyyy-MM-dd); the tasks fan out into assignments. */
  issuePlan(id: string, issue: { number: number; issueDate: string }): Observable<PlanWriteResult> {
    return this.http.post<PlanWriteResult>(`${this.base}/plans/${encodeURIComponent(id)}/issue`, issue);
  }

  amendPlan(id: string, amendment: PlanAmendRequest): Observable<PlanAmendResultDto> {
    return this.http.post<PlanAmendResultDto>(`${this.base}/plans/${encodeURIComponent(id)}/amendments`, amendment);
  }

  /** Every assignment of one task the caller may see, paged. */
  taskAssignments(planId: string, taskId: string, page: { limit?: number; offset?: number } = {}): Observable<TaskAssignmentsDto> {
    const params: Record<string, string> = {};
    if (page.limit) params['limit'] = String(page.limit);
    if (page.offset) params['offset'] = String(page.offset);
    return this.http.get<TaskAssignmentsDto>(`${this.base}/plans/${encodeURIComponent(planId)}/tasks/${encodeURIComponent(taskId)}/assignments`, { params });
  }

  planHistory(id: string): Observable<PlanHistoryEntryDto[]> {
    return this.http.get<PlanHistoryEntryDto[]>(`${this.base}/plans/${encodeURIComponent(id)}/history`);
  }

  implementingPlans(id: string): Observable<ImplementingPlansDto> {
    return this.http.get<ImplementingPlansDto>(`${this.base}/plans/${encodeURIComponent(id)}/implementing`);
  }

  myAssignments(): Observable<MyAssignmentsDto> {
    return this.http.get<MyAssignmentsDto>(`${this.base}/my/assignments`);
  }

  notifications(): Observable<NotificationListDto> {
    return this.http.get<NotificationListDto>(`${this.base}/notifications`);
  }

  markAllNotificationsRead(): Observable<{ read: number }> {
    return this.http.post<{ read: number }>(`${this.base}/notifications/read-all`, {});
  }

  markNotificationRead(id: string): Observable<void> {
    return this.http.post<void>(`${this.base}/notifications/${encodeURIComponent(id)}/read`, {});
  }
}
