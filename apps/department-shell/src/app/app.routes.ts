import type { Route } from '@angular/router';
import { shellRoutes } from '@dieu-hanh/web/shared/ui';
import { DepartmentHome } from './department-home';

export const appRoutes: Route[] = shellRoutes({ shell: 'department-shell', titleKey: 'shell.department', title: 'Cổng Sở, ban, ngành — Điều Hành', home: DepartmentHome });
