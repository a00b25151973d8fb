import type { Routes } from '@angular/router';
import { AssignmentDetail } from './assignment-detail';
import { PlanList } from './plan-list';
import { PlanViewer } from './plan-viewer';

/** Exposed as `./routes` by the mfe-plans remote: plan list, plan viewer and assignment detail. */
export const PLANS_ROUTES: Routes = [
  { path: '', component: PlanList, title: 'Kế hoạch' },
  { path: ':id', component: PlanViewer, title: 'Kế hoạch' },
  { path: ':id/giao-viec/:assignmentId', component: AssignmentDetail, title: 'Nhiệm vụ được giao' },
];
