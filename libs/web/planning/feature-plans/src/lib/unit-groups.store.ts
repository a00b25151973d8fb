import { Injectable, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { UnitGroupDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { catchError, of, shareReplay } from 'rxjs';

/** The province's unit groups ("UBND các xã, phường"), fetched once for every unit picker of the page. */
@Injectable({ providedIn: 'root' })
export class UnitGroupsStore {
  private readonly groups$ = inject(ApiClient)
    .unitGroups()
    .pipe(
      catchError(() => of([] as UnitGroupDto[])),
      shareReplay(1),
    );
  readonly groups = toSignal(this.groups$, { initialValue: [] as UnitGroupDto[] });
}
