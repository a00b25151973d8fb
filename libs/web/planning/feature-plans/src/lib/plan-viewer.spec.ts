import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { PlanViewer } from './plan-viewer';

describe('PlanViewer', () => {
  it('shows the plan’s number, status, tasks and each task’s assignments', async () => {
    TestBed.configureTestingModule({
      imports: [PlanViewer],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PlanViewer);
    fixture.componentRef.setInput('id', 'p1');
    fixture.detectChanges();
    http.expectOne('http://api/plans/p1').flush({
      id: 'p1', title: 'Kế hoạch 272', symbol: 'KH-UBND', number: 272, year: 2025, status: 'issued', version: 4, issuerUnitCode: '01-UBND',
      draftingUnitCode: '01-SKHCN', focalUnitCode: '01-SKHCN', issueDate: '2025-10-02', taskCount: 1, reviewComments: [], names: { '01-G-XA-PHUONG': 'UBND các xã, phường' },
      tasks: [{ id: 't1', ordinal: 1, section: 'III.1', content: 'Tuyên truyền', expectedResult: null, directingLeader: null, timeframe: 'Quý IV/2025',
        leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [], assignments: [{ id: 'a1', taskId: 't1', unitCode: '00070', unitName: 'Phường Hoàn Kiếm', role: 'lead', viaGroup: '01-G-XA-PHUONG', succeeds: null, status: 'assigned' }] }],
    });
    fixture.detectChanges();
    await fixture.whenStable();
    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('272/KH-UBND');
    expect(text).toContain('Đã ban hành');
    expect(text).toContain('02/10/2025');
    expect(text).toContain('Phường Hoàn Kiếm');
    expect(text).toContain('Quý IV/2025');
    expect(text).toContain('UBND các xã, phường');
  });
});
