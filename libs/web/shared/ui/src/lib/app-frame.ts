import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { NotificationBell } from './notification-bell';

export interface NavLink {
  path: string;
  labelKey: string;
  exact?: boolean;
}

/**
 * The frame every shell shares: who is signed in (name, unit, tier), the language toggle, sign-out,
 * the shell's navigation, and the page. Calm, dense, keyboard-first.
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
