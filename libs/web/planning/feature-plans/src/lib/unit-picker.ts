import { ChangeDetectionStrategy, Component, DestroyRef, computed, forwardRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';
import type { UnitDto, UnitRefDto } from '@dieu-hanh/shared/contracts';
import { foldVietnamese } from '@dieu-hanh/shared/util-text';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { UnitGroupsStore } from './unit-groups.store';

let nextId = 0;

/** The code a reference names, or null for a pending one. */
export function refCode(r: UnitRefDto): string | null {
  return 'unit' in r ? r.unit : 'group' in r ? r.group : null;
}

/**
 * Picks units (diacritic-insensitive search of GET /units) and, when allowed, whole groups (GET
 * /unit-groups). `scope` limits the choice to one commune's own offices. Value: UnitRefDto[].
 */
@Component({
  selector: 'dh-unit-picker',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => UnitPicker), multi: true }],
  template: `
    <div class="dh-picker" role="group" [attr.aria-labelledby]="uid + '-label'">
      <span class="dh-label" [id]="uid + '-label'">{{ label() }}</span>
      @if (value().length === 0) {
        <p class="dh-none">{{ 'units.none' | t }}</p>
      } @else {
        <ul class="dh-chosen">
          @for (r of value(); track $index) {
            <li [class.dh-pending]="!code(r)" [attr.data-testid]="'picked-' + (code(r) ?? 'pending')">
              @if (code(r); as c) {
                @if ('group' in r) { <span class="dh-tag">{{ 'units.group' | t }}</span> }
                {{ nameOf(c) }}
              } @else {
                <span aria-hidden="true">⚠ </span>{{ 'units.pending' | t: { text: pendingText(r) } }}
              }
              <button type="button" class="dh-x" [disabled]="disabled()" [title]="'units.remove' | t: { name: refLabel(r) }" (click)="remove($index)"><span aria-hidden="true">✕</span><span class="dh-sr">{{ 'units.remove' | t: { name: refLabel(r) } }}</span></button>
            </li>
          }
        </ul>
      }
      <div class="dh-row">
        <label class="dh-sr" [for]="uid + '-q'">{{ 'units.search' | t }} — {{ label() }}</label>
        <input [id]="uid + '-q'" type="search" autocomplete="off" [placeholder]="'units.search' | t" [disabled]="disabled()"
          [value]="query()" (input)="onQuery($any($event.target).value)" data-testid="unit-picker-search" />
        @if (allowGroups() && groups().length) {
          <label class="dh-sr" [for]="uid + '-g'">{{ 'units.groups' | t }} — {{ label() }}</label>
          <select [id]="uid + '-g'" [disabled]="disabled()" (change)="pickGroup($any($event.target))" data-testid="unit-picker-group">
            <option value="">{{ 'units.pickGroup' | t }}</option>
            @for (g of groups(); track g.code) {
              <option [value]="g.code">{{ g.name }} ({{ 'units.members' | t: { count: g.memberCount } }})</option>
            }
          </select>
        }
      </div>
      @if (results().length) {
        <ul class="dh-results" data-testid="unit-picker-results">
          @for (u of results(); track u.code) {
            <li>
              <button type="button" (click)="pickUnit(u)">{{ u.shortName }} <code>{{ u.code }}</code></button>
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    .dh-picker { display: grid; gap: .3rem; }
    .dh-label { font-size: .85rem; font-weight: 600; color: var(--dh-ink); }
    .dh-none { margin: 0; font-size: .82rem; color: var(--dh-muted); }
    .dh-chosen, .dh-results { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
    .dh-chosen li { background: #e3ecf5; border-radius: 999px; padding: .1rem .2rem .1rem .6rem; font-size: .85rem; display: inline-flex; align-items: center; gap: .25rem; }
    .dh-chosen li.dh-pending { background: #fff4e0; color: var(--dh-warn); border: 1px solid var(--dh-warn); }
    .dh-tag { font-size: .7rem; text-transform: uppercase; color: var(--dh-muted); }
    .dh-x { border: 0; background: transparent; cursor: pointer; color: var(--dh-ink); padding: .1rem .35rem; border-radius: 999px; }
    .dh-row { display: flex; flex-wrap: wrap; gap: .4rem; }
    .dh-row input, .dh-row select { font: inherit; font-size: .9rem; padding: .35rem .5rem; border: 1px solid #8a97a5; border-radius: 4px; background: #fff; min-width: 0; }
    .dh-row input { flex: 1 1 14rem; }
    .dh-row select { flex: 1 1 12rem; max-width: 100%; }
    .dh-results button { border: 1px solid var(--dh-line); background: #fff; border-radius: 6px; padding: .2rem .5rem; cursor: pointer; font: inherit; font-size: .85rem; }
    .dh-results code { color: var(--dh-muted); font-size: .75rem; }
    .dh-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `,
})
export class UnitPicker implements ControlValueAccessor {
  private readonly api = inject(ApiClient);
  private readonly groupsStore = inject(UnitGroupsStore);
  readonly label = input.required<string>();
  readonly allowGroups = input(true);
  /** Only one unit (a focal unit): picking replaces. */
  readonly single = input(false);
  /** A commune code: only that commune's own offices may be picked. */
  readonly scope = input<string | null>(null);
  /** Names known from the plan (code → name). */
  readonly names = input<Record<string, string>>({});

  protected readonly uid = `dh-units-${nextId++}`;
  protected readonly value = signal<UnitRefDto[]>([]);
  protected readonly disabled = signal(false);
  protected readonly query = signal('');
  protected readonly results = signal<UnitDto[]>([]);
  private readonly learned = signal<Record<string, string>>({});
  protected readonly groups = computed(() => (this.scope() ? [] : this.groupsStore.groups()));
  private readonly queries = new Subject<string>();
  private onChange: (v: UnitRefDto[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  constructor() {
    this.queries
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => {
          if (foldVietnamese(q).length < 2) return of([] as UnitDto[]);
          const scope = this.scope();
          return this.api.searchUnits({ q, limit: 8, ...(scope ? { parent: scope } : {}) }).pipe(
            catchError(() => of({ items: [] as UnitDto[] })),
            switchMap((r) => of(scope ? r.items.filter((u) => u.code.startsWith(`${scope}-`) || u.parentCode === scope) : r.items)),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((units) => this.results.set(units));
  }

  protected code = refCode;

  protected nameOf(code: string): string {
    return this.learned()[code] ?? this.names()[code] ?? this.groupsStore.groups().find((g) => g.code === code)?.name ?? code;
  }

  protected pendingText(r: UnitRefDto): string {
    return 'pending' in r ? r.pending : '';
  }

  protected refLabel(r: UnitRefDto): string {
    const c = refCode(r);
    return c ? this.nameOf(c) : this.pendingText(r);
  }

  protected onQuery(q: string): void {
    this.query.set(q);
    this.queries.next(q.trim());
  }

  protected pickUnit(u: UnitDto): void {
    this.learned.update((m) => ({ ...m, [u.code]: u.shortName }));
    this.add({ unit: u.code });
    this.query.set('');
    this.results.set([]);
    this.queries.next('');
  }

  protected pickGroup(select: HTMLSelectElement): void {
    const code = select.value;
    select.value = '';
    if (code) this.add({ group: code });
  }

  protected remove(index: number): void {
    this.set(this.value().filter((_, i) => i !== index));
  }

  private add(ref: UnitRefDto): void {
    const code = refCode(ref);
    if (this.value().some((r) => refCode(r) === code)) return;
    this.set(this.single() ? [ref] : [...this.value(), ref]);
  }

  private set(v: UnitRefDto[]): void {
    this.value.set(v);
    this.onChange(v);
    this.onTouched();
  }

  writeValue(v: UnitRefDto[] | null): void {
    this.value.set(v ?? []);
  }
  registerOnChange(fn: (v: UnitRefDto[]) => void): void {
    this.onChange = fn;
  }
  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }
  setDisabledState(d: boolean): void {
    this.disabled.set(d);
  }
}
