import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { AuthService } from './auth.service';
import { SHELL_CONFIG } from './shell-config';

/** One login realm per province (Keycloak): the user picks theirs once; it is remembered. */
@Component({
  selector: 'dh-root',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="dh-realm-picker">
      <h1>{{ 'realm.title' | t }}</h1>
      <p>{{ 'realm.hint' | t }}</p>
      <ul>
        @for (r of config.realms; track r.realm) {
          <li><button type="button" (click)="choose(r.realm)">{{ r.name }}</button></li>
        }
      </ul>
      <button type="button" class="dh-lang" (click)="i18n.toggle()">{{ i18n.lang() === 'vi' ? 'English' : 'Tiếng Việt' }}</button>
    </main>
  `,
  styles: `
    .dh-realm-picker { max-width: 28rem; margin: 10vh auto; padding: 2rem; font-family: Roboto, 'Segoe UI', sans-serif; }
    h1 { font-size: 1.4rem; color: #0b3d6b; }
    ul { list-style: none; padding: 0; display: grid; gap: .75rem; }
    li button { width: 100%; padding: .9rem 1rem; font-size: 1rem; border: 1px solid #0b3d6b; background: #fff; color: #0b3d6b; border-radius: 6px; cursor: pointer; }
    li button:hover, li button:focus-visible { background: #0b3d6b; color: #fff; }
    .dh-lang { margin-top: 1.5rem; background: none; border: none; color: #0b3d6b; text-decoration: underline; cursor: pointer; }
  `,
})
export class RealmPicker {
  protected readonly config = inject(SHELL_CONFIG);
  protected readonly i18n = inject(I18nService);

  choose(realm: string): void {
    AuthService.rememberRealm(realm);
    location.reload();
  }
}
