import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { BilingualMessage, PlanDetailDto, PlanDraftRequest, ReviewCommentDto, UnitRefDto } from '@dieu-hanh/shared/contracts';
import { AuthService } from '@dieu-hanh/web/shared/auth';
import { ApiClient, CurrentAccount, type PlanWriteResult } from '@dieu-hanh/web/shared/data-access-api';
import { I18nService, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { type Observable, switchMap, tap } from 'rxjs';
import { FieldNotes } from './field-notes';
import { draftOf, fromLines, implementingDraft, toLines } from './plan-draft';
import { type ReadProblem, anchorOf, readProblem } from './problem';
import { TimeframePreview } from './timeframe-preview';
import { UnitPicker, refCode } from './unit-picker';

type Refs = FormControl<UnitRefDto[]>;
type TaskForm = FormGroup<{
  id: FormControl<string | null>;
  parentTaskId: FormControl<string | null>;
  section: FormControl<string>;
  content: FormControl<string>;
  expectedResult: FormControl<string>;
  leads: Refs;
  coordinators: Refs;
  directingLeader: FormControl<string>;
  timeframe: FormControl<string>;
  notes: FormControl<string>;
}>;
type TargetForm = FormGroup<{ year: FormControl<number>; text: FormControl<string> }>;
type IndicatorForm = FormGroup<{
  id: FormControl<string | null>;
  section: FormControl<string>;
  name: FormControl<string>;
  targets: FormArray<TargetForm>;
  directingLeader: FormControl<string>;
  focal: Refs;
  implementing: Refs;
  coordinators: Refs;
}>;
type SectionForm = FormGroup<{ code: FormControl<string>; title: FormControl<string> }>;
type DutyForm = FormGroup<{ text: FormControl<string>; unitCode: FormControl<string | null>; timeframe: FormControl<string> }>;

export type EditorMode = 'new' | 'edit' | 'implement' | 'amend';

/**
 * The plan editor: a new draft, a draft or returned plan to revise, or a commune's implementing plan
 * prefilled from the city's plan, or an amendment of an issued plan (the whole content and its reason;
 * tasks keep their ids so the API can tell which assignments change). Save (POST, or PUT with the
 * version), then submit. A returned plan shows the leader's comments beside the fields they name; a
 * 400's field errors are shown the same way.
 */
@Component({
  selector: 'dh-plan-editor',
  imports: [ReactiveFormsModule, RouterLink, TranslatePipe, UnitPicker, TimeframePreview, FieldNotes],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-editor.html',
  styleUrl: './plan-editor.css',
})
export class PlanEditor {
  private readonly api = inject(ApiClient);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18nService);
  private readonly user = inject(AuthService).user;

  /** The plan to edit (mode edit) or the parent plan (mode implement); unset for a new plan. */
  readonly id = input<string | undefined>(undefined);
  readonly mode = input<EditorMode>('new');

  protected readonly planId = signal<string | null>(null);
  protected readonly version = signal<number | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly parentTitle = signal<string | null>(null);
  private readonly planNames = signal<Record<string, string>>({});
  private readonly me = inject(CurrentAccount).me;
  /** Names of the units the plan refers to, and of my own unit (a new draft has no names map yet). */
  protected readonly names = computed(() => {
    const unit = this.me()?.unit;
    return unit ? { [unit.code]: unit.shortName, ...this.planNames() } : this.planNames();
  });
  protected readonly comments = signal<ReviewCommentDto[]>([]);
  protected readonly problem = signal<ReadProblem | null>(null);
  protected readonly conflict = signal<number | null>(null);
  protected readonly savedVersion = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly loaded = signal(false);
  protected readonly loadFailed = signal(false);
  protected readonly invalid = signal(false);
  protected readonly notEditable = computed(() => {
    const s = this.status();
    if (this.mode() === 'amend') return s !== null && s !== 'issued';
    return s !== null && s !== 'draft' && s !== 'returned';
  });
  /** Why the issued plan changes (lý do điều chỉnh): required for an amendment, recorded in its history. */
  protected readonly reason = new FormControl('', { nonNullable: true });
  /** A commune works only with its own offices: the pickers are limited to its units, without groups. */
  protected readonly scope = computed(() => (this.user()?.tier === 2 ? this.user()?.unit ?? null : null));

  protected readonly form = this.fb.group({
    title: this.fb.control('', Validators.required),
    symbol: this.fb.control(''),
    year: this.fb.control(new Date().getFullYear(), [Validators.required, Validators.min(2000), Validators.max(2100)]),
    theme: this.fb.control(''),
    focal: this.fb.control<UnitRefDto[]>([]),
    legalBases: this.fb.control(''),
    purposes: this.fb.control(''),
    directingLeaders: this.fb.control(''),
    parentPlanId: new FormControl<string | null>(null),
    reportingDuties: this.fb.array<DutyForm>([]),
    sections: this.fb.array<SectionForm>([]),
    tasks: this.fb.array<TaskForm>([]),
    indicators: this.fb.array<IndicatorForm>([]),
  });

  /** The review comments and API errors per field anchor; those about no field go to the top. */
  protected readonly commentsAt = computed(() => groupBy(this.comments(), (c) => anchorOf(c.field)));
  protected readonly errorsAt = computed(() => {
    const out: Record<string, BilingualMessage[]> = {};
    for (const [field, messages] of Object.entries(this.problem()?.fields ?? {})) (out[anchorOf(field) ?? ''] ??= []).push(...messages);
    return out;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const mode = this.mode();
      untracked(() => this.load(mode, id));
    });
  }

  private load(mode: EditorMode, id: string | undefined): void {
    if (mode === 'new' || !id) {
      const unit = this.user()?.unit;
      this.reset({ title: '', year: new Date().getFullYear(), focalUnitCode: unit ?? null, tasks: [] });
      this.addTask();
      this.loaded.set(true);
      return;
    }
    this.api.plan(id).subscribe({
      next: (p) => {
        this.planNames.set(p.names);
        if (mode === 'implement') {
          this.parentTitle.set(p.title);
          this.reset(implementingDraft(p, this.user()?.unit ?? ''));
          if (this.tasks.length === 0) this.addTask();
        } else {
          this.accept(p);
        }
        this.loaded.set(true);
      },
      error: () => this.loadFailed.set(true),
    });
  }

  /** Takes a plan from the server as the editor's content (after load or reload). */
  private accept(p: PlanDetailDto): void {
    this.planId.set(p.id);
    this.version.set(p.version);
    this.status.set(p.status);
    this.planNames.set(p.names);
    this.comments.set(p.status === 'returned' ? p.reviewComments : []);
    this.reset(draftOf(p));
    if (this.notEditable()) this.form.disable();
  }

  protected reload(): void {
    const id = this.planId();
    if (!id) return;
    this.api.plan(id).subscribe((p) => {
      this.conflict.set(null);
      this.problem.set(null);
      this.accept(p);
    });
  }

  get tasks(): FormArray<TaskForm> {
    return this.form.controls.tasks;
  }
  get indicators(): FormArray<IndicatorForm> {
    return this.form.controls.indicators;
  }
  get sections(): FormArray<SectionForm> {
    return this.form.controls.sections;
  }
  get duties(): FormArray<DutyForm> {
    return this.form.controls.reportingDuties;
  }

  private reset(d: PlanDraftRequest): void {
    this.form.enable();
    this.form.patchValue({
      title: d.title,
      symbol: d.symbol ?? '',
      year: d.year,
      theme: d.theme ?? '',
      focal: d.focalUnitCode ? [{ unit: d.focalUnitCode }] : [],
      legalBases: fromLines(d.legalBases),
      purposes: fromLines(d.purposes),
      directingLeaders: fromLines(d.directingLeaders),
      parentPlanId: d.parentPlanId ?? null,
    });
    this.duties.clear();
    for (const r of d.reportingDuties ?? []) this.duties.push(this.duty(r.text, r.unitCode ?? null, r.timeframe ?? ''));
    this.sections.clear();
    for (const s of d.sections ?? []) this.sections.push(this.section(s.code, s.title));
    this.tasks.clear();
    for (const t of d.tasks) {
      this.tasks.push(
        this.fb.group({
          id: new FormControl<string | null>(t.id ?? null),
          parentTaskId: new FormControl<string | null>(t.parentTaskId ?? null),
          section: this.fb.control(t.section ?? ''),
          content: this.fb.control(t.content, Validators.required),
          expectedResult: this.fb.control(t.expectedResult ?? ''),
          leads: this.fb.control<UnitRefDto[]>(t.leads),
          coordinators: this.fb.control<UnitRefDto[]>(t.coordinators),
          directingLeader: this.fb.control(t.directingLeader ?? ''),
          timeframe: this.fb.control(t.timeframe ?? ''),
          notes: this.fb.control(t.notes ?? ''),
        }),
      );
    }
    this.indicators.clear();
    for (const i of d.indicators ?? []) {
      this.indicators.push(
        this.fb.group({
          id: new FormControl<string | null>(i.id ?? null),
          section: this.fb.control(i.section ?? ''),
          name: this.fb.control(i.name, Validators.required),
          targets: this.fb.array(i.targets.map((x) => this.target(x.year, x.text))),
          directingLeader: this.fb.control(i.directingLeader ?? ''),
          focal: this.fb.control<UnitRefDto[]>(i.focal),
          implementing: this.fb.control<UnitRefDto[]>(i.implementing),
          coordinators: this.fb.control<UnitRefDto[]>(i.coordinators ?? []),
        }),
      );
    }
  }

  private duty(text: string, unitCode: string | null, timeframe: string): DutyForm {
    return this.fb.group({ text: this.fb.control(text), unitCode: new FormControl<string | null>(unitCode), timeframe: this.fb.control(timeframe) });
  }
  private section(code: string, title: string): SectionForm {
    return this.fb.group({ code: this.fb.control(code), title: this.fb.control(title) });
  }
  private target(year: number, text: string): TargetForm {
    return this.fb.group({ year: this.fb.control(year), text: this.fb.control(text) });
  }

  protected addDuty(): void {
    this.duties.push(this.duty('', null, ''));
  }
  protected addSection(): void {
    this.sections.push(this.section('', ''));
  }
  protected addTask(): void {
    this.tasks.push(
      this.fb.group({
        id: new FormControl<string | null>(null),
        parentTaskId: new FormControl<string | null>(null),
        section: this.fb.control(''),
        content: this.fb.control('', Validators.required),
        expectedResult: this.fb.control(''),
        leads: this.fb.control<UnitRefDto[]>([]),
        coordinators: this.fb.control<UnitRefDto[]>([]),
        directingLeader: this.fb.control(''),
        timeframe: this.fb.control(''),
        notes: this.fb.control(''),
      }),
    );
  }
  protected addIndicator(): void {
    const year = Number(this.form.controls.year.value) || new Date().getFullYear();
    this.indicators.push(
      this.fb.group({
        id: new FormControl<string | null>(null),
        section: this.fb.control(''),
        name: this.fb.control('', Validators.required),
        targets: this.fb.array([this.target(year, '')]),
        directingLeader: this.fb.control(''),
        focal: this.fb.control<UnitRefDto[]>([]),
        implementing: this.fb.control<UnitRefDto[]>([]),
        coordinators: this.fb.control<UnitRefDto[]>([]),
      }),
    );
  }
  protected addTarget(i: number): void {
    const targets = this.indicators.at(i).controls.targets;
    const last = targets.length ? Number(targets.at(targets.length - 1).controls.year.value) : Number(this.form.controls.year.value);
    targets.push(this.target((last || new Date().getFullYear()) + (targets.length ? 1 : 0), ''));
  }

  /** The request the form stands for (trimmed; empty optional fields left out). */
  protected request(): PlanDraftRequest {
    const v = this.form.getRawValue();
    const opt = (s: string) => (s.trim() ? s.trim() : null);
    const focal = v.focal.map(refCode).find((c) => !!c) ?? null;
    return {
      title: v.title.trim(),
      ...(v.symbol.trim() ? { symbol: v.symbol.trim() } : {}),
      year: Number(v.year),
      focalUnitCode: focal,
      theme: opt(v.theme),
      legalBases: toLines(v.legalBases),
      purposes: toLines(v.purposes),
      directingLeaders: toLines(v.directingLeaders),
      reportingDuties: v.reportingDuties.filter((r) => r.text.trim()).map((r) => ({ text: r.text.trim(), unitCode: r.unitCode, timeframe: opt(r.timeframe) })),
      parentPlanId: v.parentPlanId,
      sections: v.sections.filter((s) => s.code.trim() || s.title.trim()).map((s) => ({ code: s.code.trim(), title: s.title.trim() })),
      tasks: v.tasks.map((t) => ({
        ...(t.id ? { id: t.id } : {}),
        section: opt(t.section),
        content: t.content.trim(),
        expectedResult: opt(t.expectedResult),
        directingLeader: opt(t.directingLeader),
        timeframe: opt(t.timeframe),
        notes: opt(t.notes),
        parentTaskId: t.parentTaskId,
        leads: t.leads,
        coordinators: t.coordinators,
      })),
      indicators: v.indicators.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        section: opt(i.section),
        name: i.name.trim(),
        targets: i.targets.filter((x) => x.text.trim()).map((x) => ({ year: Number(x.year), text: x.text.trim() })),
        directingLeader: opt(i.directingLeader),
        focal: i.focal,
        implementing: i.implementing,
        coordinators: i.coordinators,
      })),
    };
  }

  private write(): Observable<PlanWriteResult> {
    const id = this.planId();
    const version = this.version();
    const req = this.request();
    const call =
      this.mode() === 'amend' && id && version !== null
        ? this.api.amendPlan(id, { ...req, version, reason: this.reason.value.trim() })
        : id && version !== null
          ? this.api.updatePlan(id, { ...req, version })
          : this.api.createPlan(req);
    return call.pipe(
      tap((r) => {
        this.planId.set(r.id);
        this.version.set(r.version);
        this.status.set(this.status() ?? 'draft');
        this.savedVersion.set(r.version);
        this.problem.set(null);
        this.conflict.set(null);
        this.form.markAsPristine();
      }),
    );
  }

  private valid(): boolean {
    this.form.markAllAsTouched();
    this.reason.markAsTouched();
    const ok = this.form.valid && (this.mode() !== 'amend' || this.reason.value.trim().length > 0);
    this.invalid.set(!ok);
    return ok;
  }

  /** Saves the amendment and goes back to the plan, whose history now shows it. */
  protected amend(): void {
    if (this.busy() || !this.valid()) return;
    this.busy.set(true);
    this.write().subscribe({
      next: (r) => {
        this.busy.set(false);
        void this.router.navigate(['../..', r.id], { relativeTo: this.route });
      },
      error: (e) => this.fail(e),
    });
  }

  protected save(): void {
    if (this.busy() || !this.valid()) return;
    this.busy.set(true);
    this.savedVersion.set(null);
    this.write().subscribe({ next: () => this.busy.set(false), error: (e) => this.fail(e) });
  }

  protected submit(): void {
    if (this.busy() || !this.valid()) return;
    this.busy.set(true);
    this.savedVersion.set(null);
    this.write()
      .pipe(switchMap((r) => this.api.submitPlan(r.id)))
      .subscribe({
        next: (r) => {
          this.busy.set(false);
          void this.router.navigate([this.mode() === 'new' || !this.id() ? '..' : '../..', r.id], { relativeTo: this.route });
        },
        error: (e) => this.fail(e),
      });
  }

  private fail(e: unknown): void {
    this.busy.set(false);
    const p = readProblem(e);
    if (p.status === 409) {
      this.conflict.set(p.currentVersion ?? (this.version() ?? 0) + 1);
      this.problem.set(null);
    } else {
      this.problem.set(p);
    }
  }

  protected hasSection(code: string): boolean {
    return this.sections.value.some((s) => s.code === code);
  }

  protected msg(m: BilingualMessage): string {
    return this.i18n.lang() === 'en' ? m.en : m.vi;
  }

  protected required(c: FormControl<unknown>): boolean {
    return c.invalid && c.touched;
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const it of items) (out[key(it) ?? ''] ??= []).push(it);
  return out;
}
