import { type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { from, switchMap } from 'rxjs';
import { AuthService } from './auth.service';
import { SHELL_CONFIG } from './shell-config';

/** Adds the Bearer token to calls to the API, and only to the API. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const config = inject(SHELL_CONFIG);
  if (!req.url.startsWith(config.apiUrl)) return next(req);
  return from(inject(AuthService).token()).pipe(
    switchMap((token) => next(token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req)),
  );
};
