import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PlanDetailDto, PlanTaskDto } from '@dieu-hanh/shared/contracts';
import { AuthService, SHELL_CONFIG, type SignedInUser } from '@dieu-hanh/web/shared/auth';

/** Test-only: TestBed with the HTTP testing backend, a router and, when given, a signed-in user. */
export function setup(imports: unknown[], user?: Partial<SignedInUser>): HttpTestingController {
  TestBed.configureTestingModule({
    imports: imports as never[],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
  });
  if (user) TestBed.inject(AuthService).user.set({ username: 'u', name: 'Người dùng', unit: '01-SKHCN', tier: 1, roles: [], realm: 'ha-noi', ...user });
  return TestBed.inject(HttpTestingController);
}

export function task(over: Partial<PlanTaskDto> = {}): PlanTaskDto {
  const assignments = over.assignments ?? [];
  // Counts as the API gives them, from the assignments unless a test sets them.
  const inForce = assignments.filter((a) => a.status !== 'withdrawn');
  const assignmentCounts = {
    total: inForce.length,
    lead: inForce.filter((a) => a.role === 'lead').length,
    coordinator: inForce.filter((a) => a.role === 'coordinator').length,
    withdrawn: assignments.length - inForce.length,
  };
  return {
    id: 't1', ordinal: 1, section: null, content: 'Tuyên truyền', expectedResult: null, directingLeader: null, timeframe: 'Quý IV/2025',
    timeframeNormalized: null, notes: null, parentTaskId: null, leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [], assignments,
    assignmentCounts, ...over,
  };
}

export function plan(over: Partial<PlanDetailDto> = {}): PlanDetailDto {
  return {
    id: 'p1', title: 'Kế hoạch hưởng ứng Ngày Chuyển đổi số', symbol: 'KH-UBND', number: null, year: 2025, status: 'draft', version: 1,
    issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', draftingUnitName: 'Sở Khoa học và Công nghệ', focalUnitCode: '01-SKHCN', issueDate: null, taskCount: 1, indicatorCount: 0,
    parentPlanId: null, myRoles: [], allowedActions: ['view-history'], theme: null, legalBases: [], purposes: [], directingLeaders: [], reportingDuties: [], sections: [],
    reviewComments: [], tasks: [task()], indicators: [], names: { '01-G-XA-PHUONG': 'UBND các xã, phường', '01-SKHCN': 'Sở Khoa học và Công nghệ' },
    parent: null, amendmentCount: 0, attention: { pendingReferences: 0, unknownTimeframes: 0, unknownTargets: 0 }, ...over,
  };
}

/** Lets signals, effects and the HTTP answers settle, then renders. */
export async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}
