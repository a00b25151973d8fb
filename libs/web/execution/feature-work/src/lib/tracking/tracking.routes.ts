import type { Routes } from '@angular/router';

/**
 * Tracking (department and city): the tracking board with urging, the verification queue and the
 * leader's inbox, under /cong-viec. Listed before the work list's `:assignmentId`, so these names win.
 */
export const TRACKING_ROUTES: Routes = [
  { path: 'theo-doi', loadComponent: () => import('./tracking-board').then((m) => m.TrackingBoard), title: 'Theo dõi, đôn đốc' },
  { path: 'tham-dinh', loadComponent: () => import('./verification-queue').then((m) => m.VerificationQueue), title: 'Hàng chờ thẩm định' },
  { path: 'hop-thu-lanh-dao', loadComponent: () => import('./leader-inbox').then((m) => m.LeaderInbox), title: 'Hộp thư lãnh đạo' },
];
