import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AssignmentWorkDto, EvidenceDto, WorkItemDto } from '@dieu-hanh/shared/contracts';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { MemoryOfflineStore, OFFLINE_STORE } from './offline-store';

/** Test-only: TestBed with the HTTP testing backend, a router, a commune officer and an in-memory offline store. */
export function setupWork(imports: unknown[] = [], store = new MemoryOfflineStore<unknown>(), providers: unknown[] = []): { http: HttpTestingController; store: MemoryOfflineStore<unknown> } {
  TestBed.configureTestingModule({
    imports: imports as never[],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } },
      { provide: OFFLINE_STORE, useValue: store },
      ...(providers as never[]),
    ],
  });
  TestBed.inject(AuthService).user.set({ username: 'hoankiem.canbo', name: 'Cán bộ phường', unit: '00070', tier: 2, roles: ['commune-officer'], realm: 'ha-noi' });
  return { http: TestBed.inject(HttpTestingController), store };
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Waits (a few event-loop turns) until a request matching `match` is pending, and returns it. */
export async function nextRequest(http: HttpTestingController, match: (r: TestRequest['request']) => boolean, withinMs = 1500): Promise<TestRequest> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    const found = http.match(match);
    if (found.length > 1) throw new Error(`${found.length} requests matched`);
    if (found.length === 1) return found[0];
    await tick(2);
  }
  throw new Error('no request matched');
}

/** Test-only: what navigator.onLine answers, and the matching window event. */
export function setOnline(online: boolean): void {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

export function workItem(over: Partial<WorkItemDto> = {}): WorkItemDto {
  return {
    assignmentId: 'a1', planId: 'p1', planTitle: 'Kế hoạch chuyển đổi số năm 2025', planSymbol: '402/KH-UBND', taskId: 't1', taskOrdinal: 3,
    taskContent: 'Tuyên truyền về chuyển đổi số trên hệ thống loa phường', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead',
    status: 'in-progress', percent: 40, verification: 'none', due: '2025-12-31', originalDue: null, urgency: 'overdue', days: 332,
    openObstacles: 0, pendingExtension: false, updatedAt: '2026-11-20T03:00:00Z', version: 2, ...over,
  };
}

export function assignmentWork(over: Partial<AssignmentWorkDto> = {}): AssignmentWorkDto {
  return {
    ...workItem(),
    note: 'Đã phát 10 buổi',
    result: null,
    verifier: { kind: 'focal', unitCodes: ['01-SKHCN'], unitNames: ['Sở Khoa học và Công nghệ'] },
    returnReason: null,
    evidence: [],
    obstacles: [],
    extensions: [],
    directingLeader: 'Phó Chủ tịch UBND Thành phố',
    allowedActions: ['update-progress', 'upload-evidence', 'raise-obstacle', 'request-extension'],
    ...over,
  };
}

export function evidence(over: Partial<EvidenceDto> = {}): EvidenceDto {
  return { id: 'e1', fileName: 'anh-hien-truong.jpg', mediaType: 'image/jpeg', size: 2048, sha256: 'ab', uploadedAt: '2026-11-25T02:00:00Z', uploadedBy: 'hoankiem.canbo', ...over };
}
