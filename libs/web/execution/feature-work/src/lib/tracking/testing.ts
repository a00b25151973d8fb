import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StatusCountsDto, WorkItemDto, WorkListDto } from '@dieu-hanh/shared/contracts';
import { AuthService, SHELL_CONFIG, type SignedInUser } from '@dieu-hanh/web/shared/auth';

/** Test-only: TestBed with the HTTP testing backend, a router and a signed-in user. */
export function setupTracking(imports: unknown[], user: Partial<SignedInUser> = {}): HttpTestingController {
  TestBed.configureTestingModule({
    imports: imports as never[],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
  });
  TestBed.inject(AuthService).user.set({ username: 'skhcn.daumoi', name: 'Cán bộ', unit: '01-SKHCN', tier: 1, roles: ['department-officer', 'focal-officer'], realm: 'ha-noi', ...user });
  return TestBed.inject(HttpTestingController);
}

export const wait = (ms = 200) => new Promise((r) => setTimeout(r, ms));

export async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }, ms = 0): Promise<void> {
  fixture.detectChanges();
  if (ms) await wait(ms);
  await fixture.whenStable();
  fixture.detectChanges();
}

export function counts(over: Partial<StatusCountsDto> = {}): StatusCountsDto {
  return { total: 0, notStarted: 0, inProgress: 0, done: 0, unable: 0, verified: 0, pendingVerification: 0, overdue: 0, percent: 0, ...over };
}

export function item(over: Partial<WorkItemDto> = {}): WorkItemDto {
  return {
    assignmentId: 'a1', planId: 'p1', planTitle: 'Kế hoạch chuyển đổi số', planSymbol: '402/KH-UBND', taskId: 't1', taskOrdinal: 1,
    taskContent: 'Tuyên truyền chuyển đổi số', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', status: 'not-started', percent: 0,
    verification: 'none', due: '2025-12-31', originalDue: null, urgency: 'overdue', days: 332, openObstacles: 0, pendingExtension: false,
    updatedAt: null, version: 0, ...over,
  };
}

export function list(items: WorkItemDto[], total = items.length): WorkListDto {
  return { items, total, counts: { overdue: items.filter((i) => i.urgency === 'overdue').length, dueSoon: 0, done: 0, pendingVerification: items.filter((i) => i.verification === 'pending').length, open: items.length } };
}
