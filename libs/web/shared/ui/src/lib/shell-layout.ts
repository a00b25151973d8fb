import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ActivatedRoute, RouterOutlet } from '@angular/router';
import { CurrentAccount } from '@dieu-hanh/web/shared/data-access-api';
import { AppFrame, type NavLink } from './app-frame';

/** The signed-in part of every shell: the frame around the routed page. Title from route data. */
@Component({
  selector: 'dh-shell-layout',
  imports: [AppFrame, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<dh-app-frame [titleKey]="titleKey" [unitName]="unitName()" [links]="links" [notifications]="true"><router-outlet /></dh-app-frame>`,
})
export class ShellLayout {
  protected readonly titleKey: string = inject(ActivatedRoute).snapshot.data['titleKey'] ?? 'app.name';
  private readonly me = inject(CurrentAccount).me;
  protected readonly unitName = computed(() => this.me()?.unit.shortName ?? '');
  protected readonly links: NavLink[] = [
    { path: '/', labelKey: 'nav.home', exact: true },
    { path: '/ke-hoach', labelKey: 'nav.plans' },
    { path: '/cong-viec', labelKey: 'nav.work', label: { vi: 'Công việc', en: 'Work' } },
    { path: '/bao-cao', labelKey: 'nav.reports', label: { vi: 'Báo cáo', en: 'Reports' } },
    { path: '/danh-muc', labelKey: 'nav.directory' },
  ];
}
