import type { Routes } from '@angular/router';

/** Tracking, verification queue and the leader's inbox (owner: department/city work). */
export const TRACKING_ROUTES: Routes = [];
