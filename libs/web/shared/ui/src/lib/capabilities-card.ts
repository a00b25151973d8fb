import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { InfoCard } from './info-card';

/** "Bạn có thể": what the account's roles allow, in words. */
@Component({
  selector: 'dh-capabilities-card',
  imports: [InfoCard, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-info-card [heading]="'home.youMay' | t">
      <ul class="dh-list" data-testid="capabilities">
        @for (r of user()?.roles ?? []; track r) {
          <li>{{ 'cap.' + r | t }}</li>
        }
      </ul>
    </dh-info-card>
  `,
})
export class CapabilitiesCard {
  protected readonly user = inject(AuthService).user;
}
