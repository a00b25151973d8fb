import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PLANS_ROUTES } from './plans.routes';

@Component({ selector: 'dh-test-work', template: 'work list' })
class WorkList {}

describe('PLANS_ROUTES', () => {
  it('sends the old "Việc của đơn vị" address to the work list at /cong-viec', async () => {
    // Mounted as the shells mount them (shell-routes.ts): plans at /ke-hoach, work at /cong-viec.
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'ke-hoach', children: PLANS_ROUTES }, { path: 'cong-viec', component: WorkList }])],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/ke-hoach/nhiem-vu');
    expect(TestBed.inject(Router).url).toBe('/cong-viec');
    expect(harness.routeNativeElement?.textContent).toContain('work list');
  });
});
