import type { Route } from '@angular/router';
import { DIRECTORY_ROUTES } from '../exposed/routes';

/**
 * The remote on its own serves nothing to users (shells mount `./routes`). Referencing the exposed routes
 * here keeps them in Native Federation's usage scan, so their shared libraries are shared, not copied.
 */
export const appRoutes: Route[] = [{ path: 'preview', children: DIRECTORY_ROUTES }];
