import { type PlanEventPayloads, PlanEventType, type PlanMovedPayload, planEvent } from '@dieu-hanh/api/planning/contracts';
import { AggregateRoot, isIsoDate } from '@dieu-hanh/api/shared/kernel';
import type { Timeframe } from '@dieu-hanh/shared/util-timeframe';
import type { UnitRef } from './fan-out';
import { type PlanStatus, type PlanTransition, isEditable, nextStatus } from './plan-lifecycle';
import { planInvalid, planNotEditable, planTransitionRefused, planVersionConflict } from './planning.errors';

export interface PlanTask {
  id: string;
  parentTaskId: string | null; // the parent plan's task an implementing plan carries out
  ordinal: number;
  section: string | null; // numbered heading it sits under, e.g. "III.2"
  content: string; // nhiệm vụ
  expectedResult: string | null; // kết quả, sản phẩm
  directingLeader: string | null; // lãnh đạo chỉ đạo
  timeframe: string | null; // as written: "Quý IV/2025", "Thường xuyên"…
  timeframeNormalized: Timeframe | null; // read by the platform; `unknown` waits for a human
  notes: string | null; // ghi chú
  leads: UnitRef[]; // chủ trì
  coordinators: UnitRef[]; // phối hợp
}

export interface PlanIndicator {
  id: string;
  ordinal: number;
  section: string | null;
  name: string; // chỉ tiêu
  targets: { year: number; text: string }[]; // as written: "> 85%", "Tốp 5"
  directingLeader: string | null;
  focal: UnitRef[]; // cơ quan đầu mối tổng hợp, hướng dẫn
  implementing: UnitRef[]; // cơ quan thực hiện
  coordinators: UnitRef[]; // cơ quan phối hợp
}

/** The parts of a plan document that are read, not fanned out. */
export interface PlanDocument {
  theme: string | null; // chủ đề
  legalBases: string[]; // căn cứ
  purposes: string[]; // mục đích, yêu cầu
  directingLeaders: string[]; // lãnh đạo chỉ đạo
  reportingDuties: { text: string; unitCode: string | null; timeframe: string | null }[]; // chế độ báo cáo
  sections: { code: string; title: string }[];
}

export interface PlanDraftContent {
  title: string;
  symbol: string; // "KH-UBND"
  year: number;
  focalUnitCode: string | null; // cơ quan đầu mối
  parentPlanId: string | null; // the plan this one implements (kế hoạch triển khai)
  document: PlanDocument;
  tasks: PlanTask[];
  indicators: PlanIndicator[];
}

export interface PlanProps extends PlanDraftContent {
  id: string;
  provinceCode: string;
  issuerUnitCode: string; // the committee that issues (UBND TP, or UBND xã for a commune plan)
  draftingUnitCode: string; // the unit that drafts it
  issuerTier: 1 | 2;
  status: PlanStatus;
  version: number;
  number: number | null;
  issueDate: string | null;
  reviewComments: { by: string; at: string; text: string; field: string | null }[];
  amendmentCount: number;
}

/** A plan (kế hoạch): drafted, submitted, approved or returned, issued; never overwritten once issued. */
export class Plan extends AggregateRoot {
  private constructor(private props: PlanProps) {
    super();
  }

  static draft(props: Omit<PlanProps, 'status' | 'version' | 'number' | 'issueDate' | 'reviewComments' | 'amendmentCount'>): Plan {
    Plan.validate(props);
    const plan = new Plan({ ...props, status: 'draft', version: 1, number: null, issueDate: null, reviewComments: [], amendmentCount: 0 });
    plan.record(
      planEvent(PlanEventType.Drafted, props.id, {
        title: props.title,
        year: props.year,
        tasks: props.tasks.length,
        indicators: props.indicators.length,
        draftingUnitCode: props.draftingUnitCode,
        parentPlanId: props.parentPlanId,
      }),
    );
    return plan;
  }

  static restore(props: PlanProps): Plan {
    return new Plan(props);
  }

  get id(): string {
    return this.props.id;
  }

  snapshot(): Readonly<PlanProps> {
    return this.props;
  }

  /** Optimistic concurrency: the editor names the version it started from. */
  revise(content: PlanDraftContent, expectedVersion: number): void {
    if (!isEditable(this.props.status)) throw planNotEditable(this.props.status);
    if (expectedVersion !== this.props.version) throw planVersionConflict(this.props.version);
    Plan.validate(content);
    if (content.parentPlanId !== this.props.parentPlanId) {
      throw planInvalid('body.parentPlanId', 'Không đổi được kế hoạch cấp trên của một kế hoạch triển khai.', 'The parent plan of an implementing plan cannot change.');
    }
    this.props = { ...this.props, ...content, version: this.props.version + 1 };
    this.record(planEvent(PlanEventType.Revised, this.id, { version: this.props.version, tasks: content.tasks.length, indicators: content.indicators.length }));
  }

  /**
   * An issued plan changes only by amendment (điều chỉnh, bổ sung): who, when and why are recorded in
   * the event; the caller re-fans-out the changed tasks. Number, issue date and parent stay.
   */
  amend(content: PlanDraftContent, expectedVersion: number, by: string, reason: string, changes: { tasksChanged: number; tasksAdded: number; tasksRemoved: number }): void {
    if (this.props.status !== 'issued') throw planTransitionRefused(this.props.status, 'amend');
    if (expectedVersion !== this.props.version) throw planVersionConflict(this.props.version);
    if (!reason.trim() || reason.length > 2000) throw planInvalid('body.reason', 'Cần ghi lý do điều chỉnh (tối đa 2000 ký tự).', 'An amendment needs its reason (max 2000).');
    Plan.validate(content);
    if (content.parentPlanId !== this.props.parentPlanId) {
      throw planInvalid('body.parentPlanId', 'Không đổi được kế hoạch cấp trên của một kế hoạch triển khai.', 'The parent plan of an implementing plan cannot change.');
    }
    if (content.year !== this.props.year || content.symbol !== this.props.symbol) {
      throw planInvalid('body.year', 'Năm và ký hiệu của kế hoạch đã ban hành không đổi được.', 'The year and symbol of an issued plan cannot change.');
    }
    this.props = { ...this.props, ...content, version: this.props.version + 1, amendmentCount: this.props.amendmentCount + 1 };
    this.record(planEvent(PlanEventType.Amended, this.id, { by, reason: reason.trim(), version: this.props.version, amendment: this.props.amendmentCount, ...changes }));
  }

  submit(by: string): void {
    // A plan with nothing to do would be approved and issued as an empty shell: refuse it at the door.
    if (this.props.tasks.length === 0) {
      throw planInvalid('plan.tasks', 'Kế hoạch cần ít nhất một nhiệm vụ trước khi trình.', 'A plan needs at least one task before it is submitted.');
    }
    this.move('submit', by, {});
  }

  approve(by: string): void {
    this.move('approve', by, {});
  }

  close(by: string): void {
    this.move('close', by, {});
  }

  returnForRevision(by: string, at: string, comments: { text: string; field: string | null }[]): void {
    if (comments.length === 0 || comments.some((c) => !c.text.trim())) {
      throw planInvalid('body.comments', 'Cần ghi ý kiến khi trả lại dự thảo.', 'Returning a draft needs comments.');
    }
    this.move('return', by, { comments });
    this.props = { ...this.props, reviewComments: comments.map((c) => ({ ...c, by, at })) };
  }

  issue(by: string, number: number, issueDate: string, assignments: number, focalUnitCode: string | null = this.props.focalUnitCode): void {
    if (!Number.isInteger(number) || number < 1) throw planInvalid('body.number', 'Số kế hoạch phải là số nguyên dương.', 'The plan number must be a positive integer.');
    // A plan for a year is often issued in the last days of the year before (402/KH-UBND: 31/12/2024 for 2025).
    const issueYear = Number(issueDate.slice(0, 4));
    if (!isIsoDate(issueDate) || (issueYear !== this.props.year && issueYear !== this.props.year - 1)) {
      throw planInvalid('body.issueDate', 'Ngày ban hành phải là ngày hợp lệ trong năm của kế hoạch hoặc năm trước đó.', 'The issue date must be a valid date in the plan’s year or the year before.');
    }
    const focalSucceeds = focalUnitCode !== this.props.focalUnitCode ? this.props.focalUnitCode : null;
    this.props = { ...this.props, number, issueDate, focalUnitCode };
    this.move('issue', by, { number, symbol: `${number}/${this.props.symbol}`, issueDate, assignments, focalUnitCode, focalSucceeds });
  }

  /** The focal unit was merged into another: the plan's coordination goes with it. */
  handFocalTo(successor: string, by: string): void {
    const from = this.props.focalUnitCode;
    if (!from || from === successor) return;
    this.props = { ...this.props, focalUnitCode: successor, version: this.props.version + 1 };
    this.record(planEvent(PlanEventType.FocalUnitSucceeded, this.id, { from, to: successor, by }));
  }

  private move<T extends MoveTransition>(transition: T, by: string, extra: Omit<PlanEventPayloads[(typeof MOVED)[T]], keyof PlanMovedPayload>): void {
    const to = nextStatus(this.props.status, transition);
    if (!to) throw planTransitionRefused(this.props.status, transition);
    const from = this.props.status;
    this.props = { ...this.props, status: to, version: this.props.version + 1 };
    // Who is concerned travels with the event, so projections (notifications) need nothing else.
    const moved: PlanMovedPayload = { from, to, by, title: this.props.title, issuerUnitCode: this.props.issuerUnitCode, draftingUnitCode: this.props.draftingUnitCode };
    this.record(planEvent(MOVED[transition], this.id, { ...moved, ...extra } as PlanEventPayloads[(typeof MOVED)[T]]));
  }

  private static validate(c: Pick<PlanDraftContent, 'title' | 'year' | 'tasks' | 'symbol' | 'indicators' | 'document' | 'parentPlanId'>): void {
    if (!c.title.trim() || c.title.length > 500) throw planInvalid('body.title', 'Tên kế hoạch là bắt buộc (tối đa 500 ký tự).', 'A title is required (max 500).');
    if (!Number.isInteger(c.year) || c.year < 2000 || c.year > 2100) throw planInvalid('body.year', 'Năm không hợp lệ.', 'Invalid year.');
    if (!/^[A-ZĐ0-9][A-ZĐ0-9-]{0,30}$/.test(c.symbol)) throw planInvalid('body.symbol', 'Ký hiệu dạng "KH-UBND".', 'The symbol looks like "KH-UBND".');
    c.tasks.forEach((t, i) => {
      if (!t.content.trim()) throw planInvalid(`body.tasks.${i}.content`, 'Nội dung nhiệm vụ là bắt buộc.', 'A task needs its content.');
      // A task implements a task of the parent plan only inside an implementing plan.
      if (t.parentTaskId && !c.parentPlanId) {
        throw planInvalid(`body.tasks.${i}.parentTaskId`, 'Chỉ kế hoạch triển khai (có kế hoạch cấp trên) mới gắn nhiệm vụ cấp trên.', 'Only an implementing plan (with a parent plan) links a parent task.');
      }
      if (t.leads.length === 0) throw planInvalid(`body.tasks.${i}.leads`, 'Nhiệm vụ cần ít nhất một đơn vị chủ trì ("5 rõ").', 'A task needs at least one lead unit.');
      if (t.section && c.document.sections.length && !c.document.sections.some((s) => s.code === t.section)) {
        throw planInvalid(`body.tasks.${i}.section`, `Không có mục "${t.section}" trong kế hoạch.`, `No section "${t.section}" in the plan.`);
      }
    });
    const codes = c.document.sections.map((s) => s.code);
    if (new Set(codes).size !== codes.length) throw planInvalid('body.sections', 'Hai mục trùng mã.', 'Two sections share a code.');
    c.indicators.forEach((ind, i) => {
      if (!ind.name.trim()) throw planInvalid(`body.indicators.${i}.name`, 'Tên chỉ tiêu là bắt buộc.', 'An indicator needs its name.');
      if (ind.targets.length === 0) throw planInvalid(`body.indicators.${i}.targets`, 'Chỉ tiêu cần ít nhất một mục tiêu theo năm.', 'An indicator needs at least one yearly target.');
      const years = ind.targets.map((t) => t.year);
      if (new Set(years).size !== years.length) throw planInvalid(`body.indicators.${i}.targets`, 'Mỗi năm chỉ một mục tiêu.', 'One target per year.');
      ind.targets.forEach((t, j) => {
        if (!Number.isInteger(t.year) || t.year < 2000 || t.year > 2100) throw planInvalid(`body.indicators.${i}.targets.${j}.year`, 'Năm không hợp lệ.', 'Invalid year.');
        if (!t.text.trim()) throw planInvalid(`body.indicators.${i}.targets.${j}.text`, 'Mục tiêu không được để trống.', 'A target cannot be empty.');
      });
    });
  }
}

type MoveTransition = Exclude<PlanTransition, 'amend'>;

/** The event each lifecycle move records (an amendment records its own, richer event). */
const MOVED = {
  submit: PlanEventType.Submitted,
  approve: PlanEventType.Approved,
  return: PlanEventType.Returned,
  issue: PlanEventType.Issued,
  close: PlanEventType.Closed,
} as const satisfies Record<MoveTransition, string>;
