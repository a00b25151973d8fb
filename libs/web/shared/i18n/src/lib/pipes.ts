import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18nService } from './i18n.service';
import { formatDmy, formatNumberVi } from './format';

/** `{{ 'home.greeting' | t: { name } }}` — impure so it follows the language toggle. */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  transform(key: string, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }
}

@Pipe({ name: 'dmy' })
export class DmyPipe implements PipeTransform {
  transform(value: string | Date | null | undefined): string {
    return formatDmy(value);
  }
}

@Pipe({ name: 'numVi' })
export class NumberViPipe implements PipeTransform {
  transform(value: number | null | undefined, digits = 0): string {
    return value === null || value === undefined ? '' : formatNumberVi(value, digits);
  }
}
