import type { Routes } from '@angular/router';
import { UnitDetail } from './unit-detail';
import { UnitDirectory } from './unit-directory';

/** Exposed as `./routes` by the mfe-directory remote; mounted by every shell. */
export const DIRECTORY_ROUTES: Routes = [
  { path: '', component: UnitDirectory, title: 'Danh mục đơn vị' },
  { path: ':code', component: UnitDetail, title: 'Đơn vị' },
];
