import type { Routes } from '@angular/router';

/** "Việc của tôi" and one assignment's work page (owner: ward work). */
export const MY_WORK_ROUTES: Routes = [];
