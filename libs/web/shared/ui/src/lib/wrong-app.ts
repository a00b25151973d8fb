import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';

const SHELL_TITLE: Record<string, string> = {
  'city-shell': 'shell.city',
  'department-shell': 'shell.department',
  'ward-portal': 'shell.ward',
};

/** Shown to an account that opened another role's app: which app is theirs, a link, nothing else. */
@Component({
  selector: 'dh-wrong-app',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="dh-wrong" role="alert" data-testid="wrong-app">
      <h1>{{ 'wrong.title' | t }}</h1>
      @if (user(); as u) {
        <p>{{ 'wrong.body' | t: { name: u.name, unit: u.unit, shell: shellName() } }}</p>
        <a class="dh-go" [href]="target()">{{ 'wrong.go' | t: { shell: shellName() } }}</a>
      }
      <button type="button" class="dh-out" (click)="auth.logout()">{{ 'auth.logout' | t }}</button>
    </section>
  `,
  styles: `
    .dh-wrong { max-width: 36rem; margin: 12vh auto; padding: 2rem; background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; }
    h1 { font-size: 1.3rem; color: var(--dh-primary); margin-top: 0; }
    .dh-go { display: inline-block; margin-right: 1rem; background: var(--dh-primary); color: #fff; padding: .6rem 1rem; border-radius: 4px; text-decoration: none; }
    .dh-out { font: inherit; background: none; border: 1px solid var(--dh-line); border-radius: 4px; padding: .55rem .9rem; cursor: pointer; color: var(--dh-ink); }
  `,
})
export class WrongApp {
  protected readonly auth = inject(AuthService);
  private readonly config = inject(SHELL_CONFIG);
  private readonly i18n = inject(I18nService);
  protected readonly user = this.auth.user;
  protected readonly target = computed(() => {
    const home = this.auth.homeShell();
    return home ? `${this.config.shellUrls[home]}?realm=${this.user()?.realm ?? ''}` : '/';
  });
  protected readonly shellName = computed(() => {
    this.i18n.lang();
    const home = this.auth.homeShell();
    return home ? this.i18n.t(SHELL_TITLE[home]) : '';
  });
}
