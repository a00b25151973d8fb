import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Shell } from '@dieu-hanh/shared/contracts';
import { AuthService } from './auth.service';

export const WRONG_APP_PATH = 'sai-ung-dung';

/** Lets in only accounts whose home is this shell; anyone else is told which app is theirs. */
export function shellGuard(shell: Shell): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    return auth.homeShell() === shell ? true : inject(Router).createUrlTree([`/${WRONG_APP_PATH}`]);
  };
}

/** For routes inside a shell that need a role (e.g. the administrator's directory tools). */
export function roleGuard(...roles: string[]): CanActivateFn {
  return () => roles.some((r) => inject(AuthService).hasRole(r));
}
