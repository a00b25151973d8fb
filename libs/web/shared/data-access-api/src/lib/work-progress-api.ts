import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LeaderInboxDto, PlanProgressDto, WorkListDto, WorkListQuery } from '@dieu-hanh/shared/contracts';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import type { Observable } from 'rxjs';

/**
 * The execution reads that screens outside the execution feature need — the plan viewer's roll-up and the
 * caller's own work on a plan, the home pages' counts — for libraries and shells that may not (or should
 * not, for their bundle) import the execution feature. The execution screens use their own client in
 * `web/execution/feature-work`.
 */
@Injectable({ providedIn: 'root' })
export class WorkProgressApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(SHELL_CONFIG).apiUrl;

  /** GET /plans/:id/progress: counts by status, lead and coordinators apart, per plan, task and unit. */
  planProgress(planId: string): Observable<PlanProgressDto> {
    return this.http.get<PlanProgressDto>(`${this.base}/plans/${encodeURIComponent(planId)}/progress`);
  }

  /** GET /my/work: the caller's unit's assignments (a commune's include its offices'), filtered and paged. */
  myWork(query: WorkListQuery = {}): Observable<WorkListDto> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params = params.set(k, String(v));
    return this.http.get<WorkListDto>(`${this.base}/my/work`, { params });
  }

  /** GET /execution/verification-queue: what waits for the caller's unit to verify (its total for a home card with `limit: 1`). */
  verificationQueue(query: WorkListQuery = {}): Observable<WorkListDto> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params = params.set(k, String(v));
    return this.http.get<WorkListDto>(`${this.base}/execution/verification-queue`, { params });
  }

  /** GET /execution/leader-inbox: escalated obstacles and extension requests waiting for the leader. */
  leaderInbox(): Observable<LeaderInboxDto> {
    return this.http.get<LeaderInboxDto>(`${this.base}/execution/leader-inbox`);
  }
}
