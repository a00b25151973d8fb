import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AssignmentDetailDto, MeDto, PlanDetailDto, PlanListDto, SuccessorChainDto, UnitDto, UnitGroupDto, UnitKind, UnitListDto } from '@dieu-hanh/shared/contracts';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import type { Observable } from 'rxjs';

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

  plans(filter: { status?: string; year?: number } = {}): Observable<PlanListDto> {
    let params = new HttpParams().set('limit', 100);
    for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') params = params.set(k, String(v));
    return this.http.get<PlanListDto>(`${this.base}/plans`, { params });
  }

  plan(id: string): Observable<PlanDetailDto> {
    return this.http.get<PlanDetailDto>(`${this.base}/plans/${encodeURIComponent(id)}`);
  }

  assignment(id: string): Observable<AssignmentDetailDto> {
    return this.http.get<AssignmentDetailDto>(`${this.base}/assignments/${encodeURIComponent(id)}`);
  }
}
