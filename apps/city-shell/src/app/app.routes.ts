import type { Route } from '@angular/router';
import { shellRoutes } from '@dieu-hanh/web/shared/ui';
import { CityHome } from './city-home';

export const appRoutes: Route[] = shellRoutes({ shell: 'city-shell', titleKey: 'shell.city', title: 'Cổng Lãnh đạo Thành phố — Điều Hành', home: CityHome });
