import type { Route } from '@angular/router';
import { PLANS_ROUTES } from '../exposed/routes';
import { WORK_ROUTES } from '../exposed/work-routes';
import { REPORT_ROUTES } from '../exposed/report-routes';

/** Referencing the exposed routes keeps them in Native Federation's usage scan (shared, not copied). */
export const appRoutes: Route[] = [
  { path: 'preview', children: PLANS_ROUTES },
  { path: 'preview-work', children: WORK_ROUTES },
  { path: 'preview-reports', children: REPORT_ROUTES },
];
