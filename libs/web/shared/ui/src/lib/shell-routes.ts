import { loadRemoteModule } from '@angular-architects/native-federation';
import type { Routes } from '@angular/router';
import type { Type } from '@angular/core';
import type { Shell } from '@dieu-hanh/shared/contracts';
import { WRONG_APP_PATH, shellGuard } from '@dieu-hanh/web/shared/auth';
import { ShellLayout } from './shell-layout';
import { WrongApp } from './wrong-app';

/**
 * The route table every shell shares: the wrong-app page, then — for accounts whose home is this
 * shell — the home page and the remotes loaded at run time from the federation manifest.
 */
export function shellRoutes(o: { shell: Shell; titleKey: string; title: string; home: Type<unknown> }): Routes {
  return [
    { path: WRONG_APP_PATH, component: WrongApp, title: 'Điều Hành' },
    {
      path: '',
      component: ShellLayout,
      canActivate: [shellGuard(o.shell)],
      data: { titleKey: o.titleKey },
      children: [
        { path: '', component: o.home, title: o.title },
        {
          path: 'ke-hoach',
          loadChildren: () => loadRemoteModule('mfe-plans', './routes').then((m) => m.PLANS_ROUTES),
        },
        {
          path: 'cong-viec',
          loadChildren: () => loadRemoteModule('mfe-plans', './work-routes').then((m) => m.WORK_ROUTES),
        },
        {
          path: 'bao-cao',
          loadChildren: () => loadRemoteModule('mfe-plans', './report-routes').then((m) => m.REPORT_ROUTES),
        },
        {
          path: 'danh-muc',
          loadChildren: () => loadRemoteModule('mfe-directory', './routes').then((m) => m.DIRECTORY_ROUTES),
        },
      ],
    },
    { path: '**', redirectTo: '' },
  ];
}
