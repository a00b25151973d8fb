import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { MeDto } from '@dieu-hanh/shared/contracts';
import { catchError, of, shareReplay } from 'rxjs';
import { ApiClient } from './api-client';

/** The signed-in account as the API knows it (unit names from the directory), fetched once per page load. */
@Injectable({ providedIn: 'root' })
export class CurrentAccount {
  private readonly me$ = inject(ApiClient)
    .me()
    .pipe(
      catchError(() => of(null)),
      shareReplay(1),
    );
  readonly me = toSignal<MeDto | null>(this.me$, { initialValue: null });
}
