import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { BilingualMessage, ReviewCommentDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe, I18nService } from '@dieu-hanh/web/shared/i18n';

/** Beside a field: the leader's comments about it (on a returned draft) and the API's errors for it. */
@Component({
  selector: 'dh-field-notes',
  imports: [DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (c of comments() ?? []; track $index) {
      <p class="dh-comment" data-testid="field-comment"><span aria-hidden="true">💬 </span>{{ c.text }} <small>— {{ c.by }}, {{ c.at | dmy }}</small></p>
    }
    @for (e of errors() ?? []; track $index) {
      <p class="dh-error" role="alert" data-testid="field-error">{{ i18n.lang() === 'en' ? e.en : e.vi }}</p>
    }
  `,
  styles: `
    :host { display: block; }
    p { margin: .2rem 0 0; font-size: .82rem; padding: .2rem .5rem; border-radius: 4px; }
    .dh-comment { background: #fff8e1; border-left: 3px solid #c99a00; color: var(--dh-ink); }
    .dh-comment small { color: var(--dh-muted); }
    .dh-error { background: #fdecea; border-left: 3px solid #b3261e; color: #8c1d18; }
  `,
})
export class FieldNotes {
  protected readonly i18n = inject(I18nService);
  readonly comments = input<ReviewCommentDto[] | undefined>([]);
  readonly errors = input<BilingualMessage[] | undefined>([]);
}
