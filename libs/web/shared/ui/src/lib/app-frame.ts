import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, input, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive } from '@angular/router';
import { filter } from 'rxjs';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { NotificationBell } from './notification-bell';

export interface NavLink {
  path: string;
  labelKey: string;
  /** The label itself (Vietnamese and English) when it has no key in the messages. */
  label?: { vi: string; en: string };
  exact?: boolean;
}

/**
 * The frame every shell shares: who is signed in (name, unit, tier), the language toggle, sign-out,
 * the shell's navigation, and the page. Calm, dense, keyboard-first. On a 375 px phone the bar stays
 * one row (names shrink, the sign-out button becomes an icon) and the tabs scroll sideways, the
 * current one brought into view.
 */
@Component({
  selector: 'dh-app-frame',
  // Plain elements, not Material: the frame is on every first paint and must stay light.
  imports: [RouterLink, RouterLinkActive, TranslatePipe, NotificationBell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-frame.html',
  styleUrl: './app-frame.scss',
})
export class AppFrame {
  readonly titleKey = input.required<string>();
  readonly unitName = input<string>('');
  readonly links = input<NavLink[]>([]);
  /** Shows the notifications bell (signed-in shells only). */
  readonly notifications = input(false);
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly user = this.auth.user;
  private readonly nav = viewChild<ElementRef<HTMLElement>>('nav');

  constructor() {
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => setTimeout(() => this.revealActiveTab()));
  }

  protected label(l: NavLink): string {
    return l.label ? l.label[this.i18n.lang()] : this.i18n.t(l.labelKey);
  }

  /** Scrolls the tab strip (not the page) so that the current tab is visible. */
  protected revealActiveTab(): void {
    const nav = this.nav()?.nativeElement;
    const active = nav?.querySelector<HTMLElement>('a.dh-active');
    if (!nav || !active) return;
    const n = nav.getBoundingClientRect();
    const a = active.getBoundingClientRect();
    if (a.left < n.left) nav.scrollLeft -= n.left - a.left;
    else if (a.right > n.right) nav.scrollLeft += a.right - n.right;
  }

  protected readonly initials = computed(() =>
    (this.user()?.name ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(-2)
      .map((w) => w[0])
      .join('')
      .toUpperCase(),
  );
}
