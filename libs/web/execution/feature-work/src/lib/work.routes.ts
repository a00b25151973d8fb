import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { NotificationStream } from '@dieu-hanh/web/shared/ui';
import { WORK_LIVE_CHANGES } from './assignment-work/assignment-work';
import { MY_WORK_ROUTES } from './my-work/my-work.routes';
import { TRACKING_ROUTES } from './tracking/tracking.routes';

/**
 * Exposed as `./work-routes` by the mfe-plans remote, mounted at /cong-viec in every shell. Its pages
 * follow others' actions through the shell's live notification stream (one shared SSE connection).
 */
export const WORK_ROUTES: Routes = [
  {
    path: '',
    providers: [{ provide: WORK_LIVE_CHANGES, useFactory: () => inject(NotificationStream).messages$ }],
    children: [...TRACKING_ROUTES, ...MY_WORK_ROUTES],
  },
];
