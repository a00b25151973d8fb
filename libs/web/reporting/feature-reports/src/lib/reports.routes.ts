import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * Báo cáo, exposed as `./report-routes` by the mfe-plans remote and mounted at /bao-cao in every shell.
 * The dashboards load ECharts (tree-shaken, see dashboard/echarts-setup.ts) on their first chart only.
 */
export const REPORT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./home/reports-home').then((m) => m.ReportsHome), title: 'Báo cáo' },
  { path: 'don-vi/:reportId', loadComponent: () => import('./unit-report/unit-report-editor').then((m) => m.UnitReportEditor), title: 'Báo cáo của đơn vị' },
  { path: 'ky/:periodId/theo-doi', loadComponent: () => import('./tracker/submission-tracker').then((m) => m.SubmissionTracker), title: 'Theo dõi nộp báo cáo' },
  { path: 'tong-hop/:id', loadComponent: () => import('./consolidated/consolidated-report').then((m) => m.ConsolidatedReport), title: 'Báo cáo tổng hợp' },
  {
    path: 'tong-quan',
    providers: [provideEchartsCore({ echarts: () => import('./dashboard/echarts-setup').then((m) => m.default) })],
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./dashboard/portfolio').then((m) => m.Portfolio), title: 'Tổng quan thực hiện kế hoạch' },
      { path: ':planId', loadComponent: () => import('./dashboard/plan-dashboard').then((m) => m.PlanDashboard), title: 'Tổng quan kế hoạch' },
    ],
  },
  { path: 'diem-so', loadComponent: () => import('./scorecard/scorecard').then((m) => m.Scorecard), title: 'Kết quả của đơn vị' },
];
