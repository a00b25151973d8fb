import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterOutlet } from '@angular/router';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { AppFrame, type NavLink } from '@dieu-hanh/web/shared/ui';
import { catchError, map, of } from 'rxjs';

@Component({
  selector: 'dh-layout',
  imports: [AppFrame, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<dh-app-frame titleKey="shell.ward" [unitName]="unitName() ?? ''" [links]="links"><router-outlet /></dh-app-frame>`,
})
export class Layout {
  protected readonly links: NavLink[] = [
    { path: '/', labelKey: 'nav.home', exact: true },
    { path: '/danh-muc', labelKey: 'nav.directory' },
  ];
  protected readonly unitName = toSignal(
    inject(ApiClient)
      .me()
      .pipe(
        map((me) => me.unit.shortName),
        catchError(() => of(null)),
      ),
  );
}
