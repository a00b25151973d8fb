import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { CurrentAccount } from '@dieu-hanh/web/shared/data-access-api';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/** Top of every home page: who is signed in, for which unit, at which tier. */
@Component({
  selector: 'dh-home-header',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (user(); as u) {
      <h1 class="dh-page-title" data-testid="greeting">{{ 'home.greeting' | t: { name: u.name } }}</h1>
      <p class="dh-who">
        <span class="dh-chip" data-testid="unit">{{ me()?.unit?.officialName ?? u.unit }}</span>
        <span class="dh-chip">{{ (u.tier === 1 ? 'auth.tier1' : 'auth.tier2') | t }}</span>
      </p>
    }
  `,
  styles: `.dh-who { margin: -.5rem 0 1rem; }`,
})
export class HomeHeader {
  protected readonly user = inject(AuthService).user;
  protected readonly me = inject(CurrentAccount).me;
}
