import { loadRemoteModule } from '@angular-architects/native-federation';
import type { Route } from '@angular/router';
import { WRONG_APP_PATH, shellGuard } from '@dieu-hanh/web/shared/auth';
import { WrongApp } from '@dieu-hanh/web/shared/ui';
import { WardHome } from './ward-home';
import { Layout } from './layout';

export const appRoutes: Route[] = [
  { path: WRONG_APP_PATH, component: WrongApp, title: 'Điều Hành' },
  {
    path: '',
    component: Layout,
    canActivate: [shellGuard('ward-portal')],
    children: [
      { path: '', component: WardHome, title: 'Cổng Xã, phường — Điều Hành' },
      {
        path: 'danh-muc',
        loadChildren: () => loadRemoteModule('mfe-directory', './routes').then((m) => m.DIRECTORY_ROUTES),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
