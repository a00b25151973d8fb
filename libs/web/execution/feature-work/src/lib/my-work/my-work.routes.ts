import type { Routes } from '@angular/router';

/**
 * "Việc của tôi" (the list, at /cong-viec) and one assignment's work page (/cong-viec/:assignmentId).
 * Listed after the tracking routes, so their names (theo-doi, tham-dinh…) win over `:assignmentId`.
 */
export const MY_WORK_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./my-work').then((m) => m.MyWork), title: 'Việc của tôi' },
  { path: ':assignmentId', loadComponent: () => import('../assignment-work/assignment-work').then((m) => m.AssignmentWork), title: 'Cập nhật nhiệm vụ' },
];
