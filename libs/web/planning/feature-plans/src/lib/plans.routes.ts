import type { Routes } from '@angular/router';
import { ApprovalsInbox } from './approvals-inbox';
import { AssignmentDetail } from './assignment-detail';
import { PlanEditor } from './plan-editor';
import { PlanList } from './plan-list';
import { PlanViewer } from './plan-viewer';

/**
 * Exposed as `./routes` by the mfe-plans remote (mounted at /ke-hoach in every shell): plan list,
 * approvals inbox, the editor (new, edit, implementing plan, amendment), viewer and assignment detail.
 * The unit's work list lives at /cong-viec (execution); the old address `nhiem-vu` leads there.
 */
export const PLANS_ROUTES: Routes = [
  { path: '', component: PlanList, title: 'Kế hoạch' },
  { path: 'moi', component: PlanEditor, title: 'Soạn kế hoạch', data: { mode: 'new' } },
  { path: 'cho-duyet', component: ApprovalsInbox, title: 'Kế hoạch chờ phê duyệt' },
  { path: 'nhiem-vu', redirectTo: '/cong-viec', pathMatch: 'full' },
  { path: ':id', component: PlanViewer, title: 'Kế hoạch' },
  { path: ':id/sua', component: PlanEditor, title: 'Sửa kế hoạch', data: { mode: 'edit' } },
  { path: ':id/dieu-chinh', component: PlanEditor, title: 'Điều chỉnh kế hoạch', data: { mode: 'amend' } },
  { path: ':id/trien-khai', component: PlanEditor, title: 'Lập kế hoạch triển khai', data: { mode: 'implement' } },
  { path: ':id/giao-viec/:assignmentId', component: AssignmentDetail, title: 'Nhiệm vụ được giao' },
];
