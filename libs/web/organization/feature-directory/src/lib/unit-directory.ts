import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { UNIT_KINDS, type UnitKind, type UnitMatchDto, type UnitSearchResultDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, I18nService, TranslatePipe, formatDmy } from '@dieu-hanh/web/shared/i18n';
import { catchError, combineLatest, debounceTime, of, startWith, switchMap } from 'rxjs';

/** Search the unit directory (diacritic-insensitive, within the caller's scope, decided by the API). */
@Component({
  selector: 'dh-unit-directory',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="dh-page-title">{{ 'dir.title' | t }}</h1>
    <div class="dh-filters">
      <mat-form-field appearance="outline" class="dh-q">
        <mat-label>{{ 'dir.search' | t }}</mat-label>
        <input matInput [formControl]="q" type="search" autocomplete="off" data-testid="unit-search" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'dir.kind' | t }}</mat-label>
        <mat-select [formControl]="kind">
          <mat-option value="">{{ 'dir.kind.all' | t }}</mat-option>
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ 'kind.' + k | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>
    @if (error()) {
      <p role="alert">{{ 'error.load' | t }}</p>
    } @else {
      <p class="dh-total" aria-live="polite">{{ 'dir.total' | t: { count: total() } }}</p>
      @if (units().length === 0) {
        <p class="dh-empty">{{ 'dir.none' | t }}</p>
      } @else {
        <table class="dh-table" data-testid="unit-table">
          <thead>
            <tr>
              <th scope="col">{{ 'dir.code' | t }}</th>
              <th scope="col">{{ 'dir.name' | t }}</th>
              <th scope="col">{{ 'dir.kind' | t }}</th>
              <th scope="col">{{ 'dir.validFrom' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (u of units(); track u.code) {
              <tr>
                <td><code>{{ u.code }}</code></td>
                <td>
                  <a [routerLink]="[u.code]">{{ u.shortName }}</a>
                  @if (u.matched; as m) {
                    <span class="dh-why" [attr.data-testid]="'unit-match-' + u.code">{{ why(m) }}</span>
                  }
                </td>
                <td>{{ 'kind.' + u.kind | t }}</td>
                <td>{{ u.validFrom | dmy }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
  styles: `
    .dh-filters { display: flex; gap: 1rem; flex-wrap: wrap; }
    .dh-q { flex: 1 1 18rem; }
    .dh-total { color: var(--dh-muted); font-size: .85rem; margin: 0 0 .5rem; }
    .dh-table { width: 100%; border-collapse: collapse; background: #fff; font-size: .9rem; }
    .dh-table th, .dh-table td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--dh-line); }
    .dh-table th { background: #e9eff5; font-weight: 600; }
    .dh-why { display: block; font-size: .8rem; color: var(--dh-muted); margin-top: .15rem; }
    @media (max-width: 600px) { .dh-table th:nth-child(4), .dh-table td:nth-child(4), .dh-table th:nth-child(1), .dh-table td:nth-child(1) { display: none; } }
  `,
})
export class UnitDirectory {
  private readonly api = inject(ApiClient);
  protected readonly kinds = UNIT_KINDS;
  protected readonly q = new FormControl('', { nonNullable: true });
  protected readonly kind = new FormControl<UnitKind | ''>('', { nonNullable: true });
  private readonly i18n = inject(I18nService);
  protected readonly units = signal<UnitSearchResultDto[]>([]);
  protected readonly total = signal(0);
  protected readonly error = signal(false);

  /** Why a unit was found by words its own names do not hold: a unit it succeeds, or another name. */
  protected why(m: UnitMatchDto): string {
    const en = this.i18n.lang() === 'en';
    if (m.via === 'predecessor' && m.predecessorName) {
      const date = formatDmy(m.effectiveDate ?? null);
      const how = en
        ? `successor of ${m.predecessorName}${date ? ` since ${date}` : ''}${m.successionKind === 'merged-into' ? ' (merged)' : ''}`
        : `kế thừa ${m.predecessorName}${date ? ` từ ${date}` : ''}${m.successionKind === 'merged-into' ? ' (hợp nhất)' : ''}`;
      return en ? `Found by “${m.text}”: ${how}` : `Tìm thấy theo “${m.text}”: ${how}`;
    }
    return en ? `Found by its other name “${m.text}”` : `Tìm thấy theo tên gọi khác “${m.text}”`;
  }

  constructor() {
    combineLatest([this.q.valueChanges.pipe(startWith(''), debounceTime(200)), this.kind.valueChanges.pipe(startWith(''))])
      .pipe(
        switchMap(([q, kind]) =>
          this.api.searchUnits({ q: q.trim() || undefined, kind: (kind || undefined) as UnitKind | undefined, limit: 100 }).pipe(
            catchError(() => {
              this.error.set(true);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((res) => {
        if (!res) return;
        this.error.set(false);
        this.units.set(res.items);
        this.total.set(res.total);
      });
  }
}
