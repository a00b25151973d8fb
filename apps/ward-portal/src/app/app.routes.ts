import type { Route } from '@angular/router';
import { shellRoutes } from '@dieu-hanh/web/shared/ui';
import { WardHome } from './ward-home';

export const appRoutes: Route[] = shellRoutes({ shell: 'ward-portal', titleKey: 'shell.ward', title: 'Cổng Xã, phường — Điều Hành', home: WardHome });
