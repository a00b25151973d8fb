import type { Routes } from '@angular/router';
import { MY_WORK_ROUTES } from './my-work/my-work.routes';
import { TRACKING_ROUTES } from './tracking/tracking.routes';

/** Exposed as `./work-routes` by the mfe-plans remote, mounted at /cong-viec in every shell. */
export const WORK_ROUTES: Routes = [...TRACKING_ROUTES, ...MY_WORK_ROUTES];
